// Public service information (R-INFO-1, W 4.5, W 12): what a company publishes for everyone, as
// far as the policy profile says it. The procedures and their time limits, the quality standard,
// the refund rules and the heating dates are generated from the profile the deadline engine and
// the judging use, so the public page never disagrees with them.
//
// Texts are Chinese first (the public reads them), each with the clause it rests on.
//
// Pure; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "rules/policy.hpp"

namespace hearth::rules {

/// One published statement: a procedure and its time limit, a standard, a right or a duty.
struct PublicItem {
  std::string key;    ///< stable: "reply.city-hotline", "insurance-payout", "guarantee", …
  std::string title;  ///< zh-CN: "12345热线转办投诉的答复"
  std::string text;   ///< zh-CN: "5个工作日内"
  Basis basis;
};

/// "5个工作日", "3日", "24小时", "30分钟", "立即".
std::string PeriodText(const Period& period);
/// "18.0 °C" from tenths.
std::string TenthsText(Tenths tenths);
/// "11月15日".
std::string MonthDayText(MonthDay md);

/// The procedures and their time limits, in the order a household meets them: connection,
/// complaints by channel, repairs, return visits, outage notices, refunds, insurance.
std::vector<PublicItem> PublicProcedures(const Policy& policy);
/// The quality standard: the guaranteed temperature, the design outdoor temperature, the
/// heating period.
std::vector<PublicItem> PublicStandards(const Policy& policy);
/// The household's rights (refund tiers, unheated days, complaints, insurance) and duties, and
/// the company's duties, as the profile and RULES.md set them.
std::vector<PublicItem> PublicRights(const Policy& policy);
std::vector<PublicItem> PublicDuties();

}  // namespace hearth::rules
