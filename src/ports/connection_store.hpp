// Port: connection applications (报装, R-CONN-1, issue 16) and their history.
//
// An application is taken in with its building, household (if one is named), applicant, kind,
// receipt time, the season it catches and the documents on file; each later step
// (rules/connection.hpp: supply-documents, approve, refuse, visit) writes the application's
// documents, state and the step's facts, compare-and-set on `version` (the length of its history),
// and appends to the history, with its outbox messages and audit entry (resource
// "connection_applications") in the same transaction. An approval that names a household
// connects it (heating_status heated, audited as an update of "households") in that transaction
// too. Methods take no scope: services check access. Thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "core/civil_time.hpp"
#include "core/result.hpp"
#include "ports/work_order_store.hpp"
#include "rules/connection.hpp"

namespace hearth::ports {

/// One entry of an application's history: its taking in, then each step with what it brought.
struct ConnectionEvent {
  rules::ConnectionAction action = rules::ConnectionAction::kApply;
  rules::ConnectionState state = rules::ConnectionState::kReceived;  ///< the state after it
  std::string actor;
  std::string role;  ///< rules::RoleName of the actor
  std::string note;
  Instant at;
  std::vector<rules::ConnectionDocument> documents;  ///< apply, supply-documents: those added
  std::string reason, suggestion;                    ///< refuse
  std::optional<bool> satisfied;                     ///< visit
};

struct ConnectionRecord {
  int64_t id = 0;
  int64_t company_id = 0;
  int64_t building_id = 0;
  std::optional<int64_t> household_id;
  std::string applicant;
  std::string phone;                         ///< sensitive: masked for readers without the need
  rules::ConnectionApplication application;  ///< kind, receipt and the documents on file
  int season = 0;            ///< the season it catches (rules::ConnectionAssessment, at receipt)
  bool next_season = false;  ///< a new building after the date: told so
  rules::ConnectionState state = rules::ConnectionState::kReceived;
  // Set by the steps:
  std::optional<Instant> decided_at;
  std::string reason, suggestion;
  std::optional<Instant> visited_at;
  std::optional<bool> satisfied;
  std::string visit_note;
  int64_t version = 0;  ///< entries in its history
  std::string created_by;
  Instant created_at;
  std::vector<ConnectionEvent> history;  ///< Get only, oldest first
};

struct ConnectionQuery {
  std::optional<int64_t> company_id;
  std::optional<int64_t> building_id;
  std::optional<int64_t> household_id;
  std::optional<rules::ConnectionState> state;
  std::optional<int> season;
  std::optional<bool> visited;    ///< false: decided and not yet visited back (R-WO-6)
  std::optional<int64_t> before;  ///< cursor: ids below this (the list is newest first)
  int limit = 50;                 ///< 1..1001
};

class ConnectionStore {
 public:
  virtual ~ConnectionStore() = default;

  /// Inserts `application` (id assigned; state received; version 1; the steps' facts and
  /// `history` ignored) with its first history entry (`received`: action apply), `outbox` and its
  /// audit entry. Returns it with its history.
  virtual Result<ConnectionRecord> Create(const ConnectionRecord& application,
                                          const ConnectionEvent& received,
                                          std::span<const OutboxMessage> outbox) = 0;
  /// The application with its history; not_found (field "id").
  virtual Result<ConnectionRecord> Get(int64_t id) = 0;
  /// Applications newest first (by id, descending), without their history.
  virtual Result<std::vector<ConnectionRecord>> List(const ConnectionQuery& query) = 0;
  /// Writes `after`'s documents, state and the steps' facts when the stored version is still
  /// `after.version`, appends `event`, queues `outbox` (message ids prefixed "connection-<id>-"),
  /// connects the household on an approval that names one, audited by the event's actor.
  /// failed_precondition when another step came first.
  virtual Result<ConnectionRecord> Move(int64_t id, const ConnectionRecord& after,
                                        const ConnectionEvent& event,
                                        std::span<const OutboxMessage> outbox) = 0;
};

}  // namespace hearth::ports
