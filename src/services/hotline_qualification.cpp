// HotlineReportService: R-KPI-C, the qualification rate over judged household-days, a page of
// households at a time, kept for kQualificationTtl.
#include "services/hotline_report_service.hpp"

#include <algorithm>
#include <vector>

namespace hearth::services {

Status HotlineReportService::QualificationRate(const ReportMonth& month, int64_t company,
                                               const rules::IndicatorPolicy& policy, Instant now,
                                               bool fresh,
                                               const std::optional<DistrictRef>& district,
                                               const DistrictHouseholds* in,
                                               CompanyIndicators& out) const {
  const std::pair<int64_t, std::string> key{
      company, month.Text() + (district ? "@" + std::to_string(district->id) : "")};
  if (!fresh) {
    MutexLock lock(mutex_);
    auto it = kept_.find(key);
    if (it != kept_.end() && now - it->second.at < kQualificationTtl && it->second.at <= now) {
      out.c = it->second.c;
      out.c_households = it->second.households;
      out.c_computed_at = it->second.at;
      return OkStatus();
    }
  }
  const Date first = LocalDate(month.from);
  const Date last = std::min(LocalDate(month.until), LocalDate(now)) - std::chrono::days{1};
  std::vector<rules::HouseholdQualification> counts;
  if (first <= last) {
    // Only a household with a value in the month can have a judged day: judge those alone.
    auto evidence = judging_->WithEvidence(company, first, last);
    if (!evidence.ok()) return evidence.error();
    std::vector<int64_t> candidates;  // ascending, as WithEvidence gives them
    for (int64_t id : *evidence) {
      if (in == nullptr || in->heated_area.contains(id)) candidates.push_back(id);
    }
    JudgingService::Cache cache;
    auto count = [&](const ports::HouseholdView& household, const HouseholdJudgement& judged) {
      rules::HouseholdQualification h{std::to_string(household.id), 0, 0};
      for (const JudgedDay& d : judged.days) {
        if (d.status == rules::DayStatus::kQualified) ++h.qualified;
        if (d.status == rules::DayStatus::kQualified ||
            d.status == rules::DayStatus::kUnqualified) {
          ++h.judged;
        }
      }
      if (h.judged > 0) counts.push_back(std::move(h));
      return OkStatus();
    };
    auto heated = [](const ports::HouseholdView& h) { return h.heated(); };
    if (auto s = judging_->JudgeEach(candidates, first, last, cache, count, heated); !s.ok()) {
      return s;
    }
  }
  auto c = rules::QualificationRateOfHouseholds(policy, counts);
  if (!c.ok()) return c.error();
  out.c = std::move(*c);
  out.c_households = std::move(counts);
  out.c_computed_at = now;
  MutexLock lock(mutex_);
  // Any run of days and district makes a key: drop what has expired, so the cache holds only
  // what was asked within kQualificationTtl.
  std::erase_if(kept_, [&](const auto& e) { return now - e.second.at >= kQualificationTtl; });
  kept_[key] = {now, out.c, out.c_households};
  return OkStatus();
}

}  // namespace hearth::services
