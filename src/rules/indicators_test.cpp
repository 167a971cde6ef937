// R-KPI-S, R-KPI-Q, R-KPI-C, R-KPI-P, R-KPI-B with the W 14.4 table 1 targets (≤ 2‰, 100 %,
// ≥ 99 %, 100 %, ≥ 90 %), each met and not met, on and beside its boundary, and empty.
#include "rules/indicators.hpp"

#include <gtest/gtest.h>

namespace hearth::rules {
namespace {

IndicatorPolicy Targets() {
  IndicatorPolicy p;
  p.accident_rate_max = {2, {"W 14.4 table 1", false, ""}};
  p.repair_response_min.value = 1000;
  p.qualification_min.value = 990;
  p.process_satisfaction_min.value = 1000;
  p.result_satisfaction_min.value = 900;
  return p;
}

std::vector<std::string> Ids(const char* prefix, int from, int to) {
  std::vector<std::string> out;
  for (int i = from; i < to; ++i) out.push_back(prefix + std::to_string(i));
  return out;
}

TEST(IndicatorRules, FiveIdsEachAccepted) {
  for (std::string_view rule : kIndicatorRules) EXPECT_TRUE(CheckIndicatorRule(rule).ok()) << rule;
  for (std::string_view bad : {"", "R-KPI", "r-kpi-s", "R-KPI-X", "R-TEMP-1"}) {
    auto s = CheckIndicatorRule(bad);
    ASSERT_FALSE(s.ok()) << bad;
    EXPECT_EQ(s.error().field, "rule");
  }
}

TEST(AccidentRate, Table) {
  struct Case {
    const char* name;
    AccidentRateInput period;
    std::vector<Outage> outages;
    IndicatorStatus status;
    const char* display;
    int64_t numerator;
    std::vector<std::string> records;
  };
  const int64_t season = 121 * 86400;  // 2025-2026 official days, in seconds
  const Case cases[] = {
      {"exactly 2‰ is met",
       {1000, 1000},
       {{"o1", true, 100, 20}},
       IndicatorStatus::kMet,
       "2.00‰",
       2000,
       {"o1"}},
      {"just over 2‰ is not met, though it shows 2.00‰",
       {1000, 1000},
       {{"o1", true, 100, 20}, {"o2", true, 1, 1}},
       IndicatorStatus::kNotMet,
       "2.00‰",
       2001,
       {"o1", "o2"}},
      {"outages not caused by the company do not count",
       {1000, 1000},
       {{"o1", true, 100, 10}, {"x", false, 1000, 1000}},
       IndicatorStatus::kMet,
       "1.00‰",
       1000,
       {"o1"}},
      {"a season: 6 h over 50,000 of 2,000,000 m²",
       {season, 2'000'000},
       {{"o1", true, 6 * 3600, 50'000}},
       IndicatorStatus::kMet,
       "0.05‰",
       6 * 3600 * 50'000,
       {"o1"}},
      {"a season: 5 days over the whole area",
       {season, 2'000'000},
       {{"o1", true, 5 * 86400, 2'000'000}},
       IndicatorStatus::kNotMet,
       "41.32‰",
       int64_t{5} * 86400 * 2'000'000,
       {"o1"}},
      {"no outage", {1000, 1000}, {}, IndicatorStatus::kMet, "0.00‰", 0, {}},
      {"no heated area: not applicable",
       {1000, 0},
       {},
       IndicatorStatus::kNotApplicable,
       "n/a",
       0,
       {}},
      {"empty period: not applicable",
       {0, 1000},
       {{"o1", true, 0, 10}},
       IndicatorStatus::kNotApplicable,
       "n/a",
       0,
       {"o1"}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto r = AccidentRate(Targets(), c.period, c.outages);
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->rule, "R-KPI-S");
    EXPECT_EQ(r->status, c.status) << IndicatorStatusName(r->status);
    EXPECT_EQ(r->display, c.display);
    EXPECT_TRUE(r->numerator == c.numerator);
    EXPECT_TRUE(r->denominator == Int128{c.period.period_seconds} * c.period.heated_area);
    EXPECT_EQ(r->records, c.records);
    EXPECT_EQ(r->numerator_records, c.records);
    EXPECT_EQ(r->target_per_mille, 2);
    EXPECT_EQ(r->target_kind, TargetKind::kAtMost);
    EXPECT_EQ(r->target_basis.source, "W 14.4 table 1");
  }
}

TEST(AccidentRate, RejectsImpossibleRecords) {
  struct Case {
    AccidentRateInput period;
    Outage outage;
    const char* field;
  };
  const Case cases[] = {
      {{-1, 1000}, {"o1", true, 1, 1}, "period"},
      {{1000, -1}, {"o1", true, 1, 1}, "period"},
      {{20'000'000'000, 1000}, {"o1", true, 1, 1}, "period"},
      {{1000, 1000}, {"o1", true, -1, 1}, "outages"},
      {{1000, 1000}, {"o1", true, 1001, 1}, "outages"},
      {{1000, 1000}, {"o1", false, 1, 1001}, "outages"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.field);
    std::vector<Outage> outages = {c.outage};
    auto r = AccidentRate(Targets(), c.period, outages);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(r.error().field, c.field);
  }
}

// A share indicator over records built from counts.
struct ShareCase {
  const char* name;
  int in_numerator;      // records counted in both
  int only_denominator;  // records in the denominator only
  int outside;           // records left out of both
  IndicatorStatus status;
  const char* display;
};

void ExpectShare(const IndicatorResult& r, const ShareCase& c, const char* rule, int target) {
  EXPECT_EQ(r.rule, rule);
  EXPECT_EQ(r.status, c.status) << IndicatorStatusName(r.status);
  EXPECT_EQ(r.display, c.display);
  EXPECT_TRUE(r.numerator == c.in_numerator);
  EXPECT_TRUE(r.denominator == c.in_numerator + c.only_denominator);
  EXPECT_EQ(r.target_per_mille, target);
  EXPECT_EQ(r.target_kind, TargetKind::kAtLeast);
  EXPECT_EQ(r.numerator_records, Ids("n", 0, c.in_numerator));
  auto all = Ids("n", 0, c.in_numerator);
  auto den = Ids("d", 0, c.only_denominator);
  all.insert(all.end(), den.begin(), den.end());
  EXPECT_EQ(r.records, all);
}

TEST(RepairResponseRate, Table) {
  const ShareCase cases[] = {
      {"all in time", 100, 0, 3, IndicatorStatus::kMet, "100.00%"},
      {"one late of 100", 99, 1, 0, IndicatorStatus::kNotMet, "99.00%"},
      {"one late of 100,000 shows 100.00%", 99'999, 1, 0, IndicatorStatus::kNotMet, "100.00%"},
      {"none due", 0, 0, 5, IndicatorStatus::kNotApplicable, "n/a"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<RepairResponse> v;
    for (const auto& id : Ids("n", 0, c.in_numerator)) v.push_back({id, true, true});
    for (const auto& id : Ids("d", 0, c.only_denominator)) v.push_back({id, true, false});
    // Not due: left out whether or not they were in time.
    for (const auto& id : Ids("x", 0, c.outside)) v.push_back({id, false, id == "x0"});
    ExpectShare(RepairResponseRate(Targets(), v), c, "R-KPI-Q", 1000);
  }
}

TEST(QualificationRate, Table) {
  const ShareCase cases[] = {
      {"99 of 100", 99, 1, 0, IndicatorStatus::kMet, "99.00%"},
      {"990 of 1000", 990, 10, 0, IndicatorStatus::kMet, "99.00%"},
      {"989 of 1000", 989, 11, 0, IndicatorStatus::kNotMet, "98.90%"},
      {"98 of 99", 98, 1, 0, IndicatorStatus::kNotMet, "98.99%"},
      {"exempt and not judged days left out", 99, 1, 40, IndicatorStatus::kMet, "99.00%"},
      {"nothing judged", 0, 0, 10, IndicatorStatus::kNotApplicable, "n/a"},
      {"none qualified", 0, 3, 0, IndicatorStatus::kNotMet, "0.00%"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<HouseholdDayStatus> v;
    for (const auto& id : Ids("n", 0, c.in_numerator)) v.push_back({id, DayStatus::kQualified});
    for (const auto& id : Ids("d", 0, c.only_denominator)) {
      v.push_back({id, DayStatus::kUnqualified});
    }
    for (int i = 0; i < c.outside; ++i) {
      v.push_back({"x" + std::to_string(i), i % 2 ? DayStatus::kExempt : DayStatus::kNotJudged});
    }
    ExpectShare(QualificationRate(Targets(), v), c, "R-KPI-C", 990);
  }
}

// The same fraction from per-household counts: a day-level rate, not a share of households.
TEST(QualificationRateOfHouseholds, Table) {
  struct Case {
    const char* name;
    std::vector<HouseholdQualification> households;
    IndicatorStatus status;
    const char* display;
    int numerator, denominator;
    std::vector<std::string> records, numerator_records;
  };
  const Case cases[] = {
      {"one cold day among 3 households' 100 days",
       {{"1", 30, 30}, {"2", 29, 30}, {"3", 40, 40}},
       IndicatorStatus::kMet, "99.00%", 99, 100, {"1", "2", "3"}, {"1", "2", "3"}},
      {"a household with no qualified day is a record, not a numerator record",
       {{"1", 0, 2}, {"2", 197, 198}},
       IndicatorStatus::kNotMet, "98.50%", 197, 200, {"1", "2"}, {"2"}},
      {"a household without a judged day is left out",
       {{"1", 0, 0}, {"2", 10, 10}},
       IndicatorStatus::kMet, "100.00%", 10, 10, {"2"}, {"2"}},
      {"nothing judged", {{"1", 0, 0}}, IndicatorStatus::kNotApplicable, "n/a", 0, 0, {}, {}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto r = QualificationRateOfHouseholds(Targets(), c.households);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->rule, "R-KPI-C");
    EXPECT_EQ(r->status, c.status);
    EXPECT_EQ(r->display, c.display);
    EXPECT_TRUE(r->numerator == c.numerator);
    EXPECT_TRUE(r->denominator == c.denominator);
    EXPECT_EQ(r->records, c.records);
    EXPECT_EQ(r->numerator_records, c.numerator_records);
    // The day-level form agrees on every case.
    std::vector<HouseholdDayStatus> days;
    for (const auto& h : c.households) {
      for (int64_t i = 0; i < h.judged; ++i) {
        days.push_back({h.id + "/" + std::to_string(i),
                        i < h.qualified ? DayStatus::kQualified : DayStatus::kUnqualified});
      }
    }
    auto by_day = QualificationRate(Targets(), days);
    EXPECT_EQ(by_day.display, r->display);
    EXPECT_EQ(by_day.status, r->status);
  }
}

TEST(QualificationRateOfHouseholds, RejectsImpossibleCounts) {
  for (HouseholdQualification h : {HouseholdQualification{"7", -1, 3},
                                   HouseholdQualification{"7", 4, 3}}) {
    auto r = QualificationRateOfHouseholds(Targets(), std::vector{h});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(r.error().field, "households");
  }
}

TEST(ProcessSatisfaction, Table) {
  const ShareCase cases[] = {
      {"all handled in time and satisfied", 12, 0, 4, IndicatorStatus::kMet, "100.00%"},
      {"one late", 11, 1, 0, IndicatorStatus::kNotMet, "91.67%"},
      {"late and dissatisfied", 10, 2, 0, IndicatorStatus::kNotMet, "83.33%"},
      {"no reasonable complaint", 0, 0, 4, IndicatorStatus::kNotApplicable, "n/a"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<Complaint> v;
    for (const auto& id : Ids("n", 0, c.in_numerator)) v.push_back({id, true, true, true, false});
    // In the denominator only: d0 late though satisfied, d1 in time but not satisfied.
    for (int i = 0; i < c.only_denominator; ++i) {
      v.push_back({"d" + std::to_string(i), true, i != 0, i == 0, true});
    }
    // Unreasonable complaints are left out, however they went.
    for (const auto& id : Ids("x", 0, c.outside)) v.push_back({id, false, true, true, true});
    ExpectShare(ProcessSatisfaction(Targets(), v), c, "R-KPI-P", 1000);
  }
}

TEST(ResultSatisfaction, Table) {
  const ShareCase cases[] = {
      {"9 of 10", 9, 1, 0, IndicatorStatus::kMet, "90.00%"},
      {"8 of 9", 8, 1, 0, IndicatorStatus::kNotMet, "88.89%"},
      {"17 of 19", 17, 2, 0, IndicatorStatus::kNotMet, "89.47%"},
      {"179 of 199", 179, 20, 0, IndicatorStatus::kNotMet, "89.95%"},
      {"unreasonable left out", 10, 0, 7, IndicatorStatus::kMet, "100.00%"},
      {"no reasonable complaint", 0, 0, 2, IndicatorStatus::kNotApplicable, "n/a"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<Complaint> v;
    // Process satisfaction does not matter to R-KPI-B.
    for (const auto& id : Ids("n", 0, c.in_numerator)) v.push_back({id, true, false, false, true});
    for (const auto& id : Ids("d", 0, c.only_denominator))
      v.push_back({id, true, true, true, false});
    for (const auto& id : Ids("x", 0, c.outside)) v.push_back({id, false, true, true, true});
    ExpectShare(ResultSatisfaction(Targets(), v), c, "R-KPI-B", 900);
  }
}

TEST(IndicatorStatusName, Names) {
  EXPECT_STREQ(IndicatorStatusName(IndicatorStatus::kMet), "met");
  EXPECT_STREQ(IndicatorStatusName(IndicatorStatus::kNotMet), "not-met");
  EXPECT_STREQ(IndicatorStatusName(IndicatorStatus::kNotApplicable), "not-applicable");
}

}  // namespace
}  // namespace hearth::rules
