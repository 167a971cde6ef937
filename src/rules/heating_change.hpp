// Increase, decrease, stop and resume heating (增减停复, R-ACCT-1; W 9.1.8): what an application
// needs, who takes each step, and how its fee is settled.
//
// - W 9.1.8: the company checks the documents the household submits and keeps them on record
//   (核实资料, 备查登记), and settles the heating fee by the policy and standards in force.
//   Every kind needs the application form, the applicant's identity and proof of the property;
//   an increase or decrease of the heated area needs its survey as well. An application is taken
//   in with what is to hand; the rest is listed as missing and supplied later, and it is approved
//   only when all are on file.
// - The settlement (R-ACCT-1, W 9.1.8): the season's fee of the area that changes, pro rata by the
//   days of the official season from the effective day to its end, in fen, rounded once (half away
//   from zero): area (m² × 100) × price (fen per m² per season) × days / (100 × the season's
//   days). A stop or a decrease is a credit (negative), a resumption or an increase a charge.
//   A change effective before the season starts takes all its days, one after it ends none.
//
// Decisions (the platform's, where neither text sets one):
// - No share of the fee is kept for a stopped household (a base fee): neither W nor Z sets one.
// - A household billed by heat meter is settled by its meter's readings on the bill, not pro
//   rata: it has no settlement amount here.
// - The effective day is not before the day the application is received.
// - The flow: received → approved | refused, once. The service hall (admin, manager, agent) takes
//   in any kind and files documents supplied later; the household may apply for its own stop or
//   resumption; only the admin or a manager decides, and a refusal gives its reason.
//
// Pure; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_time.hpp"
#include "core/result.hpp"
#include "rules/access.hpp"
#include "rules/season.hpp"

namespace hearth::rules {

enum class HeatingChangeKind { kIncrease, kDecrease, kStop, kResume };
enum class HeatingChangeDocument { kApplicationForm, kIdentity, kPropertyProof, kAreaSurvey };
enum class HeatingChangeState { kReceived, kApproved, kRefused };
enum class HeatingChangeAction { kApply, kSupplyDocuments, kApprove, kRefuse };

/// Wire names: "increase", "decrease", "stop", "resume"; "application-form", "identity",
/// "property-proof", "area-survey"; "received", "approved", "refused"; "apply",
/// "supply-documents", "approve", "refuse". Parsers return nullopt otherwise.
std::string_view HeatingChangeKindName(HeatingChangeKind k);
std::optional<HeatingChangeKind> ParseHeatingChangeKind(std::string_view name);
std::string_view HeatingChangeDocumentName(HeatingChangeDocument d);
std::optional<HeatingChangeDocument> ParseHeatingChangeDocument(std::string_view name);
std::string_view HeatingChangeStateName(HeatingChangeState s);
std::optional<HeatingChangeState> ParseHeatingChangeState(std::string_view name);
std::string_view HeatingChangeActionName(HeatingChangeAction a);
std::optional<HeatingChangeAction> ParseHeatingChangeAction(std::string_view name);
/// "increase, decrease, stop, resume" and "application-form, identity, …": for errors.
std::string HeatingChangeKindNames();
std::string HeatingChangeDocumentNames();

/// The largest heated area (m² × 100) a change takes: as a bill (rules/billing.hpp).
inline constexpr int64_t kMaxChangeAreaCenti = 100'000'000;

struct HeatingChange {
  HeatingChangeKind kind = HeatingChangeKind::kStop;
  Date received;            ///< the day it was received
  Date effective;           ///< the day it takes effect
  bool heated = true;       ///< the household's heating status when received
  int64_t area_before = 0;  ///< its heated area when received, m² × 100
  int64_t area_after = 0;   ///< increase, decrease: the new area; else area_before
  std::set<HeatingChangeDocument> documents;
};

/// Checks an application on receipt: invalid_argument naming the field: "documents" without the
/// application form; "effective" before the day received; "area" not above the old one for an
/// increase, not below it (and above 0) for a decrease, given for a stop or resumption, or over
/// kMaxChangeAreaCenti; failed_precondition naming "kind" for a stop of a household already
/// stopped or a resumption of one heated.
Status CheckHeatingChange(const HeatingChange& change);

/// The documents still to be supplied, in enum order.
std::vector<HeatingChangeDocument> MissingHeatingChangeDocuments(const HeatingChange& change);

/// What a move carries besides who takes it.
struct HeatingChangeMoveInput {
  std::set<HeatingChangeDocument> documents;  ///< supply-documents: one at least new
  std::string reason;                         ///< refuse: required
  std::string note;
};

/// Who may apply for `kind`: the hall for any; a household for its own stop or resumption.
bool MayApplyHeatingChange(Role role, HeatingChangeKind kind);

/// The state after `role` takes `action` (not kApply). Errors: permission_denied (the role);
/// failed_precondition (the state; approval with documents missing, field "documents");
/// invalid_argument naming the field a move lacks or does not take.
Result<HeatingChangeState> ApplyHeatingChange(const HeatingChange& change, HeatingChangeState state,
                                              HeatingChangeAction action, Role role,
                                              const HeatingChangeMoveInput& input);

/// The actions `role` may take now, in a stable order (approve only with every document on file).
std::vector<HeatingChangeAction> AllowedHeatingChangeActions(const HeatingChange& change,
                                                             HeatingChangeState state, Role role);

struct HeatingChangeSettlement {
  int64_t amount_fen = 0;  ///< a charge (> 0) or a credit (< 0)
  int64_t area = 0;        ///< the area settled, m² × 100
  int days = 0;            ///< official days from the effective day to the season's end
  int season_days = 0;
  int season = 0;         ///< the season's start year
  int64_t price_fen = 0;  ///< per m² for the season
};

/// The settlement of `change` over `season` at `price_fen` per m² for the season.
/// invalid_argument ("price") for a price below 0 or over kMaxBillPriceFen.
Result<HeatingChangeSettlement> SettleHeatingChange(const HeatingChange& change,
                                                    const SeasonDates& season, int64_t price_fen);

/// The start year of the season a change effective on `effective` falls in or before: the one
/// whose official end is not before it. `season_of(year)` gives a season's dates.
template <typename SeasonOfYear>
auto SeasonOfChange(Date effective, const SeasonOfYear& season_of) {
  const int y = static_cast<int>(std::chrono::year_month_day{effective}.year());
  auto before = season_of(y - 1);
  if (!before.ok() || before->official_end >= effective) return before;
  return season_of(y);
}

}  // namespace hearth::rules
