#include "services/billing_service.hpp"

#include <algorithm>
#include <map>

#include "rules/billing.hpp"
#include "rules/season.hpp"
#include "rules/usage_history.hpp"
#include "services/company_policy.hpp"
#include "services/scoped_records.hpp"

namespace hearth::services {
namespace {

using rules::BillingBasis;

/// `household`: the household that needs the tariff, when one is being billed.
Error NoTariff(std::string_view billing, int64_t company_id, Date day,
               std::string_view household = {}) {
  return Error::FailedPrecondition(
      (household.empty() ? std::string() : "household " + std::string(household) + ": ") +
          "company " + std::to_string(company_id) + " has no approved tariff by " +
          std::string(billing) + " valid on " + FormatDate(day) +
          ", the season's first day: record it before billing",
      "tariff");
}

}  // namespace

Result<BillingService::SeasonTerms> BillingService::Terms(int64_t company_id, int year,
                                                          std::optional<int64_t> household) const {
  auto policy = CompanyPolicy(policies_, records_, company_id);
  if (!policy.ok()) {
    if (policy.error().code == ErrorCode::kNotFound) {
      return Error::NotFound("no company " + std::to_string(company_id), "company_id");
    }
    return policy.error();
  }
  SeasonTerms t;
  t.company_id = company_id;
  t.year = year;
  t.season = rules::SeasonOf((*policy)->season, year);
  auto tariffs = ports::ListViews<ports::TariffView>(records_, {{"company_id", company_id}});
  if (!tariffs.ok()) return tariffs.error();
  if (const auto* a = ports::TariffOn(*tariffs, "area", t.season.official_start)) t.area = *a;
  if (const auto* m = ports::TariffOn(*tariffs, "meter", t.season.official_start)) t.meter = *m;
  // W 9.3: the reliefs published for the company that overlap the season, in the order entered.
  auto published = ports::ListViews<ports::ReliefView>(records_, {{"company_id", company_id}});
  if (!published.ok()) return published.error();
  for (ports::ReliefView& r : *published) {
    if (r.valid_from <= t.season.official_end && t.season.official_start <= r.valid_to) {
      t.reliefs.push_back(std::move(r));
    }
  }
  // R-METER-1: meters that failed the calibration of a dispute raised in the heating year.
  auto july = [](int y) {
    return StartOfLocalDay(Date{std::chrono::year{y} / std::chrono::July / 1});
  };
  auto failed = store_.FailedMeters(company_id, july(year), july(year + 1), household);
  if (!failed.ok()) return failed.error();
  t.failed_meters.insert(failed->begin(), failed->end());
  // R-ACCT-1: the approved changes effective after the season's first day, by household.
  if (changes_) {
    auto approved = changes_->ApprovedAfter(company_id, t.season.official_start, household);
    if (!approved.ok()) return approved.error();
    for (ports::ApprovedHeatingChange& a : *approved) {
      t.changes[a.household_id].push_back(std::move(a));
    }
  }
  if (contracts_) {
    auto superseded = contracts_->SupersededFrom(company_id, t.season.official_start, household);
    if (!superseded.ok()) return superseded.error();
    for (const ports::SupersededTerms& s : *superseded) {
      t.contracts[s.household_id].push_back(s.until);
    }
  }
  return t;
}

Result<BillingService::Billed> BillingService::BillFor(const ports::BillingCandidate& c,
                                                       const SeasonTerms& t, bool always) {
  rules::BillInput bill;
  bill.area_centi = c.area_centi;
  bool heated = c.heated;
  BillingBasis basis = c.basis;
  if (auto v = t.contracts.find(c.household_id); v != t.contracts.end()) {
    basis = rules::TermsOn({std::nullopt, c.basis}, v->second, t.season.official_start).basis;
  }
  if (auto own = t.changes.find(c.household_id); own != t.changes.end()) {
    std::vector<rules::AreaShift> shifts;
    for (const ports::ApprovedHeatingChange& a : own->second) {
      shifts.push_back(a.shift);
      if (a.settlement && a.settlement->season == t.year &&
          a.shift.effective <= t.season.official_end) {
        bill.changes.push_back(rules::ChangeLine(a.kind, a.shift.effective, *a.settlement));
      }
    }
    bill.heated_at_start = rules::HeatedOn(c.heated, shifts, t.season.official_start);
    if (basis == BillingBasis::kArea) {
      for (const rules::AreaShift& shift : shifts) bill.area_centi -= shift.total;
      heated = bill.heated_at_start || !bill.changes.empty();
    } else {
      heated = bill.heated_at_start || c.heated;
      bill.area_centi = c.area_centi;
    }
  } else {
    bill.heated_at_start = c.heated;
  }
  if (!heated && !always) return Billed{false, {}, basis};
  if (basis == BillingBasis::kMeter && !t.meter) {
    // Never a meter's bill by area "for want of data" when it is the price that is wanting.
    return NoTariff("meter", t.company_id, t.season.official_start, c.code);
  }
  bill.basis = basis;
  bill.tariff.area_price_fen = t.area ? t.area->price : 0;
  if (basis == BillingBasis::kMeter && t.meter) {
    bill.tariff.base_price_fen = t.meter->base_price.value_or(0);
    bill.tariff.heat_price_fen = t.meter->price;
    if (c.heat_centi_gj) bill.heat_mgj = *c.heat_centi_gj * 10;
    bill.meter_fault = c.meter_fault;
    if (bill.meter_fault == rules::MeterFault::kNone && t.failed_meters.count(c.household_id)) {
      bill.meter_fault = rules::MeterFault::kDataDistorted;  // W 10.3 (10.3 c)
    }
  }
  bill.season_start = t.season.official_start;
  bill.season_end = t.season.official_end;
  for (const ports::ReliefView& r : t.reliefs) {
    if (!r.AppliesTo(c.assistance)) continue;
    bill.reliefs.push_back({static_cast<int>(r.percent.value_or(0)), r.amount.value_or(0),
                            r.valid_from, r.valid_to, r.reference});
  }
  bill.offset_fen = c.offset_fen;
  auto computed = rules::ComputeBill(bill);
  std::vector<int64_t> refunds = c.offset_refund_ids;
  if (computed.ok() && computed->unapplied_offset_fen > 0 && !refunds.empty()) {
    bill.offset_fen = 0;  // settled whole by payment instead (above)
    refunds.clear();
    computed = rules::ComputeBill(bill);
  }
  if (!computed.ok()) {
    return Error{computed.error().code, "household " + c.code + ": " + computed.error().message,
                 computed.error().field, computed.error().detail};
  }
  Billed out{heated, {c.household_id, c.code, bill.area_centi, std::move(*computed), {}}};
  out.bill.offset_refund_ids = std::move(refunds);
  out.basis = basis;
  return out;
}

Result<ports::BillingRunRecord> BillingService::Run(const BillingRunRequest& in,
                                                    const OrderActor& actor,
                                                    const Progress& progress) const {
  if (actor.role != rules::Role::kAdmin && actor.role != rules::Role::kManager) {
    return Error::PermissionDenied("only the admin or a manager runs the season's bills");
  }
  if (in.company_id <= 0) {
    return Error::InvalidArgument("company_id is required: the company to bill", "company_id");
  }
  if (actor.scope.company_id && *actor.scope.company_id != in.company_id) {
    return Error::NotFound("no company " + std::to_string(in.company_id), "company_id");
  }
  if (in.season < 2000 || in.season > 2200) {
    return Error::InvalidArgument("season must be a year from 2000 to 2200", "season");
  }
  auto terms = Terms(in.company_id, in.season);
  if (!terms.ok()) return terms.error();
  const rules::SeasonDates& season = terms->season;
  const Date due = in.due_on.value_or(season.official_start);
  // Within a year of the season: a bill by area falls due before it, a meter's after it.
  if (due < season.official_start - std::chrono::days{366} ||
      due > season.official_end + std::chrono::days{366}) {
    return Error::InvalidArgument(
        "due_on must fall within a year of the season (" + season.Label() + ")", "due_on");
  }
  auto counts = store_.CountCandidates(in.company_id, in.season, season.official_start);
  if (!counts.ok()) return counts.error();
  // A meter that fails is billed by area, so every heated household needs the area tariff.
  if (!terms->area && counts->area + counts->meter > 0) {
    return NoTariff("area", in.company_id, season.official_start);
  }
  if (!terms->meter && counts->meter > 0) {
    return NoTariff("meter", in.company_id, season.official_start);
  }
  auto billed = store_.CountBilled(in.company_id, in.season);
  if (!billed.ok()) return billed.error();

  ports::BillingRunRecord run;
  run.company_id = in.company_id;
  run.season = in.season;
  run.due_on = due;
  run.already_billed = *billed;
  run.run_by = actor.name;
  run.run_at = clock_.Now();
  auto started = store_.StartRun(run);
  if (!started.ok()) return started.error();

  const int64_t total = counts->area + counts->meter + counts->stopped;
  int64_t done = 0;
  if (progress && !progress(done, total)) return Stopped();
  int64_t after = 0;
  for (;;) {
    auto chunk = store_.Candidates(in.company_id, in.season, after, kBillingChunk);
    if (!chunk.ok()) return chunk.error();
    if (chunk->empty()) break;
    after = chunk->back().household_id;
    std::vector<ports::NewBill> bills;
    bills.reserve(chunk->size());
    int64_t not_heated = 0, meter_by_area = 0;
    for (const ports::BillingCandidate& c : *chunk) {
      auto b = BillFor(c, *terms, false);
      if (!b.ok()) return b.error();
      if (!b->heated) {
        ++not_heated;
        continue;
      }
      if (b->basis == BillingBasis::kMeter && b->bill.bill.basis == BillingBasis::kArea) {
        ++meter_by_area;
      }
      bills.push_back(std::move(b->bill));
    }
    if (auto s = store_.IssueChunk(started->id, bills, not_heated, meter_by_area); !s.ok()) {
      return s.error();
    }
    done += static_cast<int64_t>(chunk->size());
    if (progress && !progress(done, std::max(done, total))) return Stopped();
  }
  return store_.FinishRun(started->id);
}

Result<ports::BillRecord> BillingService::Resettle(int64_t fee_id, const OrderActor& actor) const {
  if (actor.role != rules::Role::kAdmin && actor.role != rules::Role::kManager) {
    return Error::PermissionDenied("only the admin or a manager settles a bill again");
  }
  auto bill = InScope(store_.Get(fee_id), actor.scope, "bill", fee_id);
  if (!bill.ok()) return bill.error();
  return ResettleBill(*bill, actor.name);
}

Result<ports::BillRecord> BillingService::PayBack(int64_t fee_id, const std::string& method,
                                                  const std::string& reference,
                                                  const OrderActor& actor) const {
  if (actor.role != rules::Role::kAdmin && actor.role != rules::Role::kManager &&
      actor.role != rules::Role::kAgent) {
    return Error::PermissionDenied("only the admin, a manager or an agent pays money back");
  }
  if (auto c = rules::CheckPayout(method, reference); !c.ok()) return c.error();
  auto bill = InScope(store_.Get(fee_id), actor.scope, "bill", fee_id);
  if (!bill.ok()) return bill.error();
  if (bill->OverpaidFen() == 0) {
    return Error::FailedPrecondition("bill " + std::to_string(fee_id) +
                                         " holds nothing overpaid: its payments, less what was "
                                         "paid back, do not exceed its total",
                                     "id");
  }
  return store_.PayBack({fee_id, bill->OverpaidFen(), method, reference, clock_.Now(), actor.name});
}

Result<std::optional<ports::BillRecord>> BillingService::ResettleSeason(
    int64_t household_id, int season, const std::string& actor) const {
  ports::BillQuery q;
  q.household_id = household_id;
  q.season = season;
  q.limit = 1;
  auto bills = store_.List(q);
  if (!bills.ok()) return bills.error();
  if (bills->empty()) return std::optional<ports::BillRecord>{};
  auto resettled = ResettleBill(bills->front(), actor);
  if (!resettled.ok()) return resettled.error();
  return std::optional<ports::BillRecord>{std::move(*resettled)};
}

Result<ports::BillRecord> BillingService::ResettleBill(const ports::BillRecord& bill,
                                                       const std::string& actor) const {
  auto terms = Terms(bill.company_id, bill.season, bill.household_id);
  if (!terms.ok()) return terms.error();
  auto candidate = store_.BilledCandidate(bill.fee_id);
  if (!candidate.ok()) return candidate.error();
  // The refunds offset when the bill was issued are settled by it already: the offset stays.
  for (const rules::BillLine& line : bill.bill.lines) {
    if (line.code == "offset") candidate->offset_fen -= line.amount_fen;
  }
  auto now = BillFor(*candidate, *terms, true);
  if (!now.ok()) return now.error();
  const rules::Bill& b = now->bill.bill;
  const bool same =
      b.total_fen == bill.bill.total_fen && b.lines.size() == bill.bill.lines.size() &&
      std::equal(b.lines.begin(), b.lines.end(), bill.bill.lines.begin(),
                 [](const rules::BillLine& x, const rules::BillLine& y) {
                   return x.code == y.code && x.text == y.text && x.amount_fen == y.amount_fen;
                 });
  if (same) return bill;
  if (auto s = store_.Adjust(bill.fee_id, now->bill, actor); !s.ok()) return s.error();
  return store_.Get(bill.fee_id);
}

Result<std::vector<ports::BillingRunRecord>> BillingService::ListRuns(
    ports::BillingRunQuery query, const OrderActor& actor) const {
  if (actor.scope.household_id) return std::vector<ports::BillingRunRecord>{};
  if (actor.scope.company_id) query.company_id = actor.scope.company_id;
  return store_.ListRuns(query);
}

Result<ports::BillRecord> BillingService::Get(int64_t fee_id, const OrderActor& actor) const {
  return InScope(store_.Get(fee_id), actor.scope, "bill", fee_id);
}

Result<std::vector<ports::BillRecord>> BillingService::List(ports::BillQuery query,
                                                            const OrderActor& actor) const {
  if (!NarrowToScope(query, actor.scope)) return std::vector<ports::BillRecord>{};
  return store_.List(query);
}

}  // namespace hearth::services
