#include "sim/demo_arrears.hpp"

#include <vector>

#include "model/resources.hpp"
#include "services/arrears_service.hpp"

namespace hearth::sim {
namespace {

using rules::ReminderChannel;
using services::OrderActor;
using std::chrono::days;

}  // namespace

Result<DemoArrearsSummary> GenerateDemoArrears(ports::RecordStore& records,
                                               ports::ArrearsStore& store,
                                               ports::HeatingChangeStore& changes,
                                               const services::JudgingService& seasons,
                                               const std::string& login_household, Instant now) {
  ports::ManualClock clock(now);
  const services::HeatingChangeService heating(changes, records, seasons, clock);
  const services::ArrearsService service(store, records, heating, clock);
  DemoArrearsSummary summary;
  ports::ListQuery cq;
  cq.limit = 1000;
  auto companies = records.List(*model::FindResource("companies"), cq);
  if (!companies.ok()) return companies.error();
  for (const auto& company : companies->items) {
    const OrderActor agent{"demo-agent", rules::Role::kAgent, {company.id, {}}};
    const OrderActor manager{"demo-manager", rules::Role::kManager, {company.id, {}}};
    clock.Set(now - days{12});
    ports::ArrearsQuery q;
    q.limit = 20;
    auto overdue = service.List(q, agent);
    if (!overdue.ok()) return overdue.error();
    std::vector<ports::ArrearsRecord> fees;
    for (const auto& f : *overdue) {
      if (f.record.heated && f.record.household_code != login_household && fees.size() < 3) {
        fees.push_back(f.record);
      }
    }
    auto remind = [&](const ports::ArrearsRecord& f, ReminderChannel channel, Instant at,
                      const char* proof) -> Status {
      services::NewReminder in;
      in.channel = channel;
      in.proof = proof;
      if (!rules::SentByPlatform(channel)) in.sent_at = at;
      clock.Set(rules::SentByPlatform(channel) ? at : at + std::chrono::minutes{30});
      auto done = service.Remind(f.fee_id, in, agent);
      if (!done.ok()) return done.error();
      ++summary.reminders;
      return OkStatus();
    };
    const Instant morning = StartOfLocalDay(LocalDate(now)) + std::chrono::hours{9};
    if (fees.size() >= 1) {
      const auto& f = fees[0];
      for (auto s : {remind(f, ReminderChannel::kNotice, morning - days{12},
                            "催缴通知张贴于单元门口，照片编号 DEMO-001"),
                     remind(f, ReminderChannel::kLetter, morning - days{9},
                            "催费函挂号寄出，邮件号 XA00000001CN")}) {
        if (!s.ok()) return s.error();
      }
      clock.Set(now);
      auto stopped = service.Stop(f.fee_id, LocalDate(now), "两次催缴后仍未缴费（演示）", manager);
      if (!stopped.ok()) return stopped.error();
      ++summary.stops;
    }
    if (fees.size() >= 2) {
      const auto& f = fees[1];
      for (auto s : {remind(f, ReminderChannel::kNotice, morning - days{6},
                            "催缴通知张贴于单元门口，照片编号 DEMO-002"),
                     remind(f, ReminderChannel::kLetter, morning - days{2},
                            "催费函挂号寄出，邮件号 XA00000002CN")}) {
        if (!s.ok()) return s.error();
      }
    }
    if (fees.size() >= 3) {
      if (auto s = remind(fees[2], ReminderChannel::kSms, now - days{1}, ""); !s.ok()) {
        return s.error();
      }
    }
  }
  return summary;
}

}  // namespace hearth::sim
