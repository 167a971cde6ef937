// The end of every change to a record that moves through states with a history (insurance
// claims, connection applications, findings, meter disputes): the messages the change causes and
// its audit entry, written in the caller's transaction so that they commit with the change or not
// at all, and the one answer to a compare-and-set that lost.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "adapters/storage/sql.hpp"
#include "ports/work_order_store.hpp"

namespace hearth::adapters::storage {

struct RecordChange {
  std::string_view kind;   ///< names the messages: "<kind>-<id>-<message_id>" (outbox_sql.hpp)
  std::string_view table;  ///< the audited resource
  int64_t id = 0;
  std::string actor;
  std::string before;  ///< the state as JSON; "" when the record is created
  std::string after;
};

/// Inserts the change's messages, then its audit entry: "create" when `before` is empty, else
/// "update".
Status FinishChange(Connection& conn, const RecordChange& change,
                    std::span<const ports::OutboxMessage> outbox);

/// `state_json` with the step that made it: {"action": action, "note": note} added, so that the
/// audit of an update says why as well as what.
std::string WithStep(const std::string& state_json, std::string_view action,
                     const std::string& note);

/// The compare-and-set of `what` `id` found another state than the one it was read in.
Error ChangedMeanwhile(std::string_view what, int64_t id, std::string_view state_now);

}  // namespace hearth::adapters::storage
