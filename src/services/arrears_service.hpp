// Use cases of arrears (issue 16, R-BILL-1, W 9.2.2): the company's staff list the fees past their
// due day and still owed, remind the household, and the admin or a manager stops its heat once the
// contract's steps are done. The rules (what is overdue, which reminders are proven, when a stop
// may take effect) are rules/arrears.hpp's.
//
// - Readers: every role in its scope (a company's staff their company's fees, the regulator and
//   the admin every company's, a household its own).
// - A reminder (the admin, a manager or an agent): by SMS or WeChat the platform sends it through
//   the outbox, at the server's time, and its delivery is its proof; a posted notice (张贴告知) or
//   a letter is recorded with its proof (where and how: a photo's reference) and the time it was
//   posted (`sent_at`, at most kMaxEntryDelay ago, default now). Without a text of its own, it
//   says what is owed and since when (ReminderText). Taken only while the fee is overdue and
//   owed on that day.
// - A stop for arrears (the admin or a manager): once the household's contract steps are done
//   (rules::CheckStopForArrears on the server's day), written as an approved stop through
//   HeatingChangeService (settled pro rata, the household told, audited). The household keeps its
//   statutory rights: nothing here touches its refunds or complaints.
//
// Every change is audited by the stores. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "ports/arrears_store.hpp"
#include "ports/clock.hpp"
#include "ports/record_store.hpp"
#include "services/heating_change_service.hpp"
#include "services/work_order_service.hpp"

namespace hearth::services {

inline constexpr size_t kMaxReminderText = 500;  ///< content (bytes)
inline constexpr size_t kMaxReminderProof = 1000;  ///< proof, note (bytes)

struct ArrearsRead {
  ports::ArrearsRecord record;
  rules::ArrearsStanding standing;  ///< on the server's day
  enum Action { kRemind, kStop };
  std::vector<Action> actions;  ///< what the reader may do now
};

struct NewReminder {
  rules::ReminderChannel channel = rules::ReminderChannel::kSms;
  std::string content;            ///< "" for ReminderText
  std::string proof;              ///< required by hand, refused for the platform's
  std::optional<Instant> sent_at;  ///< by hand only: when posted or sent
};

/// The standard reminder: the household, the season, what is owed and the due day, in Chinese.
std::string ReminderText(const ports::ArrearsRecord& fee, int64_t outstanding_fen);

class ArrearsService {
 public:
  /// None is owned; all must outlive the service.
  ArrearsService(ports::ArrearsStore& store, ports::RecordStore& records,
                 const HeatingChangeService& changes, const ports::Clock& clock)
      : store_(store), records_(records), changes_(changes), clock_(clock) {}

  /// Overdue and owed on the server's day, in the actor's scope, newest fee first.
  Result<std::vector<ArrearsRead>> List(ports::ArrearsQuery query, const OrderActor& actor) const;
  /// Any fee in the actor's scope; not_found ("id") otherwise.
  Result<ArrearsRead> Get(int64_t fee_id, const OrderActor& actor) const;
  /// Records a reminder and answers the fee as it now stands. Errors: permission_denied but for
  /// the admin, a manager or an agent; not_found; invalid_argument naming "content", "proof"
  /// (missing by hand, given for the platform's, too long) or "sent_at" (given for the
  /// platform's, in the future, too old); failed_precondition ("fee") unless overdue and owed.
  Result<ArrearsRead> Remind(int64_t fee_id, const NewReminder& reminder,
                             const OrderActor& actor) const;
  /// Stops the household's heat for the fee from `effective`. Errors: permission_denied but for
  /// the admin or a manager; not_found; invalid_argument ("note" too long, "contract" steps out of
  /// range); rules::CheckStopForArrears's; HeatingChangeService::StopForArrears's.
  Result<HeatingChangeRead> Stop(int64_t fee_id, Date effective, const std::string& note,
                                 const OrderActor& actor) const;

 private:
  ArrearsRead Read(ports::ArrearsRecord record, const OrderActor& actor) const;

  ports::ArrearsStore& store_;
  ports::RecordStore& records_;
  const HeatingChangeService& changes_;
  const ports::Clock& clock_;
};

}  // namespace hearth::services
