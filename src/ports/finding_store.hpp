// Port: household-caused findings (issue 15, R-REFUND-4) and their history.
//
// A finding is recorded with its evidence (what was found, photo references, who found it,
// when) and a validity period; later moves (rules/finding.hpp: acknowledge, dispute, uphold,
// reject, withdraw) change only its state and append to its history, compare-and-set on the
// state, with their outbox messages and audit entry (resource "findings") in the same
// transaction. The evidence itself never changes. Methods take no scope: services check
// access. Thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/civil_time.hpp"
#include "core/result.hpp"
#include "ports/work_order_store.hpp"
#include "rules/finding.hpp"

namespace hearth::ports {

/// A finding of one household (FindingStore::CoveringOf).
struct HouseholdCover {
  int64_t household_id = 0;
  rules::FindingCover cover;
};

/// One entry of a finding's history: its recording, then each move.
struct FindingEvent {
  rules::FindingAction action = rules::FindingAction::kRecord;
  rules::FindingState state = rules::FindingState::kOpen;  ///< the state after it
  std::string actor;
  std::string role;  ///< rules::RoleName of the actor
  std::string note;
  Instant at;
};

struct Finding {
  int64_t id = 0;
  int64_t company_id = 0;
  int64_t household_id = 0;
  rules::FindingKind kind = rules::FindingKind::kOwnInstallation;
  std::string description;
  std::vector<std::string> photos;  ///< references to stored photos
  std::string found_by;
  Instant found_at;
  Date valid_from, valid_to;  ///< inclusive
  rules::FindingState state = rules::FindingState::kOpen;
  std::string created_by;
  Instant created_at;
  std::vector<FindingEvent> history;  ///< Get only, oldest first
};

struct FindingQuery {
  std::optional<int64_t> company_id;
  std::optional<int64_t> household_id;
  std::optional<rules::FindingState> state;
  std::optional<int64_t> before;  ///< cursor: ids below this (the list is newest first)
  int limit = 50;                 ///< 1..1001
};

class FindingStore {
 public:
  virtual ~FindingStore() = default;

  /// Inserts `finding` (id and created_at assigned, state open, `history` ignored) with its
  /// first history entry (`recorded`: action record), `outbox` and its audit entry.
  virtual Result<Finding> Create(const Finding& finding, const FindingEvent& recorded,
                                 std::span<const OutboxMessage> outbox) = 0;
  /// The finding with its history; not_found (field "id").
  virtual Result<Finding> Get(int64_t id) = 0;
  /// Findings newest first (by id, descending), without their history.
  virtual Result<std::vector<Finding>> List(const FindingQuery& query) = 0;
  /// Moves the finding from `from` to `event.state`, appending `event`, queueing `outbox`
  /// (message ids are prefixed "finding-<id>-"), audited by the event's actor.
  /// failed_precondition when its state is no longer `from` (another move came first).
  virtual Result<Finding> Move(int64_t id, rules::FindingState from, const FindingEvent& event,
                               std::span<const OutboxMessage> outbox) = 0;
  /// The household's findings whose period overlaps [from, to], in any state.
  virtual Result<std::vector<rules::FindingCover>> Covering(int64_t household_id, Date from,
                                                            Date to) = 0;
  /// The same for every household whose id is in [first, last] (a page of households at once),
  /// by household, then id.
  virtual Result<std::vector<HouseholdCover>> CoveringOf(int64_t first, int64_t last, Date from,
                                                         Date to) = 0;
};

}  // namespace hearth::ports
