// Port: heat-meter disputes and their calibration (R-METER-1, issue 16).
//
// A dispute is raised over a household's meter; its one later step (rules/meter.hpp: calibrate,
// withdraw) writes the facts it brings, compare-and-set on the state, with its outbox messages
// and audit entry (resource "meter_disputes", by the step's actor) in the same transaction. The
// household, the side that raised it and the reason never change. Methods take no scope:
// services check access. Thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/civil_time.hpp"
#include "core/result.hpp"
#include "ports/work_order_store.hpp"
#include "rules/meter.hpp"

namespace hearth::ports {

struct MeterDispute {
  int64_t id = 0;
  int64_t company_id = 0;
  int64_t household_id = 0;
  rules::Party raised_by = rules::Party::kHousehold;
  std::string reason;
  rules::DisputeState state = rules::DisputeState::kOpen;
  // Set by the step:
  std::optional<rules::CalibrationResult> result;
  std::string reference;  ///< the metrology body's report number
  std::optional<int64_t> cost_fen;
  std::optional<Instant> calibrated_at;
  std::string calibrated_by;
  std::optional<Instant> withdrawn_at;
  std::string note;
  std::string created_by;
  Instant created_at;
};

struct MeterDisputeQuery {
  std::optional<int64_t> company_id;
  std::optional<int64_t> household_id;
  std::optional<rules::DisputeState> state;
  std::optional<int64_t> before;  ///< cursor: ids below this (the list is newest first)
  int limit = 50;                 ///< 1..1001
};

class MeterDisputeStore {
 public:
  virtual ~MeterDisputeStore() = default;

  /// Inserts `dispute` (id assigned; state open; the step's facts ignored) with `outbox` and its
  /// audit entry.
  virtual Result<MeterDispute> Create(const MeterDispute& dispute,
                                      std::span<const OutboxMessage> outbox) = 0;
  /// not_found (field "id").
  virtual Result<MeterDispute> Get(int64_t id) = 0;
  /// Disputes newest first (by id, descending).
  virtual Result<std::vector<MeterDispute>> List(const MeterDisputeQuery& query) = 0;
  /// Writes `after`'s state and the step's facts (result … note) when the stored state is still
  /// `from`, queues `outbox` (message ids prefixed "meter-dispute-<id>-"), audited by `actor`.
  /// failed_precondition when the state is no longer `from`.
  virtual Result<MeterDispute> Move(int64_t id, rules::DisputeState from, const MeterDispute& after,
                                    const std::string& actor,
                                    std::span<const OutboxMessage> outbox) = 0;
};

}  // namespace hearth::ports
