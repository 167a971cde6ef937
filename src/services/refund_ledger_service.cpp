#include "services/refund_ledger_service.hpp"

#include "ports/record_views.hpp"
#include "rules/billing.hpp"
#include "rules/refund.hpp"
#include "rules/season.hpp"

namespace hearth::services {
namespace {

// The last day that has ended, local time: a run counts no later day.
Date LastCompleteDay(const ports::Clock& clock) {
  return LocalDate(clock.Now()) - std::chrono::days{1};
}

bool InScope(const ports::RefundEntry& e, const ports::Scope& scope) {
  return (!scope.company_id || e.company_id == *scope.company_id) &&
         (!scope.household_id || e.household_id == *scope.household_id);
}

// The season's fees of the households first..last, by household.
Result<std::map<int64_t, int64_t>> FeesOf(ports::RecordStore& records, int64_t first,
                                          int64_t last, int year) {
  ports::ListQuery q;
  q.equals = {{"season", int64_t{year}}};
  q.range = ports::FieldRange{"household_id", first, last};
  q.limit = 1000;
  std::map<int64_t, int64_t> out;
  while (true) {
    auto page = records.List(ports::ResourceNamed("fees"), q);
    if (!page.ok()) return page.error();
    for (const auto& record : page->items) {
      auto fee = ports::FeeView::From(record);
      if (!fee.ok()) return fee.error();
      out[fee->household_id] = fee->amount_fen;
    }
    if (!page->next_cursor) return out;
    q.after = page->next_cursor;
  }
}

// The entry of one household with its season (JudgingService::SeasonOf) and its fee.
Result<ports::RefundEntry> ComputeEntry(const JudgingService& judging,
                                        const DeadlineService& deadlines,
                                        const PolicyRegistry& policies,
                                        const ports::HouseholdView& household,
                                        const rules::SeasonDates& dates, int64_t fee_fen,
                                        Date last_day, const std::string& actor,
                                        JudgingService::Cache* cache) {
  const int year = dates.start_year;
  auto judgement = judging.Judge(household, dates.official_start, dates.official_end, cache);
  if (!judgement.ok()) return judgement.error();
  auto policy = policies.Find(judgement->policy);
  if (!policy.ok()) return policy.error();

  std::vector<rules::RefundDay> days;
  days.reserve(judgement->days.size());
  std::optional<Date> official_start, official_end;
  for (const auto& j : judgement->days) {
    if (!j.in_season) continue;
    if (!official_start) official_start = j.date;
    official_end = j.date;
    if (j.date > last_day) continue;  // not complete yet: counted by a later run
    rules::RefundDay rd;
    rd.date = j.date;
    rd.value = j.value;
    rd.source = j.source;
    if (j.measured_on) rd.measured_on = *j.measured_on;
    rd.guarantee = j.guarantee;
    rd.outdoor_mean = j.outdoor_mean;
    rd.meter_billed = household.billing == "meter";
    rd.outage = j.outage;                             // R-REFUND-2
    rd.household_caused = j.finding_id.has_value();  // R-REFUND-4
    days.push_back(rd);
  }
  if (!official_start) {
    return Error::FailedPrecondition("the season " + std::to_string(year) +
                                     " has no official days for household " +
                                     std::to_string(household.id));
  }
  if (days.empty()) {
    return Error::FailedPrecondition("no official day of the season " + std::to_string(year) +
                                     " is complete yet: it starts on " +
                                     FormatDate(*official_start));
  }
  rules::SeasonDates season{year, *official_start, *official_start, *official_end};
  auto refund = rules::ComputeRefund(**policy, season, fee_fen, days);
  if (!refund.ok()) return refund.error();

  std::vector<ports::LedgerDay> listed;
  listed.reserve(refund->days.size());
  const Date first = judgement->days.front().date;  // Judge gives one day per date from..to
  for (auto& d : refund->days) {
    JudgedDay& j = judgement->days[static_cast<size_t>((d.date - first).count())];
    ports::LedgerEvidence evidence{j.source, std::move(j.room), j.measured_on, j.measurement_id,
                                   {}};
    if (j.source == rules::EvidenceSource::kRemote) evidence.rooms = std::move(j.rooms);
    listed.push_back({d.date, d.share_percent, d.cause, std::move(d.reason), j.value, j.guarantee,
                      j.outdoor_mean, std::move(evidence)});
  }

  auto deadline = deadlines.Compute(
      {judgement->policy, "refund-payment", std::nullopt,
       FormatLocal(EndOfLocalDay(season.official_end)), false},
      false);
  if (!deadline.ok()) return deadline.error();

  ports::RefundEntry e;
  e.household_id = household.id;
  e.company_id = household.company_id;
  e.season_start_year = year;
  e.fee_fen = fee_fen;
  e.refund_fen = refund->refund_fen;
  e.official_days = refund->official_days;
  e.days = std::move(listed);
  e.payment_deadline = FormatLocal(deadline->answer.deadline);
  e.covered_to = FormatDate(days.back().date);
  e.season_end = FormatDate(season.official_end);
  e.updated_by = actor;
  return e;
}

}  // namespace

Result<ports::RefundEntry> RefundLedgerService::Compute(int64_t household_id,
                                                        int season_start_year,
                                                        const std::string& actor) const {
  auto household = ports::GetView<ports::HouseholdView>(records_, household_id);
  if (!household.ok()) return household.error();
  auto fees = FeesOf(records_, household_id, household_id, season_start_year);
  if (!fees.ok()) return fees.error();
  if (fees->empty()) {
    return Error::NotFound("household " + std::to_string(household_id) +
                           " has no fee for the season " + std::to_string(season_start_year));
  }
  auto dates = judging_.SeasonOf(*household, season_start_year);
  if (!dates.ok()) return dates.error();
  return ComputeEntry(judging_, deadlines_, policies_, *household, *dates, fees->begin()->second,
                      LastCompleteDay(clock_), actor, nullptr);
}

Result<LedgerRunSummary> RefundLedgerService::Run(int season_start_year, const ports::Scope& scope,
                                                  const std::string& actor,
                                                  const Progress& progress) const {
  if (season_start_year < 2000 || season_start_year > 2200) {
    return Error::InvalidArgument("season must be a year from 2000 to 2200", "season");
  }
  if (scope.household_id) {
    return Error::FailedPrecondition("a household cannot run the refund ledger");
  }
  LedgerRunSummary summary;
  summary.season_start_year = season_start_year;
  const Date last_day = LastCompleteDay(clock_);
  JudgingService::Cache cache;
  cache.reasons = false;  // an entry keeps ComputeRefund's reasons of its refunded days
  std::vector<ports::RefundEntry> batch;
  auto flush = [&]() -> Status {
    if (batch.empty()) return OkStatus();
    auto counts = ledger_.ReplaceDrafts(batch);
    if (!counts.ok()) return counts.error();
    summary.written += counts->written;
    summary.kept += counts->kept;
    batch.clear();
    return OkStatus();
  };
  int64_t total = 0;  // the heated households in scope, for progress
  if (progress) {
    auto rates = records_.UsageRates(ports::UsageGrouping::kCommunity, scope);
    if (!rates.ok()) return rates.error();
    for (const ports::UsageRateRow& r : *rates) total += r.heated_households;
    if (!progress(0, total)) return Stopped();
  }
  ports::ListQuery q;
  q.equals = {{"heating_status", "heated"}};
  q.scope = scope;
  q.limit = 1000;
  while (true) {
    auto page = records_.List(ports::ResourceNamed("households"), q);
    if (!page.ok()) return page.error();
    if (page->items.empty()) break;
    auto households = ports::ViewsOf<ports::HouseholdView>(page->items);
    if (!households.ok()) return households.error();
    // The page's fees, and its days, stops and findings over its seasons, at once.
    const int64_t first = households->front().id, last = households->back().id;
    auto fees = FeesOf(records_, first, last, season_start_year);
    if (!fees.ok()) return fees.error();
    std::map<int64_t, rules::SeasonDates> seasons;  // of the households with a fee
    std::optional<Date> page_from, page_to;
    for (const ports::HouseholdView& h : *households) {
      if (!fees->contains(h.id)) continue;
      auto season = judging_.SeasonOf(h, season_start_year, &cache);
      if (!season.ok()) return season.error();
      page_from = std::min(page_from.value_or(season->official_start), season->official_start);
      page_to = std::max(page_to.value_or(season->official_end), season->official_end);
      seasons.emplace(h.id, *season);
    }
    if (page_from) {
      if (auto s = judging_.Prefetch(first, last, *page_from, *page_to, cache); !s.ok()) {
        return s.error();
      }
    }
    for (const ports::HouseholdView& h : *households) {
      ++summary.households;
      auto season = seasons.find(h.id);
      if (season == seasons.end()) {
        ++summary.without_fee;
        continue;
      }
      auto entry = ComputeEntry(judging_, deadlines_, policies_, h, season->second,
                                fees->at(h.id), last_day, actor, &cache);
      if (!entry.ok()) return entry.error();
      if (auto to = ParseDate(entry->covered_to); to.ok()) {
        summary.covered_to = std::max(summary.covered_to, *to);
      }
      batch.push_back(std::move(*entry));
      if (batch.size() >= 500) {
        if (auto s = flush(); !s.ok()) return s.error();
      }
    }
    if (progress && !progress(summary.households, std::max(total, summary.households))) {
      if (auto s = flush(); !s.ok()) return s.error();
      return Stopped();
    }
    if (!page->next_cursor) break;
    q.after = page->next_cursor;
  }
  if (auto s = flush(); !s.ok()) return s.error();
  // The total of what this run wrote: the drafts as they now stand.
  ports::LedgerQuery lq;
  lq.season_start_year = season_start_year;
  lq.status = "draft";
  lq.company_id = scope.company_id;
  lq.limit = 1000;
  while (true) {
    auto entries = ledger_.List(lq);
    if (!entries.ok()) return entries.error();
    for (const auto& e : *entries) summary.refund_fen += e.refund_fen;
    if (entries->size() < 1000) break;
    lq.after = entries->back().id;
  }
  std::string after = "{\"season\":" + std::to_string(season_start_year) +
                      ",\"company_id\":" +
                      (scope.company_id ? std::to_string(*scope.company_id) : "null") +
                      ",\"covered_to\":\"" + FormatDate(summary.covered_to) +
                      "\",\"written\":" + std::to_string(summary.written) +
                      ",\"kept\":" + std::to_string(summary.kept) +
                      ",\"refund_fen\":" + std::to_string(summary.refund_fen) + "}";
  if (auto s = records_.AppendAudit({0, "", actor, "run", "refunds", std::nullopt, "", after});
      !s.ok()) {
    return s.error();
  }
  return summary;
}

Result<ports::RefundEntry> RefundLedgerService::Get(int64_t id, const ports::Scope& scope) const {
  auto e = ledger_.Get(id);
  if (!e.ok()) return e.error();
  if (!InScope(*e, scope)) return Error::NotFound("no refund entry " + std::to_string(id), "id");
  return e;
}

Result<ports::RefundEntry> RefundLedgerService::Approve(int64_t id, const ports::Scope& scope,
                                                        const std::string& actor) const {
  auto e = Get(id, scope);
  if (!e.ok()) return e.error();
  auto end = ParseDate(e->season_end);
  if (!end.ok()) return Error::Internal("refund entry " + std::to_string(id) + " has no season end");
  if (LocalDate(clock_.Now()) <= *end) {
    return Error::FailedPrecondition("the season " + std::to_string(e->season_start_year) +
                                     " ends on " + e->season_end +
                                     ": its refunds are approved after that day");
  }
  if (e->covered_to != e->season_end) {
    return Error::FailedPrecondition("refund entry " + std::to_string(id) + " covers the days to " +
                                     e->covered_to + " only: run the season again first");
  }
  return ledger_.SetStatus(id, "draft", "approved", actor);
}

Result<ports::RefundEntry> RefundLedgerService::Pay(int64_t id, const std::string& method,
                                                    const std::string& reference,
                                                    const ports::Scope& scope,
                                                    const std::string& actor) const {
  if (auto c = rules::CheckPayout(method, reference); !c.ok()) return c.error();
  auto e = Get(id, scope);
  if (!e.ok()) return e.error();
  if (e->choice == "offset") {
    return Error::FailedPrecondition(
        "the household chose to offset this refund against its next bill: the billing run "
        "settles it",
        "choice");
  }
  return ledger_.Pay(id, method, reference, FormatLocal(clock_.Now()), actor);
}

Result<ports::RefundEntry> RefundLedgerService::Choose(int64_t id, const std::string& choice,
                                                       const ports::Scope& scope,
                                                       const std::string& actor) const {
  if (choice != "payment" && choice != "offset") {
    return Error::InvalidArgument("choice must be payment or offset", "choice");
  }
  if (auto e = Get(id, scope); !e.ok()) return e.error();
  return ledger_.SetChoice(id, choice, actor);
}

Result<std::vector<ports::RefundEntry>> RefundLedgerService::List(ports::LedgerQuery query,
                                                                 bool overdue_only,
                                                                 const ports::Scope& scope) const {
  if (scope.company_id) query.company_id = scope.company_id;
  if (scope.household_id) {
    if (query.household_id && *query.household_id != *scope.household_id) {
      return std::vector<ports::RefundEntry>{};
    }
    query.household_id = scope.household_id;
  }
  if (overdue_only) query.unpaid_past = FormatLocal(clock_.Now());
  return ledger_.List(query);
}

bool RefundLedgerService::PaidLate(const ports::RefundEntry& entry) {
  // An offset is settled by the next season's bill, as the household chose: never late.
  if (entry.payout_method == "offset") return false;
  auto deadline = ParseRfc3339(entry.payment_deadline);
  auto paid = ParseRfc3339(entry.paid_at);
  return deadline.ok() && paid.ok() && *paid > *deadline;
}

bool RefundLedgerService::Overdue(const ports::RefundEntry& entry) const {
  auto deadline = ParseRfc3339(entry.payment_deadline);
  return entry.status != "paid" && deadline.ok() && clock_.Now() > *deadline;
}

}  // namespace hearth::services
