#include "services/finding_service.hpp"

#include "model/resources.hpp"
#include "services/scoped_records.hpp"
#include "services/text_checks.hpp"

namespace hearth::services {
namespace {

using rules::FindingAction;
using rules::Role;

constexpr auto kFutureSlack = std::chrono::minutes{5};  // clocks of phones and field laptops

bool MayRecord(Role role) {
  return role == Role::kAdmin || role == Role::kManager || role == Role::kAgent ||
         role == Role::kTechnician;
}

Status CheckPhotos(const std::vector<std::string>& photos) {
  if (photos.size() > kMaxFindingPhotos) {
    return Error::InvalidArgument(
        "at most " + std::to_string(kMaxFindingPhotos) + " photo references", "photos");
  }
  for (size_t i = 0; i < photos.size(); ++i) {
    const std::string field = "photos[" + std::to_string(i) + "]";
    if (photos[i].empty() || photos[i].size() > kMaxPhotoRef) {
      return Error::InvalidArgument(
          field + " must be a reference of 1 to " + std::to_string(kMaxPhotoRef) + " bytes", field);
    }
  }
  return OkStatus();
}

/// A message about finding `f` to `receiver`; `tag` makes its id unique within the finding.
ports::OutboxMessage Message(const ports::Finding& f, const std::string& tag,
                             const std::string& receiver, const std::string& topic,
                             const std::string& note, Instant now) {
  ports::OutboxMessage m;
  m.message_id = tag + "-" + receiver;  // the store prefixes "finding-<id>-"
  m.receiver = receiver;
  m.topic = topic;
  m.company_id = f.company_id;
  m.household_id = f.household_id;
  m.fields = {{"kind", std::string(rules::FindingKindName(f.kind))},
              {"description", f.description},
              {"valid_from", FormatDate(f.valid_from)},
              {"valid_to", FormatDate(f.valid_to)},
              {"state", std::string(rules::FindingStateName(f.state))}};
  if (f.id > 0) m.fields.emplace_back("finding_id", std::to_string(f.id));
  if (!note.empty()) m.fields.emplace_back("note", note);
  m.created_at = now;
  m.next_attempt_at = now;
  return m;
}

/// Who hears of a move, besides the audit.
std::vector<std::string> ReceiversOf(FindingAction action) {
  switch (action) {
    case FindingAction::kRecord:
      return {"household"};
    case FindingAction::kAcknowledge:
      return {"managers"};
    case FindingAction::kDispute:
      return {"regulator", "managers"};
    case FindingAction::kUphold:
    case FindingAction::kReject:
    case FindingAction::kWithdraw:
      return {"household", "managers"};
  }
  return {};
}

}  // namespace

FindingRead FindingService::Read(ports::Finding finding, Role role) const {
  FindingRead r;
  r.effective = rules::Effective(finding.state);
  r.actions = rules::AllowedActions(finding.state, role);
  r.finding = std::move(finding);
  return r;
}

Result<ports::Finding> FindingService::Visible(int64_t id, const ports::Scope& scope) const {
  return InScope(store_.Get(id), scope, "finding", id);
}

Result<FindingRead> FindingService::Record(const NewFinding& in, const OrderActor& actor) const {
  if (!MayRecord(actor.role)) {
    return Error::PermissionDenied("findings are recorded by the company's staff, not by the " +
                                   std::string(rules::RoleName(actor.role)));
  }
  // The household decides the company: a household outside the actor's scope is not found.
  auto household = records_.Get(*model::FindResource("households"), in.household_id, actor.scope);
  if (!household.ok()) {
    if (household.error().code == ErrorCode::kNotFound) {
      return Error::NotFound("no household " + std::to_string(in.household_id), "household");
    }
    return household.error();
  }
  if (auto s = CheckText(in.description, "description", kMaxFindingText, true); !s.ok()) {
    return s.error();
  }
  if (auto s = CheckText(in.found_by, "found_by", kMaxFindingText, true); !s.ok()) return s.error();
  if (auto s = CheckPhotos(in.photos); !s.ok()) return s.error();
  const Instant now = clock_.Now();
  if (auto s =
          rules::CheckFindingPeriod(in.found_at, in.valid_from, in.valid_to, now + kFutureSlack);
      !s.ok()) {
    return s.error();
  }
  ports::Finding f;
  f.company_id = household->Int("company_id").value_or(0);
  f.household_id = in.household_id;
  f.kind = in.kind;
  f.description = in.description;
  f.photos = in.photos;
  f.found_by = in.found_by;
  f.found_at = in.found_at;
  f.valid_from = in.valid_from;
  f.valid_to = in.valid_to;
  f.created_by = actor.name;
  const ports::FindingEvent recorded{FindingAction::kRecord,
                                     rules::FindingState::kOpen,
                                     actor.name,
                                     std::string(rules::RoleName(actor.role)),
                                     "",
                                     now};
  std::vector<ports::OutboxMessage> outbox;
  for (const auto& receiver : ReceiversOf(FindingAction::kRecord)) {
    outbox.push_back(Message(f, "event-1", receiver, "finding.recorded", "", now));
  }
  auto created = store_.Create(f, recorded, outbox);
  if (!created.ok()) return created.error();
  return Read(std::move(*created), actor.role);
}

Result<FindingRead> FindingService::Act(int64_t id, FindingAction action, const std::string& note,
                                        const OrderActor& actor) const {
  if (auto s = CheckText(note, "note", kMaxFindingText, false); !s.ok()) return s.error();
  auto f = Visible(id, actor.scope);
  if (!f.ok()) return f.error();
  auto to = rules::Apply(f->state, action, actor.role, note);
  if (!to.ok()) return to.error();
  const Instant now = clock_.Now();
  const ports::FindingEvent event{action, *to, actor.name, std::string(rules::RoleName(actor.role)),
                                  note,   now};
  ports::Finding after = *f;
  after.state = *to;
  const std::string tag = "event-" + std::to_string(f->history.size() + 1);
  const std::string topic = "finding." + std::string(rules::FindingStateName(*to));
  std::vector<ports::OutboxMessage> outbox;
  for (const auto& receiver : ReceiversOf(action)) {
    outbox.push_back(Message(after, tag, receiver, topic, note, now));
  }
  auto moved = store_.Move(id, f->state, event, outbox);
  if (!moved.ok()) return moved.error();
  return Read(std::move(*moved), actor.role);
}

Result<FindingRead> FindingService::Get(int64_t id, const OrderActor& actor) const {
  auto f = Visible(id, actor.scope);
  if (!f.ok()) return f.error();
  return Read(std::move(*f), actor.role);
}

Result<std::vector<FindingRead>> FindingService::List(ports::FindingQuery query,
                                                      const OrderActor& actor) const {
  if (!NarrowToScope(query, actor.scope)) return std::vector<FindingRead>{};
  auto list = store_.List(query);
  if (!list.ok()) return list.error();
  std::vector<FindingRead> out;
  out.reserve(list->size());
  for (auto& f : *list) out.push_back(Read(std::move(f), actor.role));
  return out;
}

}  // namespace hearth::services
