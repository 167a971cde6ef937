// JudgingService: what decides a day besides its temperature (company-caused stops, R-REFUND-2;
// household-caused findings, R-REFUND-4), and a page of households read at once (Prefetch,
// JudgeEach).
#include "services/judging_service.hpp"

#include <algorithm>

#include "rules/finding.hpp"
#include "rules/outage.hpp"

namespace hearth::services {

Instant JudgingService::StopsUntil(Date from, Date to) const {
  Instant until = StartOfLocalDay(to + std::chrono::days{1});
  if (facts_.clock) until = std::max(StartOfLocalDay(from), std::min(until, facts_.clock->Now()));
  return until;
}

Status JudgingService::AddFacts(int64_t household_id, Date from, Date to, const Cache::Page* page,
                                std::map<Date, long>& stopped,
                                std::map<Date, int64_t>& covered) const {
  if (facts_.outages) {
    const Instant start = StartOfLocalDay(from), until = StopsUntil(from, to);
    std::vector<rules::StopSpan> spans;
    if (page) {
      // The page's spans are clipped to its wider range: clip them to this one.
      if (auto it = page->stops.find(household_id); it != page->stops.end()) {
        for (const rules::StopSpan& s : it->second) {
          rules::StopSpan clipped{std::max(s.from, start), std::min(s.to, until)};
          if (clipped.from < clipped.to) spans.push_back(clipped);
        }
      }
    } else {
      auto read = facts_.outages->CompanyStops(household_id, start, until);
      if (!read.ok()) return read.error();
      spans = std::move(*read);
    }
    stopped = rules::StopSecondsByDay(spans);
  }
  if (facts_.findings) {
    std::vector<rules::FindingCover> findings;
    if (page) {
      if (auto it = page->covers.find(household_id); it != page->covers.end()) {
        findings = it->second;
      }
    } else {
      auto read = facts_.findings->Covering(household_id, from, to);
      if (!read.ok()) return read.error();
      findings = std::move(*read);
    }
    covered = rules::CoveredDays(findings, from, to);
  }
  return OkStatus();
}

Status JudgingService::Prefetch(int64_t first, int64_t last, Date from, Date to, Cache& cache,
                                std::optional<ports::RoomsWanted> rooms) const {
  if (rollups_) {
    // The days this page reads: a household's other days wait for the background rollups.
    if (auto c = rollups_->CatchUp(ports::MarkRange{std::pair(first, last), std::pair(from, to)});
        !c.ok()) {
      return c.error();
    }
  }
  Cache::Page page;
  page.first = first;
  page.last = last;
  page.from = from;
  page.to = to;
  page.rooms = rooms;
  auto days = store_.HouseholdDaysOf(first, last, from, to, rooms);
  if (!days.ok()) return days.error();
  for (ports::HouseholdDay& d : *days) page.days[d.household_id].push_back(std::move(d));
  if (facts_.outages) {
    auto stops =
        facts_.outages->CompanyStopsOf(first, last, StartOfLocalDay(from), StopsUntil(from, to));
    if (!stops.ok()) return stops.error();
    for (const ports::HouseholdStop& s : *stops) page.stops[s.household_id].push_back(s.span);
  }
  if (facts_.findings) {
    auto covers = facts_.findings->CoveringOf(first, last, from, to);
    if (!covers.ok()) return covers.error();
    for (const ports::HouseholdCover& c : *covers) page.covers[c.household_id].push_back(c.cover);
  }
  cache.page = std::move(page);
  return OkStatus();
}

Status JudgingService::PrefetchPage(std::span<const ports::HouseholdView> page, Date from,
                                    Date to, Cache& cache) const {
  if (page.empty()) return OkStatus();
  Date lo = from, hi = to;
  for (const ports::HouseholdView& h : page) {
    auto span = JudgedSpan(h, from, to, cache);
    if (!span.ok()) return span.error();
    lo = std::min(lo, span->first);
    hi = std::max(hi, span->second);
  }
  return Prefetch(page.front().id, page.back().id, lo, hi, cache, ports::RoomsWanted{from, to});
}

Status JudgingService::JudgeEach(std::span<const int64_t> ids, Date from, Date to, Cache& cache,
                                 const JudgedVisitor& visit,
                                 const std::function<bool(const ports::HouseholdView&)>& keep) const {
  constexpr size_t kPage = 500;
  for (size_t at = 0; at < ids.size(); at += kPage) {
    std::vector<ports::HouseholdView> page;
    for (int64_t id : ids.subspan(at, std::min(kPage, ids.size() - at))) {
      auto household = ports::GetView<ports::HouseholdView>(records_, id);
      if (!household.ok()) return household.error();
      if (!keep || keep(*household)) page.push_back(std::move(*household));
    }
    // The page's days, stops and findings at once.
    if (auto s = PrefetchPage(page, from, to, cache); !s.ok()) return s.error();
    for (const ports::HouseholdView& household : page) {
      auto judged = Judge(household, from, to, &cache);
      if (!judged.ok()) return judged.error();
      if (auto s = visit(household, *judged); !s.ok()) return s;
    }
  }
  return OkStatus();
}

}  // namespace hearth::services
