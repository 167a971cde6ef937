// Port: applications to increase, decrease, stop or resume heating (增减停复, R-ACCT-1, W 9.1.8).
//
// An application is taken in with its household, kind, effective day, the household's heating
// status and area when received, and the documents on file; each later step
// (rules/heating_change.hpp: supply-documents, approve, refuse) writes its documents, state and
// the decision's facts, compare-and-set on `version`, with its outbox messages and audit entry
// (resource "heating_changes") in the same transaction. An approval changes the household in that
// transaction too (heating_status for a stop or resumption, area_m2 for an increase or decrease,
// audited as an update of "households"), and only while the household is still as the
// application found it. Methods take no scope: services check access. Thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/civil_time.hpp"
#include "core/result.hpp"
#include "ports/work_order_store.hpp"
#include "rules/heating_change.hpp"
#include "rules/usage_history.hpp"

namespace hearth::ports {

struct HeatingChangeRecord {
  int64_t id = 0;
  int64_t company_id = 0;
  int64_t household_id = 0;
  std::string applicant;        ///< the name on the form (the household's own login online)
  rules::HeatingChange change;  ///< kind, days, status and areas when received, documents on file
  Instant received_at;
  bool metered = false;  ///< billed by heat meter when received: settled by the meter (no amount)
  std::string note;      ///< the hall's, at receipt
  rules::HeatingChangeState state = rules::HeatingChangeState::kReceived;
  // Set by the decision:
  std::optional<Instant> decided_at;
  std::string decided_by;
  std::string reason;                                        ///< a refusal's
  std::string decision_note;                                 ///< an approval's or refusal's
  std::optional<rules::HeatingChangeSettlement> settlement;  ///< an approval by area's
  int64_t version = 0;  ///< steps taken, the taking in included
  /// A stop the company decided for this fee's arrears (W 9.2.2, rules/arrears.hpp), not applied
  /// for: it has no documents and is approved when written.
  std::optional<int64_t> arrears_fee_id;
  std::string created_by;
  Instant created_at;
};

struct HeatingChangeQuery {
  std::optional<int64_t> company_id;
  std::optional<int64_t> household_id;
  std::optional<rules::HeatingChangeState> state;
  std::optional<rules::HeatingChangeKind> kind;
  std::optional<int64_t> before;  ///< cursor: ids below this (the list is newest first)
  int limit = 50;                 ///< 1..1001
};

/// An approved change, with where its household is (judging: the usage rates of a past day,
/// rules/usage_history.hpp; billing: the household at the season's start and the settlement).
struct ApprovedHeatingChange {
  int64_t id = 0;
  int64_t household_id = 0;
  int64_t partition_id = 0;
  std::string community;  ///< its building's
  rules::AreaShift shift;
  rules::HeatingChangeKind kind = rules::HeatingChangeKind::kStop;
  std::optional<rules::HeatingChangeSettlement> settlement;  ///< by area; none by meter
};

class HeatingChangeStore {
 public:
  virtual ~HeatingChangeStore() = default;

  /// Inserts `application` (id assigned; state received; version 1; the decision's facts
  /// ignored) with `outbox` and its audit entry by `created_by`.
  virtual Result<HeatingChangeRecord> Create(const HeatingChangeRecord& application,
                                             std::span<const OutboxMessage> outbox) = 0;
  /// Inserts `stop` (a stop with `arrears_fee_id`, its decision and settlement) approved at
  /// once (version 1), stops the household in the same transaction as Move's approval does, with
  /// `outbox` and the audit entries by `stop.decided_by`. already_exists (field "fee") when an
  /// approved stop names the fee already; failed_precondition (field "household") when the
  /// household is no longer heated.
  virtual Result<HeatingChangeRecord> StopForArrears(const HeatingChangeRecord& stop,
                                                     std::span<const OutboxMessage> outbox) = 0;
  /// not_found (field "id").
  virtual Result<HeatingChangeRecord> Get(int64_t id) = 0;
  /// Newest first (by id, descending).
  virtual Result<std::vector<HeatingChangeRecord>> List(const HeatingChangeQuery& query) = 0;
  /// Every approved change of `company_id` (of `household` only, when given) effective after
  /// `after`, by effective day, then id: one statement, however many.
  virtual Result<std::vector<ApprovedHeatingChange>> ApprovedAfter(
      int64_t company_id, Date after, std::optional<int64_t> household = std::nullopt) = 0;
  /// Writes `after`'s documents, state and decision when the stored version is still
  /// `after.version` (then version + 1), queues `outbox` (message ids prefixed
  /// "heating-change-<id>-"), and on an approval changes the household; audited by `actor` with
  /// the step's `action` and note. failed_precondition when another step came first, or (field
  /// "household") when the household's status or area is no longer what the application found.
  virtual Result<HeatingChangeRecord> Move(int64_t id, const HeatingChangeRecord& after,
                                           rules::HeatingChangeAction action,
                                           const std::string& actor,
                                           std::span<const OutboxMessage> outbox) = 0;
};

}  // namespace hearth::ports
