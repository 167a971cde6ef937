#include "services/billing_service.hpp"

#include <algorithm>
#include <map>

#include "ports/record_views.hpp"
#include "ports/relief_view.hpp"
#include "rules/season.hpp"
#include "rules/usage_history.hpp"
#include "services/company_policy.hpp"
#include "services/scoped_records.hpp"

namespace hearth::services {
namespace {

using rules::BillingBasis;

Error NoTariff(std::string_view billing, int64_t company_id, Date day) {
  return Error::FailedPrecondition("company " + std::to_string(company_id) +
                                       " has no approved tariff by " + std::string(billing) +
                                       " valid on " + FormatDate(day) +
                                       ", the season's first day: record it before billing",
                                   "tariff");
}

}  // namespace

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
  auto policy = CompanyPolicy(policies_, records_, in.company_id);
  if (!policy.ok()) {
    if (policy.error().code == ErrorCode::kNotFound) {
      return Error::NotFound("no company " + std::to_string(in.company_id), "company_id");
    }
    return policy.error();
  }
  const rules::SeasonDates season = rules::SeasonOf((*policy)->season, in.season);
  const Date due = in.due_on.value_or(season.official_start);
  // Within a year of the season: a bill by area falls due before it, a meter's after it.
  if (due < season.official_start - std::chrono::days{366} ||
      due > season.official_end + std::chrono::days{366}) {
    return Error::InvalidArgument(
        "due_on must fall within a year of the season (" + season.Label() + ")", "due_on");
  }
  auto tariffs = ports::ListViews<ports::TariffView>(records_, {{"company_id", in.company_id}});
  if (!tariffs.ok()) return tariffs.error();
  const ports::TariffView* area = ports::TariffOn(*tariffs, "area", season.official_start);
  const ports::TariffView* meter = ports::TariffOn(*tariffs, "meter", season.official_start);
  // W 9.3: the reliefs published for the company that overlap the season, in the order entered.
  auto published = ports::ListViews<ports::ReliefView>(records_, {{"company_id", in.company_id}});
  if (!published.ok()) return published.error();
  std::vector<ports::ReliefView> reliefs;
  for (ports::ReliefView& r : *published) {
    if (r.valid_from <= season.official_end && season.official_start <= r.valid_to) {
      reliefs.push_back(std::move(r));
    }
  }
  // R-ACCT-1: the approved changes effective after the season's first day, by household.
  std::map<int64_t, std::vector<ports::ApprovedHeatingChange>> changes;
  if (changes_) {
    auto approved = changes_->ApprovedAfter(in.company_id, season.official_start);
    if (!approved.ok()) return approved.error();
    for (ports::ApprovedHeatingChange& a : *approved) {
      changes[a.household_id].push_back(std::move(a));
    }
  }
  auto counts = store_.CountCandidates(in.company_id, in.season);
  if (!counts.ok()) return counts.error();
  // A meter that fails is billed by area, so every heated household needs the area tariff.
  if (!area && counts->area + counts->meter > 0) {
    return NoTariff("area", in.company_id, season.official_start);
  }
  if (!meter && counts->meter > 0) return NoTariff("meter", in.company_id, season.official_start);
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
      rules::BillInput bill;
      bill.area_centi = c.area_centi;
      bool heated = c.heated;
      if (auto own = changes.find(c.household_id); own != changes.end()) {
        std::vector<rules::AreaShift> shifts;
        for (const ports::ApprovedHeatingChange& a : own->second) {
          shifts.push_back(a.shift);
          if (a.settlement && a.settlement->season == in.season &&
              a.shift.effective <= season.official_end) {
            bill.changes.push_back(rules::ChangeLine(a.kind, a.shift.effective, *a.settlement));
          }
        }
        bill.heated_at_start = rules::HeatedOn(c.heated, shifts, season.official_start);
        if (c.basis == BillingBasis::kArea) {
          for (const rules::AreaShift& shift : shifts) bill.area_centi -= shift.total;
          heated = bill.heated_at_start || !bill.changes.empty();
        } else {
          heated = bill.heated_at_start || c.heated;
          bill.area_centi = c.area_centi;
        }
      }
      if (!heated) {
        ++not_heated;
        continue;
      }
      bill.basis = c.basis;
      bill.tariff.area_price_fen = area->price;
      if (c.basis == BillingBasis::kMeter) {
        bill.tariff.base_price_fen = meter->base_price.value_or(0);
        bill.tariff.heat_price_fen = meter->price;
        if (c.heat_centi_gj) bill.heat_mgj = *c.heat_centi_gj * 10;
        bill.meter_fault = c.meter_fault;
      }
      bill.season_start = season.official_start;
      bill.season_end = season.official_end;
      for (const ports::ReliefView& r : reliefs) {
        if (!r.AppliesTo(c.assistance)) continue;
        bill.reliefs.push_back({static_cast<int>(r.percent.value_or(0)), r.amount.value_or(0),
                                r.valid_from, r.valid_to, r.reference});
      }
      bill.offset_fen = c.offset_fen;
      auto computed = rules::ComputeBill(bill);
      std::vector<int64_t> refunds = c.offset_refund_ids;
      if (computed.ok() && computed->unapplied_offset_fen > 0) {
        bill.offset_fen = 0;  // settled whole by payment instead (above)
        refunds.clear();
        computed = rules::ComputeBill(bill);
      }
      if (!computed.ok()) {
        return Error{computed.error().code, "household " + c.code + ": " + computed.error().message,
                     computed.error().field, computed.error().detail};
      }
      if (c.basis == BillingBasis::kMeter && computed->basis == BillingBasis::kArea) {
        ++meter_by_area;
      }
      bills.push_back(
          {c.household_id, c.code, bill.area_centi, std::move(*computed), std::move(refunds)});
    }
    if (auto s = store_.IssueChunk(started->id, bills, not_heated, meter_by_area); !s.ok()) {
      return s.error();
    }
    done += static_cast<int64_t>(chunk->size());
    if (progress && !progress(done, std::max(done, total))) return Stopped();
  }
  return store_.FinishRun(started->id);
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
