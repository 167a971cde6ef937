// Port: fees in arrears and their reminders (R-BILL-1, W 9.2.2).
//
// A fee is read with what has been paid against it (its payments with that fee_id), its
// household's number, address, heating status and contract's steps, the reminders recorded for it, and
// the stop for arrears decided on it, if any (an approved heating change naming the fee,
// ports/heating_change_store.hpp). A reminder is written with its outbox message (an SMS or
// WeChat one; the message's delivery is the reminder's proof) and its audit entry (resource
// "reminders") in one transaction. Reminders entered as plain records (resource "reminders",
// without a fee) are read by neither. Methods take no scope: services check access. Thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/civil_time.hpp"
#include "core/result.hpp"
#include "ports/work_order_store.hpp"
#include "rules/arrears.hpp"

namespace hearth::ports {

struct ReminderRecord {
  int64_t id = 0;
  int64_t fee_id = 0;
  int64_t household_id = 0;
  rules::ReminderChannel channel = rules::ReminderChannel::kNotice;
  Instant sent_at;      ///< the server's time for the platform's; the hall's for one by hand
  std::string content;  ///< what it said
  std::string proof;    ///< by hand: where and how it was delivered; "" for the platform's
  std::string sent_by;
  // The platform's (SMS, WeChat): its outbox message and how its delivery stands.
  std::string message_id;
  std::optional<Instant> delivered_at;
  int attempts = 0;
  std::string last_error;

  /// It reached the household as far as the company can show (rules/arrears.hpp).
  bool proven() const { return !rules::SentByPlatform(channel) || delivered_at.has_value(); }
};

struct ArrearsRecord {
  int64_t fee_id = 0;
  int64_t company_id = 0;
  int64_t household_id = 0;
  std::string household_code;
  std::string address;
  int season = 0;
  Date due_on;
  int64_t amount_fen = 0;
  int64_t paid_fen = 0;
  bool heated = true;
  /// The household contract's steps before a stop (its terms' "arrears_reminders" and
  /// "arrears_notice_days", each defaulting to rules::kDefaultStopSteps'; one that is not a whole
  /// number reads as 0, which rules::CheckStopSteps refuses).
  rules::StopSteps steps;
  std::vector<ReminderRecord> reminders;  ///< newest first
  std::optional<int64_t> stop_id;         ///< the approved stop for arrears on this fee
};

struct ArrearsQuery {
  std::optional<int64_t> company_id;
  std::optional<int64_t> household_id;
  std::optional<int> season;
  Date overdue_on;                ///< fees due before this day and not paid in full
  std::optional<int64_t> before;  ///< cursor: fee ids below this (newest first)
  int limit = 50;                 ///< 1..1001
};

class ArrearsStore {
 public:
  virtual ~ArrearsStore() = default;

  /// Fees overdue on `query.overdue_on` and owed, newest (by fee id) first.
  virtual Result<std::vector<ArrearsRecord>> Overdue(const ArrearsQuery& query) = 0;
  /// Any fee, owed or not. not_found (field "id").
  virtual Result<ArrearsRecord> Fee(int64_t fee_id) = 0;
  /// Inserts `reminder` (id assigned) with `message` in the outbox (its message_id is stored as
  /// the reminder's) and the audit entry by `reminder.sent_by`; answers it as stored.
  virtual Result<ReminderRecord> Remind(const ReminderRecord& reminder,
                                        const std::optional<OutboxMessage>& message) = 0;
};

}  // namespace hearth::ports
