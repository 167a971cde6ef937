// R-REG-1 subsidy scores and shares
#include "rules/subsidy.hpp"

#include <algorithm>
#include <numeric>
#include <set>

#include "core/decimal.hpp"

namespace hearth::rules {
namespace {

constexpr int64_t kFull = 10'000;  // 100 points, in hundredths
constexpr int64_t kMaxPoolFen = 10'000'000'000'000;
constexpr int64_t kMaxCount = 1'000'000'000;

std::string PerMilleText(int per_mille, bool as_percent) {
  return as_percent ? FormatPoints(int64_t{per_mille} * 10) + "%"
                    : FormatPoints(int64_t{per_mille} * 100) + "‰";
}

/// The points of an indicator against its target.
ScoreLine IndicatorLine(const char* rule, const std::vector<IndicatorResult>& indicators,
                        const Cited<int>& weight) {
  ScoreLine line{rule, "n/a", false, 0, weight.value, weight.basis, "not applicable"};
  auto it = std::find_if(indicators.begin(), indicators.end(),
                         [&](const IndicatorResult& r) { return r.rule == rule; });
  if (it == indicators.end() || it->denominator == 0) return line;
  const IndicatorResult& r = *it;
  line.value = r.display;
  line.applicable = true;
  const Int128 t = r.target_per_mille;
  const bool percent = r.target_kind == TargetKind::kAtLeast;
  const std::string target = PerMilleText(r.target_per_mille, percent);
  if (r.target_kind == TargetKind::kAtLeast) {
    if (t == 0 || r.numerator * 1000 >= t * r.denominator) {
      line.points = kFull;
      line.working = r.display + " reaches the target " + target + ": 100.00";
    } else {
      line.points = static_cast<int64_t>(RoundDiv(r.numerator * 1000 * kFull, t * r.denominator));
      line.working = r.display + " ÷ target " + target + " × 100 = " + FormatPoints(line.points);
    }
  } else {
    if (r.numerator * 1000 <= t * r.denominator) {
      line.points = kFull;
      line.working = r.display + " within the limit " + target + ": 100.00";
    } else {
      line.points = static_cast<int64_t>(RoundDiv(t * r.denominator * kFull, r.numerator * 1000));
      line.working = "limit " + target + " ÷ " + r.display + " × 100 = " + FormatPoints(line.points);
    }
  }
  return line;
}

/// Complaints per 10,000 households, in hundredths, as text.
std::string RateText(int64_t complaints, int64_t households) {
  return FormatPoints(static_cast<int64_t>(
             RoundDiv(Int128{complaints} * 10'000 * 100, Int128{households}))) +
         " per 10,000";
}

Status Check(std::span<const CompanyPerformance> companies, int64_t pool_fen) {
  if (pool_fen < 0 || pool_fen > kMaxPoolFen) {
    return Error::InvalidArgument("the pool must be from 0 to 100,000,000,000.00 yuan", "pool");
  }
  std::set<int64_t> seen;
  for (const CompanyPerformance& c : companies) {
    const std::string who = "company " + std::to_string(c.company_id);
    for (int64_t n : {c.households, c.complaints, c.replies_due, c.replies_on_time}) {
      if (n < 0 || n > kMaxCount) {
        return Error::InvalidArgument(who + ": counts are from 0 to 1,000,000,000", "companies");
      }
    }
    if (c.replies_on_time > c.replies_due) {
      return Error::InvalidArgument(who + ": more replies on time than due", "companies");
    }
    if (!seen.insert(c.company_id).second) {
      return Error::InvalidArgument(who + " is given twice", "companies");
    }
  }
  return OkStatus();
}

}  // namespace

std::string FormatPoints(int64_t hundredths) {
  const bool negative = hundredths < 0;
  const int64_t v = negative ? -hundredths : hundredths;
  const int64_t cents = v % 100;
  return (negative ? "-" : "") + std::to_string(v / 100) + (cents < 10 ? ".0" : ".") +
         std::to_string(cents);
}

Result<std::vector<CompanyScore>> ScoreCompanies(const SubsidyPolicy& weights,
                                                 std::span<const CompanyPerformance> companies,
                                                 int64_t pool_fen) {
  if (auto s = Check(companies, pool_fen); !s.ok()) return s.error();
  // The best complaint rate among the companies with households: c/h smallest, exactly.
  const CompanyPerformance* best = nullptr;
  for (const CompanyPerformance& c : companies) {
    if (c.households == 0) continue;
    if (!best || Int128{c.complaints} * best->households <
                     Int128{best->complaints} * c.households) {
      best = &c;
    }
  }
  std::vector<CompanyScore> out;
  for (const CompanyPerformance& c : companies) {
    CompanyScore score;
    score.company_id = c.company_id;
    score.lines = {IndicatorLine("R-KPI-S", c.indicators, weights.accident_rate),
                   IndicatorLine("R-KPI-Q", c.indicators, weights.repair_response),
                   IndicatorLine("R-KPI-C", c.indicators, weights.qualification),
                   IndicatorLine("R-KPI-P", c.indicators, weights.process_satisfaction),
                   IndicatorLine("R-KPI-B", c.indicators, weights.result_satisfaction)};
    ScoreLine rate{"complaint-rate", "n/a", false, 0, weights.complaint_rate.value,
                   weights.complaint_rate.basis, "not applicable"};
    if (c.households > 0) {
      rate.applicable = true;
      rate.value = RateText(c.complaints, c.households);
      // (best + 1) ÷ (rate + 1) with rate = complaints × 10,000 ÷ households, exactly.
      const Int128 num = (Int128{best->complaints} * 10'000 + best->households) * c.households;
      const Int128 den = Int128{best->households} * (Int128{c.complaints} * 10'000 + c.households);
      rate.points = static_cast<int64_t>(RoundDiv(num * kFull, den));
      rate.working = "(best " + RateText(best->complaints, best->households) + " + 1) ÷ (" +
                     rate.value + " + 1) × 100 = " + FormatPoints(rate.points);
    }
    score.lines.push_back(std::move(rate));
    ScoreLine reply{"on-time-reply", "n/a", false, 0, weights.on_time_reply.value,
                    weights.on_time_reply.basis, "not applicable"};
    if (c.replies_due > 0) {
      reply.applicable = true;
      reply.points = static_cast<int64_t>(
          RoundDiv(Int128{c.replies_on_time} * kFull, Int128{c.replies_due}));
      reply.value = FormatPoints(reply.points) + "%";
      reply.working = std::to_string(c.replies_on_time) + " on time ÷ " +
                      std::to_string(c.replies_due) + " due × 100 = " + FormatPoints(reply.points);
    }
    score.lines.push_back(std::move(reply));

    Int128 sum = 0;
    std::string terms;
    for (const ScoreLine& l : score.lines) {
      if (!l.applicable) continue;
      score.applicable_weight += l.weight;
      sum += Int128{l.weight} * l.points;
      terms += (terms.empty() ? "" : " + ") + std::to_string(l.weight) + " × " +
               FormatPoints(l.points);
    }
    if (score.applicable_weight == 0) {
      score.working = "no applicable measure: 0.00";
    } else {
      score.score = static_cast<int64_t>(RoundDiv(sum, score.applicable_weight));
      score.working = "(" + terms + ") ÷ " + std::to_string(score.applicable_weight) + " = " +
                      FormatPoints(score.score);
    }
    out.push_back(std::move(score));
  }

  // Shares by the largest remainder.
  const Int128 total = std::accumulate(out.begin(), out.end(), Int128{0},
                                       [](Int128 s, const CompanyScore& c) { return s + c.score; });
  if (total == 0) return out;
  std::vector<std::pair<Int128, size_t>> remainders;
  int64_t given = 0;
  for (size_t i = 0; i < out.size(); ++i) {
    const Int128 exact = Int128{pool_fen} * out[i].score;
    out[i].share_fen = static_cast<int64_t>(exact / total);
    given += out[i].share_fen;
    remainders.push_back({exact % total, i});
  }
  std::sort(remainders.begin(), remainders.end(), [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first > b.first;
    return out[a.second].company_id < out[b.second].company_id;
  });
  for (size_t k = 0; given < pool_fen; ++k, ++given) ++out[remainders[k].second].share_fen;
  return out;
}

}  // namespace hearth::rules
