#include "services/connection_service.hpp"

#include <memory>

#include "model/resources.hpp"
#include "rules/access.hpp"
#include "services/company_policy.hpp"
#include "services/scoped_records.hpp"
#include "services/text_checks.hpp"

namespace hearth::services {
namespace {

using rules::ConnectionAction;
using rules::ConnectionState;


std::string Documents(const std::vector<rules::ConnectionDocument>& docs) {
  std::string out;
  for (auto d : docs)
    out += (out.empty() ? "" : ",") + std::string(rules::ConnectionDocumentName(d));
  return out;
}

ports::OutboxMessage Message(const ports::ConnectionRecord& c, const std::string& tag,
                             const rules::DeadlineStatus& decision,
                             const std::vector<rules::ConnectionDocument>& missing, Instant now) {
  ports::OutboxMessage m;
  m.message_id = tag + "-household";  // the store prefixes "connection-<id>-"
  m.receiver = "household";
  m.topic = "connection." + std::string(rules::ConnectionStateName(c.state));
  m.company_id = c.company_id;
  m.household_id = c.household_id;
  m.fields = {{"state", std::string(rules::ConnectionStateName(c.state))},
              {"season", std::to_string(c.season)},
              {"next_season", c.next_season ? "true" : "false"}};
  if (c.id > 0) m.fields.emplace_back("application_id", std::to_string(c.id));
  if (c.state == ConnectionState::kReceived) {
    m.fields.emplace_back("decision_due", FormatLocal(decision.due));
    if (!missing.empty()) m.fields.emplace_back("missing", Documents(missing));
  }
  if (!c.reason.empty()) m.fields.emplace_back("reason", c.reason);
  if (!c.suggestion.empty()) m.fields.emplace_back("suggestion", c.suggestion);
  m.created_at = now;
  m.next_attempt_at = now;
  return m;
}

/// The application after `action`, with the facts it brings, at `now`.
ports::ConnectionRecord After(ports::ConnectionRecord c, ConnectionAction action,
                              ConnectionState to, const rules::ConnectionMoveInput& in,
                              Instant now) {
  c.state = to;
  c.history.clear();
  switch (action) {
    case ConnectionAction::kSupplyDocuments:
      c.application.documents.insert(in.documents.begin(), in.documents.end());
      break;
    case ConnectionAction::kApprove:
      c.decided_at = now;
      break;
    case ConnectionAction::kRefuse:
      c.decided_at = now;
      c.reason = in.reason;
      c.suggestion = in.suggestion;
      break;
    case ConnectionAction::kVisit:
      c.visited_at = now;
      c.satisfied = in.satisfied;
      c.visit_note = in.note;
      break;
    case ConnectionAction::kApply:
      break;
  }
  return c;
}

Error NotFound(const char* what, int64_t id, const char* field) {
  return Error::NotFound(std::string("no ") + what + " " + std::to_string(id), field);
}

}  // namespace

Result<ConnectionRead> ConnectionService::Read(ports::ConnectionRecord record,
                                               const OrderActor& actor, const rules::Policy& policy,
                                               const rules::HolidayCalendar& calendar) const {
  auto assessed = rules::AssessConnection(policy, calendar, record.application);
  if (!assessed.ok()) return assessed.error();
  ConnectionRead r;
  r.decision = rules::DecisionDeadline(record.application, assessed->decision, record.decided_at);
  r.missing = assessed->missing;
  r.actions = rules::AllowedConnectionActions(record.application, record.state,
                                              record.visited_at.has_value(), actor.role);
  const bool own = actor.scope.household_id && record.household_id == actor.scope.household_id;
  if (!rules::SeesSensitive(actor.role) && !own && !record.phone.empty()) {
    record.phone = rules::MaskValue(record.phone);
  }
  r.record = std::move(record);
  return r;
}

Result<ConnectionRead> ConnectionService::Read(ports::ConnectionRecord record,
                                               const OrderActor& actor) const {
  auto policy = CompanyPolicy(policies_, records_, record.company_id);
  if (!policy.ok()) return policy.error();
  return Read(std::move(record), actor, **policy, *calendar_.Current());
}

Result<ports::ConnectionRecord> ConnectionService::Visible(int64_t id,
                                                           const ports::Scope& scope) const {
  return InScope(store_.Get(id), scope, "connection application", id);
}

Result<int64_t> ConnectionService::CheckPlace(const NewConnection& in,
                                              const ports::Scope& scope) const {
  auto building = records_.Get(*model::FindResource("buildings"), in.building_id, scope);
  if (!building.ok()) {
    if (building.error().code == ErrorCode::kNotFound) {
      return NotFound("building", in.building_id, "building");
    }
    return building.error();
  }
  if (in.household_id) {
    auto household = records_.Get(*model::FindResource("households"), *in.household_id, scope);
    if (!household.ok()) {
      if (household.error().code == ErrorCode::kNotFound) {
        return NotFound("household", *in.household_id, "household");
      }
      return household.error();
    }
    auto partition = records_.Get(*model::FindResource("partitions"),
                                  household->Int("partition_id").value_or(0), scope);
    if (!partition.ok()) return partition.error();
    if (partition->Int("building_id") != in.building_id) {
      return Error::InvalidArgument("household " + std::to_string(*in.household_id) +
                                        " is not in building " + std::to_string(in.building_id),
                                    "household");
    }
  }
  return building->Int("company_id").value_or(0);
}

Result<ConnectionRead> ConnectionService::Apply(const NewConnection& in,
                                                const OrderActor& actor) const {
  if (!rules::MayApplyConnection(actor.role)) {
    return Error::PermissionDenied(
        "connection applications are taken in by the company's service hall, not by the " +
        std::string(rules::RoleName(actor.role)));
  }
  auto company = CheckPlace(in, actor.scope);
  if (!company.ok()) return company.error();
  if (auto s = CheckText(in.applicant, "applicant", kMaxConnectionName, true); !s.ok()) {
    return s.error();
  }
  if (auto s = CheckText(in.phone, "phone", kMaxConnectionName, false); !s.ok()) return s.error();
  const Instant now = clock_.Now();
  if (auto s = CheckEntryTime(in.application.received_at, now); !s.ok()) return s.error();
  auto policy = CompanyPolicy(policies_, records_, *company);
  if (!policy.ok()) return policy.error();
  const auto calendar = calendar_.Current();
  auto assessed = rules::AssessConnection(**policy, *calendar, in.application);
  if (!assessed.ok()) return assessed.error();
  ports::ConnectionRecord c;
  c.company_id = *company;
  c.building_id = in.building_id;
  c.household_id = in.household_id;
  c.applicant = in.applicant;
  c.phone = in.phone;
  c.application = in.application;
  c.season = assessed->season;
  c.next_season = assessed->next_season;
  c.created_by = actor.name;
  c.created_at = now;
  ports::ConnectionEvent received_event;
  received_event.actor = actor.name;
  received_event.role = std::string(rules::RoleName(actor.role));
  received_event.at = now;
  received_event.documents.assign(in.application.documents.begin(), in.application.documents.end());
  std::vector<ports::OutboxMessage> told;
  if (c.household_id) {
    told.push_back(Message(c, "event-1",
                           rules::DecisionDeadline(c.application, assessed->decision, std::nullopt),
                           assessed->missing, now));
  }
  auto created = store_.Create(c, received_event, told);
  if (!created.ok()) return created.error();
  return Read(std::move(*created), actor, **policy, *calendar);
}

Result<ConnectionRead> ConnectionService::Act(int64_t id, ConnectionAction action,
                                              const rules::ConnectionMoveInput& in,
                                              const OrderActor& actor) const {
  for (auto [text, field] : {std::pair{&in.note, "note"}, std::pair{&in.reason, "reason"},
                             std::pair{&in.suggestion, "suggestion"}}) {
    if (auto s = CheckText(*text, field, kMaxConnectionText, false); !s.ok()) return s.error();
  }
  auto c = Visible(id, actor.scope);
  if (!c.ok()) return c.error();
  auto to = rules::ApplyConnection(c->application, c->state, c->visited_at.has_value(), action,
                                   actor.role, in);
  if (!to.ok()) return to.error();
  const Instant now = clock_.Now();
  ports::ConnectionEvent event;
  event.action = action;
  event.state = *to;
  event.actor = actor.name;
  event.role = std::string(rules::RoleName(actor.role));
  event.note = in.note;
  event.at = now;
  for (auto d : in.documents) {
    if (!c->application.documents.count(d)) event.documents.push_back(d);
  }
  event.reason = in.reason;
  event.suggestion = in.suggestion;
  event.satisfied = in.satisfied;
  ports::ConnectionRecord after = After(*c, action, *to, in, now);
  // One profile and one calendar for the message and the answer.
  auto policy = CompanyPolicy(policies_, records_, c->company_id);
  if (!policy.ok()) return policy.error();
  const auto calendar = calendar_.Current();
  std::vector<ports::OutboxMessage> told;
  if (after.household_id && action != ConnectionAction::kVisit) {
    auto read = Read(after, actor, **policy, *calendar);
    if (!read.ok()) return read.error();
    told.push_back(Message(after, "event-" + std::to_string(c->version + 1), read->decision,
                           read->missing, now));
  }
  auto moved = store_.Move(id, after, event, told);
  if (!moved.ok()) return moved.error();
  return Read(std::move(*moved), actor, **policy, *calendar);
}

Result<ConnectionRead> ConnectionService::Get(int64_t id, const OrderActor& actor) const {
  auto c = Visible(id, actor.scope);
  if (!c.ok()) return c.error();
  return Read(std::move(*c), actor);
}

Result<std::vector<ConnectionRead>> ConnectionService::List(ports::ConnectionQuery query,
                                                            const OrderActor& actor) const {
  if (!NarrowToScope(query, actor.scope)) return std::vector<ConnectionRead>{};
  auto list = store_.List(query);
  if (!list.ok()) return list.error();
  // One profile per company and one calendar for the whole page.
  const auto calendar = calendar_.Current();
  CompanyPolicies policies(policies_, records_);
  std::vector<ConnectionRead> out;
  out.reserve(list->size());
  for (auto& c : *list) {
    auto policy = policies.Of(c.company_id);
    if (!policy.ok()) return policy.error();
    auto r = Read(std::move(c), actor, **policy, *calendar);
    if (!r.ok()) return r.error();
    out.push_back(std::move(*r));
  }
  return out;
}

}  // namespace hearth::services
