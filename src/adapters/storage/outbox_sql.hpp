// Writing the notifications outbox (the table of migration 12), shared by the stores whose
// changes cause messages (work orders, heating stops): the rows go in with the change, in the
// caller's transaction.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "adapters/storage/sql.hpp"
#include "ports/work_order_store.hpp"

namespace hearth::adapters::storage {

/// The payload column: the message's fields as one JSON object, in their order.
std::string OutboxPayloadText(const ports::OutboxMessage& message);

/// Inserts each message, due at once (attempts 0, next attempt at its created_at).
Status InsertOutbox(Connection& conn, std::span<const ports::OutboxMessage> outbox);

/// As above, for messages about one record: each message_id is made unique across records as
/// "<kind>-<id>-<message_id>" (kind "claim", "connection", "outage", "meter-dispute"...), so a
/// service may name its messages after the step alone.
Status InsertOutbox(Connection& conn, std::string_view kind, int64_t id,
                    std::span<const ports::OutboxMessage> outbox);

}  // namespace hearth::adapters::storage
