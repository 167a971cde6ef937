// R-REG-1 subsidy scores against hand-computed values: each measure's points (reached, short,
// over the limit, not applicable), the complaint rate against the best company, the weights of
// the applicable measures, and the pool shared to the fen.
#include "rules/subsidy.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace hearth::rules {
namespace {

SubsidyPolicy Weights() {
  const Basis b{"Z 4.3", true, ""};
  return {{15, b}, {15, b}, {25, b}, {10, b}, {15, b}, {10, b}, {10, b}};
}

IndicatorResult Ind(const char* rule, Int128 n, Int128 d, int target, TargetKind kind,
                    const char* display) {
  IndicatorResult r;
  r.rule = rule;
  r.numerator = n;
  r.denominator = d;
  r.target_per_mille = target;
  r.target_kind = kind;
  r.display = display;
  return r;
}

TEST(Subsidy, PointsOfEachMeasure) {
  struct Case {
    const char* what;
    IndicatorResult indicator;
    int64_t points;
    const char* working;
  };
  const Case cases[] = {
      {"reached", Ind("R-KPI-C", 995, 1000, 990, TargetKind::kAtLeast, "99.50%"), 10000,
       "99.50% reaches the target 99.00%: 100.00"},
      // 59/60 = 98.333…% ÷ 99% = 0.99326… → 99.33
      {"short", Ind("R-KPI-C", 59, 60, 990, TargetKind::kAtLeast, "98.33%"), 9933,
       "98.33% ÷ target 99.00% × 100 = 99.33"},
      {"none of it", Ind("R-KPI-Q", 0, 3, 1000, TargetKind::kAtLeast, "0.00%"), 0,
       "0.00% ÷ target 100.00% × 100 = 0.00"},
      {"within the limit", Ind("R-KPI-S", 2, 1000, 2, TargetKind::kAtMost, "2.00‰"), 10000,
       "2.00‰ within the limit 2.00‰: 100.00"},
      // 7‰ against 2‰: 2 ÷ 7 = 28.571… → 28.57
      {"over the limit", Ind("R-KPI-S", 7, 1000, 2, TargetKind::kAtMost, "7.00‰"), 2857,
       "limit 2.00‰ ÷ 7.00‰ × 100 = 28.57"},
  };
  for (const auto& c : cases) {
    const CompanyPerformance company{1, {c.indicator}, 0, 0, 0, 0};
    auto scored = ScoreCompanies(Weights(), {&company, 1}, 0);
    ASSERT_TRUE(scored.ok()) << c.what;
    const auto& lines = (*scored)[0].lines;
    auto it = std::find_if(lines.begin(), lines.end(),
                           [&](const ScoreLine& l) { return l.measure == c.indicator.rule; });
    ASSERT_NE(it, lines.end());
    EXPECT_TRUE(it->applicable) << c.what;
    EXPECT_EQ(it->points, c.points) << c.what;
    EXPECT_EQ(it->working, c.working) << c.what;
    // Only this measure applies: the score is its points.
    EXPECT_EQ((*scored)[0].score, c.points) << c.what;
    EXPECT_EQ((*scored)[0].applicable_weight, it->weight) << c.what;
  }
}

TEST(Subsidy, TwoCompaniesScoredAndThePoolShared) {
  // a: every indicator met, 30 complaints of 10,000 households (30 per 10,000), 9 of 10 replies
  //    on time.
  // b: C 59/60, S 7‰, no repair or complaint satisfaction applicable, 10 complaints of 2,000
  //    households (50 per 10,000), no reply due.
  const CompanyPerformance a{
      1,
      {Ind("R-KPI-S", 0, 1000, 2, TargetKind::kAtMost, "0.00‰"),
       Ind("R-KPI-Q", 5, 5, 1000, TargetKind::kAtLeast, "100.00%"),
       Ind("R-KPI-C", 99, 100, 990, TargetKind::kAtLeast, "99.00%"),
       Ind("R-KPI-P", 4, 4, 1000, TargetKind::kAtLeast, "100.00%"),
       Ind("R-KPI-B", 9, 10, 900, TargetKind::kAtLeast, "90.00%")},
      10'000, 30, 10, 9};
  const CompanyPerformance b{2,
                             {Ind("R-KPI-S", 7, 1000, 2, TargetKind::kAtMost, "7.00‰"),
                              Ind("R-KPI-Q", 0, 0, 1000, TargetKind::kAtLeast, "n/a"),
                              Ind("R-KPI-C", 59, 60, 990, TargetKind::kAtLeast, "98.33%")},
                             2'000, 10, 0, 0};
  const std::vector<CompanyPerformance> both = {a, b};
  auto scored = ScoreCompanies(Weights(), both, 100'000'00);  // ¥100,000.00
  ASSERT_TRUE(scored.ok()) << scored.error().message;
  const CompanyScore& sa = (*scored)[0];
  const CompanyScore& sb = (*scored)[1];

  // a: the best rate: (30 + 1) ÷ (30 + 1) = 100; replies 90.00.
  // (15×100 + 15×100 + 25×100 + 10×100 + 15×100 + 10×100 + 10×90) ÷ 100 = 99.00
  ASSERT_EQ(sa.lines.size(), 7u);
  EXPECT_EQ(sa.lines[5].value, "30.00 per 10,000");
  EXPECT_EQ(sa.lines[5].points, 10000);
  EXPECT_EQ(sa.lines[6].points, 9000);
  EXPECT_EQ(sa.lines[6].working, "9 on time ÷ 10 due × 100 = 90.00");
  EXPECT_EQ(sa.applicable_weight, 100);
  EXPECT_EQ(sa.score, 9900);
  EXPECT_EQ(sa.working,
            "(15 × 100.00 + 15 × 100.00 + 25 × 100.00 + 10 × 100.00 + 15 × 100.00 + 10 × 100.00 "
            "+ 10 × 90.00) ÷ 100 = 99.00");

  // b: S 28.57, C 99.33, rate (30 + 1) ÷ (50 + 1) = 60.784… → 60.78; Q, P, B and replies not
  // applicable: (15×28.57 + 25×99.33 + 10×60.78) ÷ 50 = (428.55 + 2483.25 + 607.8) ÷ 50 = 70.392
  // → 70.39
  EXPECT_FALSE(sb.lines[1].applicable);
  EXPECT_EQ(sb.lines[1].working, "not applicable");
  EXPECT_FALSE(sb.lines[3].applicable);  // P missing
  EXPECT_EQ(sb.lines[5].points, 6078);
  EXPECT_EQ(sb.lines[5].working,
            "(best 30.00 per 10,000 + 1) ÷ (50.00 per 10,000 + 1) × 100 = 60.78");
  EXPECT_FALSE(sb.lines[6].applicable);
  EXPECT_EQ(sb.applicable_weight, 50);
  EXPECT_EQ(sb.score, 7039);

  // The pool: 10,000,000 fen × 9900 ÷ 16939 = 5,844,500.86… and × 7039 ÷ 16939 = 4,155,499.14…:
  // rounded down they leave one fen, which goes to the larger remainder (a's .86).
  EXPECT_EQ(sa.share_fen + sb.share_fen, 100'000'00);
  EXPECT_EQ(sa.share_fen, 5'844'501);
  EXPECT_EQ(sb.share_fen, 4'155'499);
}

TEST(Subsidy, NoComplaintsAnywhereAndNothingApplicable) {
  // A company without complaints is the best; one with no figures at all scores 0 and gets none.
  const CompanyPerformance quiet{1, {}, 1'000, 0, 0, 0};
  const CompanyPerformance busy{2, {}, 1'000, 1, 0, 0};  // 10 per 10,000
  const CompanyPerformance empty{3, {}, 0, 0, 0, 0};
  const std::vector<CompanyPerformance> all = {quiet, busy, empty};
  auto scored = ScoreCompanies(Weights(), all, 100);
  ASSERT_TRUE(scored.ok());
  EXPECT_EQ((*scored)[0].score, 10000);
  EXPECT_EQ((*scored)[1].score, 909);  // (0 + 1) ÷ (10 + 1) = 9.09
  EXPECT_EQ((*scored)[2].score, 0);
  EXPECT_EQ((*scored)[2].working, "no applicable measure: 0.00");
  // 100 fen × 10000 ÷ 10909 = 91.66…, × 909 ÷ 10909 = 8.33…: 91 + 8 = 99, one fen to the
  // larger remainder (a's .66).
  EXPECT_EQ((*scored)[0].share_fen, 92);
  EXPECT_EQ((*scored)[1].share_fen, 8);
  EXPECT_EQ((*scored)[2].share_fen, 0);

  // Nobody scores: nobody gets a share.
  auto none = ScoreCompanies(Weights(), {&empty, 1}, 100);
  ASSERT_TRUE(none.ok());
  EXPECT_EQ((*none)[0].share_fen, 0);
}

TEST(Subsidy, RefusalsNameWhatIsWrong) {
  const CompanyPerformance ok{1, {}, 10, 1, 2, 1};
  EXPECT_EQ(ScoreCompanies(Weights(), {&ok, 1}, -1).error().field, "pool");
  const CompanyPerformance late{1, {}, 10, 1, 1, 2};
  EXPECT_EQ(ScoreCompanies(Weights(), {&late, 1}, 0).error().field, "companies");
  const CompanyPerformance negative{1, {}, -1, 0, 0, 0};
  EXPECT_EQ(ScoreCompanies(Weights(), {&negative, 1}, 0).error().field, "companies");
  const std::vector<CompanyPerformance> twice = {ok, ok};
  EXPECT_EQ(ScoreCompanies(Weights(), twice, 0).error().field, "companies");
}

}  // namespace
}  // namespace hearth::rules
