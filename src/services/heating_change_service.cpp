#include "services/heating_change_service.hpp"

#include <spdlog/spdlog.h>

#include "core/decimal.hpp"
#include "model/resources.hpp"
#include "ports/record_views.hpp"
#include "services/scoped_records.hpp"
#include "services/text_checks.hpp"

namespace hearth::services {
namespace {

using rules::HeatingChangeAction;
using rules::HeatingChangeKind;
using rules::HeatingChangeState;


ports::OutboxMessage Message(const ports::HeatingChangeRecord& c, int64_t step, Instant now) {
  ports::OutboxMessage m;
  m.message_id = "event-" + std::to_string(step) + "-household";  // the store prefixes the id
  m.receiver = "household";
  m.topic = "heating-change." + std::string(rules::HeatingChangeStateName(c.state));
  m.company_id = c.company_id;
  m.household_id = c.household_id;
  m.fields = {{"state", std::string(rules::HeatingChangeStateName(c.state))},
              {"kind", std::string(rules::HeatingChangeKindName(c.change.kind))},
              {"effective", FormatDate(c.change.effective)}};
  if (c.id > 0) m.fields.emplace_back("heating_change_id", std::to_string(c.id));
  if (c.settlement) m.fields.emplace_back("settlement", FormatFen(c.settlement->amount_fen));
  if (!c.reason.empty()) m.fields.emplace_back("reason", c.reason);
  m.created_at = now;
  m.next_attempt_at = now;
  return m;
}

HeatingChangeRead Read(ports::HeatingChangeRecord c, const OrderActor& actor) {
  HeatingChangeRead r;
  // A stop for arrears is the company's decision, not an application: it has no documents.
  if (!c.arrears_fee_id) r.missing = rules::MissingHeatingChangeDocuments(c.change);
  r.actions = rules::AllowedHeatingChangeActions(c.change, c.state, actor.role);
  r.record = std::move(c);
  return r;
}

}  // namespace

HeatingChangeRead HeatingChangeService::Approved(ports::HeatingChangeRecord c,
                                                const OrderActor& actor) const {
  std::optional<ports::BillRecord> bill;
  if (billing_ && c.state == HeatingChangeState::kApproved && c.settlement) {
    auto resettled = billing_->ResettleSeason(c.household_id, c.settlement->season, actor.name);
    if (resettled.ok()) {
      bill = std::move(*resettled);
    } else {
      spdlog::warn("heating change {}: the household's bill of {} was not settled again: {}",
                   c.id, c.settlement->season, resettled.error().message);
    }
  }
  HeatingChangeRead r = Read(std::move(c), actor);
  r.bill = std::move(bill);
  return r;
}

Result<int64_t> HeatingChangeService::AreaPrice(int64_t company_id, Date day) const {
  auto tariffs = ports::ListViews<ports::TariffView>(records_, {{"company_id", company_id}});
  if (!tariffs.ok()) return tariffs.error();
  const ports::TariffView* t = ports::TariffOn(*tariffs, "area", day);
  if (!t) {
    return Error::FailedPrecondition("company " + std::to_string(company_id) +
                                         " has no approved tariff by area valid on " +
                                         FormatDate(day) + ": record it before approving",
                                     "tariff");
  }
  return t->price;
}

Result<rules::HeatingChangeSettlement> HeatingChangeService::Settle(
    const ports::HeatingChangeRecord& c) const {
  auto season = rules::SeasonOfChange(
      c.change.effective, [&](int year) { return seasons_.SeasonOf(c.household_id, year); });
  if (!season.ok()) return season.error();
  auto price = AreaPrice(c.company_id, c.change.effective);
  if (!price.ok()) return price.error();
  return rules::SettleHeatingChange(c.change, *season, *price);
}

Result<HeatingChangeRead> HeatingChangeService::Apply(const NewHeatingChange& in,
                                                      const OrderActor& actor) const {
  if (!rules::MayApplyHeatingChange(actor.role, in.kind)) {
    return Error::PermissionDenied(
        actor.role == rules::Role::kHousehold
            ? "a household applies online for its own stop or resumption; an area change is "
              "taken in at the service hall"
            : "heating changes are taken in by the company's service hall, not by the " +
                  std::string(rules::RoleName(actor.role)));
  }
  const bool own = actor.role == rules::Role::kHousehold;
  const Instant now = clock_.Now();
  if (own && in.received_at) {
    return Error::InvalidArgument("a household's application is received when it is sent",
                                  "received_at");
  }
  if (!own && !in.received_at) {
    return Error::InvalidArgument("received_at is required: the time on the form", "received_at");
  }
  const Instant received = in.received_at.value_or(now);
  if (auto s = CheckEntryTime(received, now); !s.ok()) return s.error();
  if (auto s = CheckText(in.applicant, "applicant", kMaxHeatingChangeName, !own); !s.ok()) {
    return s.error();
  }
  if (auto s = CheckText(in.note, "note", kMaxHeatingChangeText, false); !s.ok()) return s.error();
  auto household = ports::GetView<ports::HouseholdView>(records_, in.household_id, actor.scope);
  if (!household.ok()) {
    if (household.error().code == ErrorCode::kNotFound) {
      return Error::NotFound("no household " + std::to_string(in.household_id), "household");
    }
    return household.error();
  }
  const bool area_change =
      in.kind == HeatingChangeKind::kIncrease || in.kind == HeatingChangeKind::kDecrease;
  if (area_change && !in.area) {
    return Error::InvalidArgument("area is required: the heated area after the change, m²", "area");
  }
  ports::HeatingChangeRecord c;
  c.company_id = household->company_id;
  c.household_id = household->id;
  c.applicant = own ? actor.name : in.applicant;
  c.change.kind = in.kind;
  c.change.received = LocalDate(received);
  c.change.effective = in.effective;
  c.change.heated = household->heated();
  c.change.area_before = household->area_m2_centi;
  c.change.area_after = in.area.value_or(household->area_m2_centi);
  c.change.documents = in.documents;
  if (auto s = rules::CheckHeatingChange(c.change); !s.ok()) return s.error();
  c.received_at = received;
  c.metered = household->billing == "meter";
  c.note = in.note;
  c.created_by = actor.name;
  c.created_at = now;
  const ports::OutboxMessage told = Message(c, 1, now);
  auto created = store_.Create(c, std::span(&told, 1));
  if (!created.ok()) return created.error();
  return Read(std::move(*created), actor);
}

Result<HeatingChangeRead> HeatingChangeService::Act(int64_t id, HeatingChangeAction action,
                                                    const rules::HeatingChangeMoveInput& in,
                                                    const OrderActor& actor) const {
  for (auto [text, field] : {std::pair{&in.note, "note"}, std::pair{&in.reason, "reason"}}) {
    if (auto s = CheckText(*text, field, kMaxHeatingChangeText, false); !s.ok()) return s.error();
  }
  auto c = InScope(store_.Get(id), actor.scope, "heating change", id);
  if (!c.ok()) return c.error();
  auto to = rules::ApplyHeatingChange(c->change, c->state, action, actor.role, in);
  if (!to.ok()) return to.error();
  const Instant now = clock_.Now();
  ports::HeatingChangeRecord after = *c;
  after.state = *to;
  after.change.documents.insert(in.documents.begin(), in.documents.end());
  std::vector<ports::OutboxMessage> told;
  if (action != HeatingChangeAction::kSupplyDocuments) {
    after.decided_at = now;
    after.decided_by = actor.name;
    after.decision_note = in.note;
    after.reason = in.reason;
    if (action == HeatingChangeAction::kApprove && !c->metered) {
      auto settled = Settle(*c);
      if (!settled.ok()) return settled.error();
      after.settlement = *settled;
    }
    told.push_back(Message(after, c->version + 1, now));
  }
  auto moved = store_.Move(id, after, action, actor.name, told);
  if (!moved.ok()) return moved.error();
  return Approved(std::move(*moved), actor);
}

Result<HeatingChangeRead> HeatingChangeService::StopForArrears(
    const ports::HouseholdView& household, int64_t fee_id, Date effective,
    const std::string& decision_note, const OrderActor& actor) const {
  const Instant now = clock_.Now();
  ports::HeatingChangeRecord c;
  c.company_id = household.company_id;
  c.household_id = household.id;
  c.applicant = actor.name;
  c.change.kind = HeatingChangeKind::kStop;
  c.change.received = LocalDate(now);
  c.change.effective = effective;
  c.change.heated = true;
  c.change.area_before = c.change.area_after = household.area_m2_centi;
  c.received_at = now;
  c.metered = household.billing == "meter";
  c.state = HeatingChangeState::kApproved;
  c.decided_at = now;
  c.decided_by = actor.name;
  c.decision_note = decision_note;
  c.arrears_fee_id = fee_id;
  c.created_by = actor.name;
  c.created_at = now;
  if (!c.metered) {
    auto settled = Settle(c);
    if (!settled.ok()) return settled.error();
    c.settlement = *settled;
  }
  const ports::OutboxMessage told = Message(c, 1, now);
  auto stored = store_.StopForArrears(c, std::span(&told, 1));
  if (!stored.ok()) return stored.error();
  return Approved(std::move(*stored), actor);
}

Result<HeatingChangeRead> HeatingChangeService::Get(int64_t id, const OrderActor& actor) const {
  auto c = InScope(store_.Get(id), actor.scope, "heating change", id);
  if (!c.ok()) return c.error();
  return Read(std::move(*c), actor);
}

Result<std::vector<HeatingChangeRead>> HeatingChangeService::List(ports::HeatingChangeQuery query,
                                                                  const OrderActor& actor) const {
  if (!NarrowToScope(query, actor.scope)) return std::vector<HeatingChangeRead>{};
  auto list = store_.List(query);
  if (!list.ok()) return list.error();
  std::vector<HeatingChangeRead> out;
  out.reserve(list->size());
  for (auto& c : *list) out.push_back(Read(std::move(c), actor));
  return out;
}

}  // namespace hearth::services
