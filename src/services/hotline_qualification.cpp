// HotlineReportService: R-KPI-C, the qualification rate over judged household-days, a page of
// households at a time, kept for kQualificationTtl.
#include "services/hotline_report_service.hpp"

#include <algorithm>
#include <set>

#include "model/resources.hpp"
#include "ports/record_views.hpp"

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
    const std::set<int64_t> candidates(evidence->begin(), evidence->end());
    JudgingService::Cache cache;
    ports::ListQuery q;
    q.equals = {{"heating_status", "heated"}};
    q.scope.company_id = company;
    q.limit = 1000;
    for (;;) {
      auto page = records_.List(*model::FindResource("households"), q);
      if (!page.ok()) return page.error();
      std::vector<ports::HouseholdView> judged_here;
      for (const auto& record : page->items) {
        if (!candidates.contains(record.id)) continue;
        if (in != nullptr && !in->heated_area.contains(record.id)) continue;
        auto view = ports::HouseholdView::From(record);
        if (!view.ok()) return view.error();
        judged_here.push_back(std::move(*view));
      }
      // The page's days, stops and findings at once.
      if (auto s = judging_->PrefetchPage(judged_here, first, last, cache); !s.ok()) {
        return s.error();
      }
      for (const ports::HouseholdView& household : judged_here) {
        auto judged = judging_->Judge(household, first, last, &cache);
        if (!judged.ok()) return judged.error();
        rules::HouseholdQualification h{std::to_string(household.id), 0, 0};
        for (const JudgedDay& d : judged->days) {
          if (d.status == rules::DayStatus::kQualified) ++h.qualified;
          if (d.status == rules::DayStatus::kQualified ||
              d.status == rules::DayStatus::kUnqualified) {
            ++h.judged;
          }
        }
        if (h.judged > 0) counts.push_back(std::move(h));
      }
      if (!page->next_cursor) break;
      q.after = page->next_cursor;
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
