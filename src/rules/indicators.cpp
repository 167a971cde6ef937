// R-KPI-S, R-KPI-Q, R-KPI-C, R-KPI-P, R-KPI-B
#include "rules/indicators.hpp"

namespace hearth::rules {
namespace {

// Bounds that keep every R-KPI-S product inside 128 bits (over 300 years; 10^15 area units).
constexpr int64_t kMaxPeriodSeconds = 10'000'000'000;
constexpr int64_t kMaxArea = 1'000'000'000'000'000;

// "99.50": hundredths as text (Int128, so any count fits).
std::string Hundredths(Int128 v) {
  bool negative = v < 0;
  if (negative) v = -v;
  auto cents = static_cast<unsigned>(v % 100);
  std::string out = negative ? "-" : "";
  out += std::to_string(static_cast<unsigned long long>(v / 100));
  out += cents < 10 ? ".0" : ".";
  out += std::to_string(cents);
  return out;
}

IndicatorResult Start(const char* rule, const char* name, const Cited<int>& target,
                      TargetKind kind) {
  IndicatorResult r;
  r.rule = rule;
  r.name = name;
  r.target_per_mille = target.value;
  r.target_basis = target.basis;
  r.target_kind = kind;
  return r;
}

// Sets the display and the status from the fraction. `unit` is 100 (per cent) or 1000 (per mille).
IndicatorResult Finish(IndicatorResult r, int unit) {
  if (r.denominator == 0) {
    r.display = "n/a";
    r.status = IndicatorStatus::kNotApplicable;
    return r;
  }
  r.display =
      Hundredths(RoundDiv(r.numerator * unit * 100, r.denominator)) + (unit == 1000 ? "‰" : "%");
  Int128 value = r.numerator * 1000;  // per mille, against the target, exactly
  Int128 target = Int128{r.target_per_mille} * r.denominator;
  bool met = r.target_kind == TargetKind::kAtMost ? value <= target : value >= target;
  r.status = met ? IndicatorStatus::kMet : IndicatorStatus::kNotMet;
  return r;
}

// A share of counted records: `in_denominator` and `in_numerator` pick them.
template <typename T, typename Den, typename Num>
IndicatorResult CountShare(IndicatorResult r, std::span<const T> records, Den in_denominator,
                           Num in_numerator) {
  for (const T& rec : records) {
    if (!in_denominator(rec)) continue;
    r.records.push_back(rec.id);
    ++r.denominator;
    if (in_numerator(rec)) {
      r.numerator_records.push_back(rec.id);
      ++r.numerator;
    }
  }
  return Finish(std::move(r), 100);
}

}  // namespace

const char* IndicatorStatusName(IndicatorStatus status) {
  switch (status) {
    case IndicatorStatus::kMet:
      return "met";
    case IndicatorStatus::kNotMet:
      return "not-met";
    case IndicatorStatus::kNotApplicable:
      return "not-applicable";
  }
  return "?";
}

Result<IndicatorResult> AccidentRate(const IndicatorPolicy& policy, const AccidentRateInput& period,
                                     std::span<const Outage> outages) {
  if (period.period_seconds < 0 || period.heated_area < 0 ||
      period.period_seconds > kMaxPeriodSeconds || period.heated_area > kMaxArea) {
    return Error::InvalidArgument("the period must be 0 to " + std::to_string(kMaxPeriodSeconds) +
                                      " s and the heated area 0 to " + std::to_string(kMaxArea),
                                  "period");
  }
  IndicatorResult r =
      Start("R-KPI-S", "operation accident rate", policy.accident_rate_max, TargetKind::kAtMost);
  for (const Outage& o : outages) {
    if (o.seconds < 0 || o.seconds > period.period_seconds || o.area < 0 ||
        o.area > period.heated_area) {
      return Error::InvalidArgument("outage " + o.id +
                                        ": its duration must lie within the period and its area "
                                        "within the heated area",
                                    "outages");
    }
    if (!o.company_caused) continue;
    r.records.push_back(o.id);
    r.numerator_records.push_back(o.id);
    r.numerator += Int128{o.seconds} * o.area;
  }
  r.denominator = Int128{period.period_seconds} * period.heated_area;
  return Finish(std::move(r), 1000);
}

IndicatorResult RepairResponseRate(const IndicatorPolicy& policy,
                                   std::span<const RepairResponse> responses) {
  return CountShare(
      Start("R-KPI-Q", "repair response rate", policy.repair_response_min, TargetKind::kAtLeast),
      responses, [](const RepairResponse& x) { return x.due; },
      [](const RepairResponse& x) { return x.within_limit; });
}

IndicatorResult QualificationRate(const IndicatorPolicy& policy,
                                  std::span<const HouseholdDayStatus> days) {
  return CountShare(
      Start("R-KPI-C", "room-temperature qualification rate", policy.qualification_min,
            TargetKind::kAtLeast),
      days,
      [](const HouseholdDayStatus& d) {
        return d.status == DayStatus::kQualified || d.status == DayStatus::kUnqualified;
      },
      [](const HouseholdDayStatus& d) { return d.status == DayStatus::kQualified; });
}

Result<IndicatorResult> QualificationRateOfHouseholds(
    const IndicatorPolicy& policy, std::span<const HouseholdQualification> households) {
  IndicatorResult r = Start("R-KPI-C", "room-temperature qualification rate",
                            policy.qualification_min, TargetKind::kAtLeast);
  for (const HouseholdQualification& h : households) {
    if (h.qualified < 0 || h.judged < h.qualified) {
      return Error::InvalidArgument("household " + h.id +
                                        ": qualified days must be 0 to its judged days",
                                    "households");
    }
    if (h.judged == 0) continue;
    r.records.push_back(h.id);
    r.denominator += h.judged;
    if (h.qualified > 0) {
      r.numerator_records.push_back(h.id);
      r.numerator += h.qualified;
    }
  }
  return Finish(std::move(r), 100);
}

IndicatorResult ProcessSatisfaction(const IndicatorPolicy& policy,
                                    std::span<const Complaint> complaints) {
  return CountShare(
      Start("R-KPI-P", "complaint process satisfaction", policy.process_satisfaction_min,
            TargetKind::kAtLeast),
      complaints, [](const Complaint& c) { return c.reasonable; },
      [](const Complaint& c) { return c.handled_in_time && c.process_satisfied; });
}

IndicatorResult ResultSatisfaction(const IndicatorPolicy& policy,
                                   std::span<const Complaint> complaints) {
  return CountShare(
      Start("R-KPI-B", "complaint result satisfaction", policy.result_satisfaction_min,
            TargetKind::kAtLeast),
      complaints, [](const Complaint& c) { return c.reasonable; },
      [](const Complaint& c) { return c.result_satisfied; });
}

Status CheckIndicatorRule(std::string_view rule) {
  for (std::string_view r : kIndicatorRules) {
    if (r == rule) return OkStatus();
  }
  return Error::InvalidArgument("rule must be R-KPI-S, R-KPI-Q, R-KPI-C, R-KPI-P or R-KPI-B",
                                "rule");
}

}  // namespace hearth::rules
