#include "services/meter_dispute_service.hpp"

#include <spdlog/spdlog.h>

#include "model/resources.hpp"
#include "rules/season.hpp"
#include "services/scoped_records.hpp"
#include "services/text_checks.hpp"

namespace hearth::services {
namespace {

using rules::DisputeAction;
using rules::DisputeState;

ports::OutboxMessage Message(const ports::MeterDispute& d, const std::string& tag,
                             const MeterDisputeRead* read, Instant now) {
  ports::OutboxMessage m;
  m.message_id = tag + "-household";  // the store prefixes "meter-dispute-<id>-"
  m.receiver = "household";
  m.topic = "meter-dispute." + std::string(rules::DisputeStateName(d.state));
  m.company_id = d.company_id;
  m.household_id = d.household_id;
  m.fields = {{"state", std::string(rules::DisputeStateName(d.state))},
              {"raised_by", std::string(rules::PartyName(d.raised_by))}};
  if (d.result)
    m.fields.emplace_back("result", std::string(rules::CalibrationResultName(*d.result)));
  if (!d.reference.empty()) m.fields.emplace_back("reference", d.reference);
  if (read && read->payer) {
    m.fields.emplace_back("payer", std::string(rules::PartyName(read->payer->payer)));
    m.fields.emplace_back("clause", std::string(read->payer->clause));
  }
  if (read && read->billing.by_area)
    m.fields.emplace_back("billing", std::string(read->billing.reason));
  if (!d.note.empty()) m.fields.emplace_back("note", d.note);
  m.created_at = now;
  m.next_attempt_at = now;
  return m;
}

}  // namespace

MeterDisputeRead MeterDisputeService::Read(ports::MeterDispute d, rules::Role role) const {
  MeterDisputeRead r;
  if (d.state == DisputeState::kCalibrated && d.result) {
    r.payer = rules::CalibrationPayer(d.raised_by, *d.result);
    r.billing = rules::BasisFor(rules::FaultOf(*d.result));
  }
  r.actions = rules::AllowedDisputeActions(d.state, d.raised_by, role);
  r.dispute = std::move(d);
  return r;
}

Result<ports::MeterDispute> MeterDisputeService::Visible(int64_t id,
                                                         const ports::Scope& scope) const {
  return InScope(store_.Get(id), scope, "meter dispute", id);
}

Result<MeterDisputeRead> MeterDisputeService::Raise(const NewMeterDispute& in,
                                                    const OrderActor& actor) const {
  if (!rules::MayRaiseDispute(actor.role, in.raised_by)) {
    return Error::PermissionDenied(actor.role == rules::Role::kHousehold
                                       ? "a household raises a dispute over its own meter only"
                                       : "meter disputes are raised by the household or the "
                                         "company's staff");
  }
  auto household = records_.Get(*model::FindResource("households"), in.household_id, actor.scope);
  if (!household.ok()) {
    if (household.error().code == ErrorCode::kNotFound) {
      return Error::NotFound("no household " + std::to_string(in.household_id), "household");
    }
    return household.error();
  }
  if (household->Text("billing") != "meter") {
    return Error::FailedPrecondition("household " + std::to_string(in.household_id) +
                                         " is billed by area: it has no heat meter to dispute",
                                     "household");
  }
  if (auto s = CheckText(in.reason, "reason", kMaxDisputeText, true); !s.ok()) return s.error();
  const Instant now = clock_.Now();
  ports::MeterDispute d;
  d.company_id = household->Int("company_id").value_or(0);
  d.household_id = in.household_id;
  d.raised_by = in.raised_by;
  d.reason = in.reason;
  d.created_by = actor.name;
  d.created_at = now;
  const ports::OutboxMessage told = Message(d, "raised", nullptr, now);
  auto created = store_.Create(d, std::span(&told, 1));
  if (!created.ok()) return created.error();
  return Read(std::move(*created), actor.role);
}

Result<MeterDisputeRead> MeterDisputeService::Act(int64_t id, DisputeAction action,
                                                  const DisputeStep& step,
                                                  const OrderActor& actor) const {
  if (auto s = CheckText(step.note, "note", kMaxDisputeText, false); !s.ok()) return s.error();
  if (auto s = CheckText(step.reference, "reference", kMaxDisputeName, false); !s.ok()) {
    return s.error();
  }
  if (step.cost_fen) {
    if (action != DisputeAction::kCalibrate) {
      return Error::InvalidArgument("only calibrate takes a cost", "cost");
    }
    if (*step.cost_fen < 0 || *step.cost_fen > kMaxCalibrationFen) {
      return Error::InvalidArgument("cost must be from 0 to 100000.00 yuan", "cost");
    }
  }
  auto d = Visible(id, actor.scope);
  if (!d.ok()) return d.error();
  auto to = rules::ApplyDispute(d->state, d->raised_by, action, actor.role,
                                {step.result, step.reference});
  if (!to.ok()) return to.error();
  const Instant now = clock_.Now();
  ports::MeterDispute after = *d;
  after.state = *to;
  after.note = step.note;
  if (action == DisputeAction::kCalibrate) {
    after.result = step.result;
    after.reference = step.reference;
    after.cost_fen = step.cost_fen;
    after.calibrated_at = now;
    after.calibrated_by = actor.name;
  } else {
    after.withdrawn_at = now;
  }
  const MeterDisputeRead read = Read(after, actor.role);
  const ports::OutboxMessage told =
      Message(after, std::string(rules::DisputeActionName(action)), &read, now);
  auto moved = store_.Move(id, d->state, after, actor.name, std::span(&told, 1));
  if (!moved.ok()) return moved.error();
  if (billing_ && moved->result == rules::CalibrationResult::kFailed) {
    const int season = rules::SeasonYearOf(LocalDate(moved->created_at));
    if (auto b = billing_->ResettleSeason(moved->household_id, season, actor.name); !b.ok()) {
      spdlog::warn("meter dispute {}: the household's bill of {} was not settled again: {}", id,
                   season, b.error().message);
    }
  }
  return Read(std::move(*moved), actor.role);
}

Result<MeterDisputeRead> MeterDisputeService::Get(int64_t id, const OrderActor& actor) const {
  auto d = Visible(id, actor.scope);
  if (!d.ok()) return d.error();
  return Read(std::move(*d), actor.role);
}

Result<std::vector<MeterDisputeRead>> MeterDisputeService::List(ports::MeterDisputeQuery query,
                                                                const OrderActor& actor) const {
  if (!NarrowToScope(query, actor.scope)) return std::vector<MeterDisputeRead>{};
  auto list = store_.List(query);
  if (!list.ok()) return list.error();
  std::vector<MeterDisputeRead> out;
  out.reserve(list->size());
  for (auto& d : *list) out.push_back(Read(std::move(d), actor.role));
  return out;
}

}  // namespace hearth::services
