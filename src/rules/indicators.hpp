// Service-quality indicators of a company or district over a period [W 3.6–3.10, W 14.4 table 1]:
// R-KPI-S operation accident rate, R-KPI-Q repair response rate, R-KPI-C room-temperature
// qualification rate, R-KPI-P complaint process satisfaction, R-KPI-B complaint result
// satisfaction.
//
// Pure functions over sets of records (plain structs with ids). Each result is an exact fraction
// (numerator / denominator as counted, not reduced), a display value, the target from
// policy.indicators (per mille) and whether it is met, decided by exact integer comparison
// (numerator × 1000 against target × denominator; never through a rounded display). Each result
// names the records it was computed from (W 14.4.6: indicators show their basis).
//
// Decision on empty denominators (no heated area or period, no repair response due, no judged
// household-day, no reasonable complaint): the indicator is *not applicable*: no value, display
// "n/a", neither met nor not met. A vacuous 100% would publish a rate nobody earned, and a "not
// met" would penalise a company for an empty period; the regulator sees "n/a" with zero records.
// Thread-safe.
#pragma once

#include <array>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/decimal.hpp"
#include "core/result.hpp"
#include "rules/policy.hpp"
#include "rules/temperature.hpp"

namespace hearth::rules {

/// The five indicators' rule ids, in the order reports show them.
inline constexpr std::array<std::string_view, 5> kIndicatorRules = {"R-KPI-S", "R-KPI-Q", "R-KPI-C",
                                                                    "R-KPI-P", "R-KPI-B"};
/// invalid_argument (field "rule") unless `rule` is one of kIndicatorRules.
Status CheckIndicatorRule(std::string_view rule);

enum class TargetKind {
  kAtMost,   ///< the value must not exceed the target (R-KPI-S)
  kAtLeast,  ///< the value must reach the target
};

enum class IndicatorStatus { kMet, kNotMet, kNotApplicable };

/// "met", "not-met", "not-applicable".
const char* IndicatorStatusName(IndicatorStatus status);

struct IndicatorResult {
  std::string rule;        ///< "R-KPI-S", …
  std::string name;        ///< "operation accident rate", …
  Int128 numerator = 0;    ///< the value is numerator / denominator (a share, not a percent)
  Int128 denominator = 0;  ///< 0: not applicable
  /// The value to show, rounded half away from zero to two decimals of the indicator's unit:
  /// "0.35‰" for R-KPI-S, "99.50%" for the others; "n/a" when not applicable.
  std::string display;
  int target_per_mille = 0;
  TargetKind target_kind = TargetKind::kAtLeast;
  Basis target_basis;
  IndicatorStatus status = IndicatorStatus::kNotApplicable;
  /// The records the indicator was computed from (see each function), in input order.
  std::vector<std::string> records;
  /// Those of `records` counted in the numerator, in input order.
  std::vector<std::string> numerator_records;
};

// --- R-KPI-S ---------------------------------------------------------------------------------

struct Outage {
  std::string id;
  bool company_caused = false;
  int64_t seconds = 0;  ///< how long it lasted within the period
  int64_t area = 0;     ///< the heated area it affected, in the unit of AccidentRateInput::area
};

struct AccidentRateInput {
  int64_t period_seconds = 0;  ///< the length of the period
  int64_t heated_area = 0;     ///< the company's heated area (any one integer unit)
};

/// R-KPI-S = Σ(seconds × area) of company-caused outages ÷ (period_seconds × heated_area); the
/// hours of the formula are seconds on both sides. Target: at most
/// policy.accident_rate_max per mille. records = numerator_records = the company-caused outages.
/// Errors: invalid_argument (field "period") for a negative period or area, or one beyond
/// 10^10 s / 10^15 area units; (field "outages") for an outage whose duration is negative or
/// longer than the period, or whose area is negative or larger than the heated area.
Result<IndicatorResult> AccidentRate(const IndicatorPolicy& policy, const AccidentRateInput& period,
                                     std::span<const Outage> outages);

// --- R-KPI-Q ---------------------------------------------------------------------------------

struct RepairResponse {
  std::string id;
  bool due = false;           ///< a response was due in the period
  bool within_limit = false;  ///< it came within its limit (R-REPAIR-1, R-WO-4)
};

/// R-KPI-Q = due responses within their limit ÷ due responses; target at least
/// policy.repair_response_min. records = the due responses.
IndicatorResult RepairResponseRate(const IndicatorPolicy& policy,
                                   std::span<const RepairResponse> responses);

// --- R-KPI-C ---------------------------------------------------------------------------------

struct HouseholdDayStatus {
  std::string id;  ///< e.g. "household-17/2025-12-01"
  DayStatus status = DayStatus::kNotJudged;
};

/// R-KPI-C = qualified ÷ judged (qualified + unqualified) household-days (R-TEMP-5); exempt and
/// not-judged days are left out. Target at least policy.qualification_min. records = the judged
/// days.
IndicatorResult QualificationRate(const IndicatorPolicy& policy,
                                  std::span<const HouseholdDayStatus> days);

/// A household's judged days of a period, counted (a city's month is millions of days: the
/// stored indicators keep one record per household, not per day).
struct HouseholdQualification {
  std::string id;         ///< e.g. "17" (the household's id)
  int64_t qualified = 0;  ///< its qualified days
  int64_t judged = 0;     ///< its qualified and unqualified days
};

/// R-KPI-C from per-household counts: the same fraction as QualificationRate over the
/// households' days (Σ qualified ÷ Σ judged). records = the households with a judged day;
/// numerator_records = those with a qualified one. invalid_argument (field "households") for a
/// negative count or more qualified days than judged ones.
Result<IndicatorResult> QualificationRateOfHouseholds(
    const IndicatorPolicy& policy, std::span<const HouseholdQualification> households);

// --- R-KPI-P, R-KPI-B ------------------------------------------------------------------------

struct Complaint {
  std::string id;
  bool reasonable = false;  ///< found reasonable (合理投诉)
  bool handled_in_time = false;
  bool process_satisfied = false;  ///< the complainant is satisfied with the handling
  bool result_satisfied = false;   ///< the complainant is satisfied with the result
};

/// R-KPI-P = reasonable complaints handled in time with process satisfaction ÷ reasonable
/// complaints; target at least policy.process_satisfaction_min. records = the reasonable ones.
IndicatorResult ProcessSatisfaction(const IndicatorPolicy& policy,
                                    std::span<const Complaint> complaints);

/// R-KPI-B = reasonable complaints with result satisfaction ÷ reasonable complaints; target at
/// least policy.result_satisfaction_min. records = the reasonable ones.
IndicatorResult ResultSatisfaction(const IndicatorPolicy& policy,
                                   std::span<const Complaint> complaints);

}  // namespace hearth::rules
