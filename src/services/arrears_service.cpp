#include "services/arrears_service.hpp"

#include "core/decimal.hpp"
#include "ports/record_views.hpp"
#include "services/entry_time.hpp"
#include "services/scoped_records.hpp"
#include "services/text_checks.hpp"

namespace hearth::services {
namespace {

using rules::Role;

bool MayRemind(Role r) { return r == Role::kAdmin || r == Role::kManager || r == Role::kAgent; }
bool MayStop(Role r) { return r == Role::kAdmin || r == Role::kManager; }

rules::ArrearsStanding StandingOn(const ports::ArrearsRecord& f, Date day) {
  std::vector<rules::ReminderFact> facts;
  facts.reserve(f.reminders.size());
  for (const ports::ReminderRecord& r : f.reminders) {
    facts.push_back({LocalDate(r.sent_at), r.proven()});
  }
  return rules::StandingOf({f.amount_fen, f.paid_fen, f.due_on}, facts, day, f.steps);
}

ports::OutboxMessage Message(const ports::ArrearsRecord& f, const ports::ReminderRecord& r,
                             int64_t outstanding_fen) {
  ports::OutboxMessage m;
  m.message_id = std::string(rules::ReminderChannelName(r.channel));  // the store prefixes it
  m.receiver = "household";
  m.topic = "arrears.reminder";
  m.company_id = f.company_id;
  m.household_id = f.household_id;
  m.fields = {{"channel", std::string(rules::ReminderChannelName(r.channel))},
              {"fee_id", std::to_string(f.fee_id)},
              {"season", std::to_string(f.season)},
              {"outstanding", FormatFen(outstanding_fen)},
              {"due_on", FormatDate(f.due_on)},
              {"content", r.content}};
  m.created_at = r.sent_at;
  m.next_attempt_at = r.sent_at;
  return m;
}

}  // namespace

std::string ReminderText(const ports::ArrearsRecord& f, int64_t outstanding_fen) {
  return "您户（户号 " + f.household_code + "）" + std::to_string(f.season) + "–" +
         std::to_string(f.season + 1) + " 采暖季热费应缴 " + FormatFen(f.amount_fen) +
         " 元，已缴 " + FormatFen(f.paid_fen) + " 元，尚欠 " + FormatFen(outstanding_fen) +
         " 元，缴费期限 " + FormatDate(f.due_on) +
         " 已过。请尽快缴纳；如有疑问，请致电客服热线或到营业厅咨询。";
}

ArrearsRead ArrearsService::Read(ports::ArrearsRecord record, const OrderActor& actor) const {
  ArrearsRead r;
  r.standing = StandingOn(record, LocalDate(clock_.Now()));
  if (r.standing.overdue && MayRemind(actor.role)) r.actions.push_back(ArrearsRead::kRemind);
  if (r.standing.overdue && MayStop(actor.role) && record.heated && !record.stop_id &&
      rules::CheckStopSteps(record.steps).ok() &&
      r.standing.reminders_proven >= record.steps.reminders) {
    r.actions.push_back(ArrearsRead::kStop);
  }
  r.record = std::move(record);
  return r;
}

Result<std::vector<ArrearsRead>> ArrearsService::List(ports::ArrearsQuery query,
                                                      const OrderActor& actor) const {
  if (!NarrowToScope(query, actor.scope)) return std::vector<ArrearsRead>{};
  query.overdue_on = LocalDate(clock_.Now());
  auto list = store_.Overdue(query);
  if (!list.ok()) return list.error();
  std::vector<ArrearsRead> out;
  out.reserve(list->size());
  for (ports::ArrearsRecord& f : *list) out.push_back(Read(std::move(f), actor));
  return out;
}

Result<ArrearsRead> ArrearsService::Get(int64_t fee_id, const OrderActor& actor) const {
  auto f = InScope(store_.Fee(fee_id), actor.scope, "fee", fee_id);
  if (!f.ok()) return f.error();
  return Read(std::move(*f), actor);
}

Result<ArrearsRead> ArrearsService::Remind(int64_t fee_id, const NewReminder& in,
                                           const OrderActor& actor) const {
  if (!MayRemind(actor.role)) {
    return Error::PermissionDenied("arrears reminders are sent by the company's service hall");
  }
  const bool platform = rules::SentByPlatform(in.channel);
  if (platform && !in.proof.empty()) {
    return Error::InvalidArgument(
        "an SMS or WeChat reminder is proven by its delivery, which the platform records: give no "
        "proof",
        "proof");
  }
  if (platform && in.sent_at) {
    return Error::InvalidArgument("the platform sends an SMS or WeChat reminder now: give no sent_at",
                                  "sent_at");
  }
  if (auto s = CheckText(in.proof, "proof", kMaxReminderProof, !platform); !s.ok()) {
    return s.error();
  }
  if (auto s = CheckText(in.content, "content", kMaxReminderText, false); !s.ok()) return s.error();
  const Instant now = clock_.Now();
  const Instant sent = in.sent_at.value_or(now);
  if (auto s = CheckEntryTime(sent, now, "sent_at"); !s.ok()) return s.error();
  auto f = InScope(store_.Fee(fee_id), actor.scope, "fee", fee_id);
  if (!f.ok()) return f.error();
  const rules::ArrearsStanding standing = StandingOn(*f, LocalDate(sent));
  if (auto s = rules::CheckMayRemind(standing); !s.ok()) return s.error();
  ports::ReminderRecord r;
  r.fee_id = f->fee_id;
  r.household_id = f->household_id;
  r.channel = in.channel;
  r.sent_at = sent;
  r.content = in.content.empty() ? ReminderText(*f, standing.outstanding_fen) : in.content;
  r.proof = in.proof;
  r.sent_by = actor.name;
  std::optional<ports::OutboxMessage> message;
  if (platform) message = Message(*f, r, standing.outstanding_fen);
  auto stored = store_.Remind(r, message);
  if (!stored.ok()) return stored.error();
  return Get(fee_id, actor);
}

Result<HeatingChangeRead> ArrearsService::Stop(int64_t fee_id, Date effective,
                                               const std::string& note,
                                               const OrderActor& actor) const {
  if (!MayStop(actor.role)) {
    return Error::PermissionDenied("only the admin or a manager stops heat for arrears");
  }
  if (auto s = CheckText(note, "note", kMaxReminderProof, false); !s.ok()) return s.error();
  auto f = InScope(store_.Fee(fee_id), actor.scope, "fee", fee_id);
  if (!f.ok()) return f.error();
  if (auto s = rules::CheckStopSteps(f->steps); !s.ok()) return s.error();
  const Date today = LocalDate(clock_.Now());
  const rules::ArrearsStanding standing = StandingOn(*f, today);
  if (f->stop_id) {
    return Error::AlreadyExists(
        "heat is already stopped for this fee (heating change " + std::to_string(*f->stop_id) + ")",
        "fee");
  }
  if (auto s = rules::CheckStopForArrears(standing, f->steps, f->heated, effective, today);
      !s.ok()) {
    return s.error();
  }
  auto household = ports::GetView<ports::HouseholdView>(records_, f->household_id, actor.scope);
  if (!household.ok()) return household.error();
  std::string why = "stop for arrears (W 9.2.2): fee " + std::to_string(f->fee_id) + " owes " +
                    FormatFen(standing.outstanding_fen) + " yuan, due " + FormatDate(f->due_on) +
                    "; " + std::to_string(standing.reminders_proven) +
                    " proven reminder(s), the last on " + FormatDate(*standing.last_proven);
  if (!note.empty()) why += "; " + note;
  return changes_.StopForArrears(*household, f->fee_id, effective, why, actor);
}

}  // namespace hearth::services
