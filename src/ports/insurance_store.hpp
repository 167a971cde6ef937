// Port: insurance claims (R-INS-1, issue 16) and their history.
//
// A claim is recorded with the incident, its photos and the loss list; each later move
// (rules/insurance.hpp: notify-insurer, agree, pay, reject) sets the claim's state and the facts
// the move brings, compare-and-set on the state, and appends to its history, with its outbox
// messages and audit entry (resource "insurance_claims") in the same transaction. The incident,
// photos and losses never change. Methods take no scope: services check access. Thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/civil_time.hpp"
#include "core/result.hpp"
#include "ports/work_order_store.hpp"
#include "rules/insurance.hpp"

namespace hearth::ports {

/// One item of the loss list (W 13.3: counted together with the household).
struct ClaimLoss {
  std::string item;
  std::optional<int64_t> estimate_fen;  ///< the household's or the company's estimate

  bool operator==(const ClaimLoss&) const = default;
};

/// One entry of a claim's history: its recording, then each move with what it brought.
struct ClaimEvent {
  rules::ClaimAction action = rules::ClaimAction::kRecord;
  rules::ClaimState state = rules::ClaimState::kRecorded;  ///< the state after it
  std::string actor;
  std::string role;  ///< rules::RoleName of the actor
  std::string note;
  Instant at;
  std::optional<int64_t> amount_fen;               ///< agree
  std::optional<rules::ClaimExclusion> exclusion;  ///< reject
  std::string insurer;                             ///< notify-insurer
  std::string reference;                           ///< notify-insurer, pay
};

struct InsuranceClaim {
  int64_t id = 0;
  int64_t company_id = 0;
  int64_t household_id = 0;
  Instant incident_at;
  std::string incident;             ///< what happened
  bool injuries = false;            ///< W 13.4: someone was hurt
  std::vector<std::string> photos;  ///< references to stored photos (W 13.3 影像资料)
  std::vector<ClaimLoss> losses;
  rules::ClaimState state = rules::ClaimState::kRecorded;
  // Set by the moves:
  std::string insurer, insurer_reference;
  std::optional<Instant> notified_at;
  std::optional<int64_t> amount_fen;
  std::optional<Instant> agreed_at;
  std::optional<Instant> paid_at;
  std::string payment_reference;
  std::optional<rules::ClaimExclusion> exclusion;
  std::optional<Instant> rejected_at;
  std::string created_by;
  Instant created_at;
  std::vector<ClaimEvent> history;  ///< Get only, oldest first
};

struct ClaimQuery {
  std::optional<int64_t> company_id;
  std::optional<int64_t> household_id;
  std::optional<rules::ClaimState> state;
  std::optional<int64_t> before;  ///< cursor: ids below this (the list is newest first)
  int limit = 50;                 ///< 1..1001
};

class InsuranceStore {
 public:
  virtual ~InsuranceStore() = default;

  /// Inserts `claim` (id assigned, created_at as given: the service's clock; state recorded, the
  /// moves' facts and `history` ignored) with its first history entry (`recorded`: action record),
  /// `outbox` and its audit entry. Returns it with its history.
  virtual Result<InsuranceClaim> Create(const InsuranceClaim& claim, const ClaimEvent& recorded,
                                        std::span<const OutboxMessage> outbox) = 0;
  /// The claim with its history; not_found (field "id").
  virtual Result<InsuranceClaim> Get(int64_t id) = 0;
  /// Claims newest first (by id, descending), without their history.
  virtual Result<std::vector<InsuranceClaim>> List(const ClaimQuery& query) = 0;
  /// Writes `after`'s state and the moves' facts (insurer … rejected_at) when the stored state is
  /// still `from`, appends `event`, queues `outbox` (message ids are prefixed "claim-<id>-"),
  /// audited by the event's actor. failed_precondition when the state is no longer `from`.
  virtual Result<InsuranceClaim> Move(int64_t id, rules::ClaimState from,
                                      const InsuranceClaim& after, const ClaimEvent& event,
                                      std::span<const OutboxMessage> outbox) = 0;
};

}  // namespace hearth::ports
