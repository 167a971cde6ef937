#include "services/insurance_service.hpp"

#include <memory>

#include "model/resources.hpp"
#include "services/company_policy.hpp"
#include "services/scoped_records.hpp"
#include "services/text_checks.hpp"

namespace hearth::services {
namespace {

using rules::ClaimAction;
using rules::ClaimState;

constexpr auto kFutureSlack = std::chrono::minutes{5};  // clocks of phones and field laptops

Status CheckEvidence(const NewClaim& in) {
  if (in.photos.empty()) {
    return Error::InvalidArgument(
        "photos are required: the loss is recorded with its photos (W 13.3 应留有影像资料)",
        "photos");
  }
  if (in.photos.size() > kMaxClaimPhotos) {
    return Error::InvalidArgument(
        "at most " + std::to_string(kMaxClaimPhotos) + " photo references", "photos");
  }
  for (size_t i = 0; i < in.photos.size(); ++i) {
    const std::string field = "photos[" + std::to_string(i) + "]";
    if (auto s = CheckText(in.photos[i], field, 500, true); !s.ok()) return s;
  }
  if (in.losses.size() > kMaxClaimLosses) {
    return Error::InvalidArgument("at most " + std::to_string(kMaxClaimLosses) + " losses",
                                  "losses");
  }
  for (size_t i = 0; i < in.losses.size(); ++i) {
    const std::string at = "losses[" + std::to_string(i) + "]";
    if (auto s = CheckText(in.losses[i].item, at + ".item", kMaxClaimName, true); !s.ok()) {
      return s;
    }
    const auto& estimate = in.losses[i].estimate_fen;
    if (estimate && (*estimate < 0 || *estimate > rules::kMaxClaimFen)) {
      return Error::InvalidArgument(at + ".estimate must be from 0 to 10000000.00 yuan",
                                    at + ".estimate");
    }
  }
  return OkStatus();
}

ports::OutboxMessage Message(const ports::InsuranceClaim& c, const std::string& tag,
                             const std::string& note, Instant now) {
  ports::OutboxMessage m;
  m.message_id = tag + "-household";  // the store prefixes "claim-<id>-"
  m.receiver = "household";
  m.topic = "insurance-claim." + std::string(rules::ClaimStateName(c.state));
  m.company_id = c.company_id;
  m.household_id = c.household_id;
  m.fields = {{"state", std::string(rules::ClaimStateName(c.state))},
              {"incident_at", FormatLocal(c.incident_at)}};
  if (c.id > 0) m.fields.emplace_back("claim_id", std::to_string(c.id));
  if (c.state == ClaimState::kInsurerNotified) m.fields.emplace_back("insurer", c.insurer);
  if (c.amount_fen) m.fields.emplace_back("amount", FormatFen(*c.amount_fen));
  if (c.exclusion) {
    m.fields.emplace_back("exclusion", std::string(rules::ClaimExclusionName(*c.exclusion)));
    m.fields.emplace_back("clause", std::string(rules::ExclusionClause(*c.exclusion)));
  }
  if (!note.empty()) m.fields.emplace_back("note", note);
  m.created_at = now;
  m.next_attempt_at = now;
  return m;
}

/// The claim after `action`, with the facts it brings, at `now`.
ports::InsuranceClaim After(ports::InsuranceClaim c, ClaimAction action, ClaimState to,
                            const rules::ClaimMoveInput& in, Instant now) {
  c.state = to;
  c.history.clear();
  switch (action) {
    case ClaimAction::kNotifyInsurer:
      c.insurer = in.insurer;
      c.insurer_reference = in.reference;
      c.notified_at = now;
      break;
    case ClaimAction::kAgree:
      c.amount_fen = in.amount_fen;
      c.agreed_at = now;
      break;
    case ClaimAction::kPay:
      c.paid_at = now;
      c.payment_reference = in.reference;
      break;
    case ClaimAction::kReject:
      c.exclusion = in.exclusion;
      c.rejected_at = now;
      break;
    case ClaimAction::kRecord:
      break;
  }
  return c;
}

}  // namespace

Result<ClaimRead> InsuranceService::Read(ports::InsuranceClaim claim, rules::Role role,
                                         const rules::Policy& policy,
                                         const rules::HolidayCalendar& calendar) const {
  ClaimRead r;
  r.deadlines = rules::ClaimDeadlinesOf(
      policy, calendar,
      {claim.created_at, claim.notified_at, claim.agreed_at, claim.paid_at, claim.rejected_at});
  r.actions = rules::AllowedClaimActions(claim.state, role);
  r.claim = std::move(claim);
  return r;
}

Result<ClaimRead> InsuranceService::Read(ports::InsuranceClaim claim, rules::Role role) const {
  auto policy = CompanyPolicy(policies_, records_, claim.company_id);
  if (!policy.ok()) return policy.error();
  return Read(std::move(claim), role, **policy, *calendar_.Current());
}

Result<ports::InsuranceClaim> InsuranceService::Visible(int64_t id,
                                                        const ports::Scope& scope) const {
  return InScope(store_.Get(id), scope, "insurance claim", id);
}

Result<ClaimRead> InsuranceService::Record(const NewClaim& in, const OrderActor& actor) const {
  if (!rules::MayRecordClaim(actor.role)) {
    return Error::PermissionDenied(
        "insurance claims are recorded by the company's staff, not by "
        "the " +
        std::string(rules::RoleName(actor.role)));
  }
  auto household = records_.Get(*model::FindResource("households"), in.household_id, actor.scope);
  if (!household.ok()) {
    if (household.error().code == ErrorCode::kNotFound) {
      return Error::NotFound("no household " + std::to_string(in.household_id), "household");
    }
    return household.error();
  }
  if (auto s = CheckText(in.incident, "incident", kMaxClaimText, true); !s.ok()) return s.error();
  if (auto s = CheckEvidence(in); !s.ok()) return s.error();
  const Instant now = clock_.Now();
  if (in.incident_at > now + kFutureSlack) {
    return Error::InvalidArgument("incident_at is in the future: a claim follows its loss",
                                  "incident_at");
  }
  ports::InsuranceClaim c;
  c.company_id = household->Int("company_id").value_or(0);
  c.household_id = in.household_id;
  c.incident_at = in.incident_at;
  c.incident = in.incident;
  c.injuries = in.injuries;
  c.photos = in.photos;
  c.losses = in.losses;
  c.created_by = actor.name;
  c.created_at = now;
  ports::ClaimEvent recorded;
  recorded.actor = actor.name;
  recorded.role = std::string(rules::RoleName(actor.role));
  recorded.at = now;
  const ports::OutboxMessage told = Message(c, "event-1", "", now);
  auto created = store_.Create(c, recorded, std::span(&told, 1));
  if (!created.ok()) return created.error();
  return Read(std::move(*created), actor.role);
}

Result<ClaimRead> InsuranceService::Act(int64_t id, ClaimAction action,
                                        const rules::ClaimMoveInput& in,
                                        const OrderActor& actor) const {
  if (auto s = CheckText(in.note, "note", kMaxClaimText, false); !s.ok()) return s.error();
  if (auto s = CheckText(in.insurer, "insurer", kMaxClaimName, false); !s.ok()) return s.error();
  if (auto s = CheckText(in.reference, "reference", kMaxClaimName, false); !s.ok()) {
    return s.error();
  }
  auto c = Visible(id, actor.scope);
  if (!c.ok()) return c.error();
  auto to = rules::ApplyClaim(c->state, action, actor.role, in);
  if (!to.ok()) return to.error();
  const Instant now = clock_.Now();
  ports::ClaimEvent event;
  event.action = action;
  event.state = *to;
  event.actor = actor.name;
  event.role = std::string(rules::RoleName(actor.role));
  event.note = in.note;
  event.at = now;
  event.amount_fen = in.amount_fen;
  event.exclusion = in.exclusion;
  event.insurer = in.insurer;
  event.reference = in.reference;
  ports::InsuranceClaim after = After(*c, action, *to, in, now);
  const std::string tag = "event-" + std::to_string(c->history.size() + 1);
  const ports::OutboxMessage told = Message(after, tag, in.note, now);
  auto moved = store_.Move(id, c->state, after, event, std::span(&told, 1));
  if (!moved.ok()) return moved.error();
  return Read(std::move(*moved), actor.role);
}

Result<ClaimRead> InsuranceService::Get(int64_t id, const OrderActor& actor) const {
  auto c = Visible(id, actor.scope);
  if (!c.ok()) return c.error();
  return Read(std::move(*c), actor.role);
}

Result<std::vector<ClaimRead>> InsuranceService::List(ports::ClaimQuery query,
                                                      const OrderActor& actor) const {
  if (!NarrowToScope(query, actor.scope)) return std::vector<ClaimRead>{};
  auto list = store_.List(query);
  if (!list.ok()) return list.error();
  // One profile per company and one calendar for the whole page.
  const auto calendar = calendar_.Current();
  CompanyPolicies policies(policies_, records_);
  std::vector<ClaimRead> out;
  out.reserve(list->size());
  for (auto& c : *list) {
    auto policy = policies.Of(c.company_id);
    if (!policy.ok()) return policy.error();
    auto r = Read(std::move(c), actor.role, **policy, *calendar);
    if (!r.ok()) return r.error();
    out.push_back(std::move(*r));
  }
  return out;
}

}  // namespace hearth::services
