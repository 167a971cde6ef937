// The subsidy share (R-REG-1, issue 15): the regulator scores each company from its indicators
// and complaint measures and shares a subsidy pool by the scores, showing the working line by
// line.
//
// R-REG-1 [Z 4.3]: indicators, complaint volumes and satisfaction set each company's subsidy
// share. Z 4.3 gives no formula; the weights are the profile's ([subsidy], platform defaults
// marked as such), and the rest is the platform's decision:
// - Every measure scores 0 to 100 points (kept in hundredths, rounded half away from zero):
//   - an indicator to reach (R-KPI-Q, C, P, B): 100 at or above its target, else
//     100 × value ÷ target (a target of 0 is always reached);
//   - an indicator not to exceed (R-KPI-S): 100 at or below its limit, else 100 × limit ÷ value;
//   - complaints per 10,000 households, lower being better, against the best company compared:
//     100 × (best + 1) ÷ (its rate + 1). The one added (a complaint per 10,000 households) keeps
//     a company with none from leaving every other one at 0;
//   - replies within their deadline (R-WO-4): 100 × on time ÷ due.
// - A measure without a denominator (no heated area, no repair due, no household, no reply due)
//   is not applicable: it is left out and the company's other weights count in full (the score
//   is Σ weight × points ÷ Σ applicable weights). A company with no applicable measure scores 0.
// - The pool (fen) is shared in proportion to the scores, each share rounded down to the fen and
//   the fen left over given one each by the largest remainders (then the lower company id), so
//   the shares add up to the pool exactly. When every score is 0 nobody gets a share.
//
// Pure; thread-safe.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "rules/indicators.hpp"
#include "rules/policy.hpp"

namespace hearth::rules {

/// One company's figures over the period compared.
struct CompanyPerformance {
  int64_t company_id = 0;
  /// R-KPI-S, Q, C, P, B as computed (rules/indicators); others are ignored, a missing one is
  /// not applicable.
  std::vector<IndicatorResult> indicators;
  int64_t households = 0;       ///< its households
  int64_t complaints = 0;       ///< complaints received in the period (duplicates left out)
  int64_t replies_due = 0;      ///< reply deadlines due in the period
  int64_t replies_on_time = 0;  ///< of those, met in time
};

/// One measure of a company's score.
struct ScoreLine {
  std::string measure;  ///< "R-KPI-S" … "R-KPI-B", "complaint-rate", "on-time-reply"
  std::string value;    ///< "0.35‰", "98.33%", "12.50 per 10,000", "n/a"
  bool applicable = false;
  int64_t points = 0;  ///< hundredths of a point, 0..10000
  int weight = 0;      ///< percent, the profile's
  Basis basis;         ///< the weight's
  std::string working; ///< how the points came, e.g. "98.33% ÷ target 99.00% × 100 = 99.33"
};

struct CompanyScore {
  int64_t company_id = 0;
  std::vector<ScoreLine> lines;  ///< in the order of ScoreLine::measure above
  int applicable_weight = 0;     ///< Σ weights of the applicable lines
  int64_t score = 0;             ///< hundredths of a point, 0..10000
  std::string working;           ///< "(15 × 100.00 + 25 × 99.33) ÷ 40 = 99.58"
  int64_t share_fen = 0;         ///< of the pool
};

/// Hundredths as "99.33".
std::string FormatPoints(int64_t hundredths);

/// Scores `companies` and shares `pool_fen` between them, in the input's order. Errors:
/// invalid_argument (field "pool") outside 0..10^13 fen (¥100 billion); (field "companies") a
/// negative count, more replies on time than due, more complaints or households than 10^9, or
/// a company given twice.
Result<std::vector<CompanyScore>> ScoreCompanies(const SubsidyPolicy& weights,
                                                 std::span<const CompanyPerformance> companies,
                                                 int64_t pool_fen);

}  // namespace hearth::rules
