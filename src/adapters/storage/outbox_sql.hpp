// Writing the notifications outbox (the table of migration 12), shared by the stores whose
// changes cause messages (work orders, heating stops): the rows go in with the change, in the
// caller's transaction.
#pragma once

#include <span>
#include <string>

#include "adapters/storage/sql.hpp"
#include "ports/work_order_store.hpp"

namespace hearth::adapters::storage {

/// The payload column: the message's fields as one JSON object, in their order.
std::string OutboxPayloadText(const ports::OutboxMessage& message);

/// Inserts each message, due at once (attempts 0, next attempt at its created_at).
Status InsertOutbox(Connection& conn, std::span<const ports::OutboxMessage> outbox);

}  // namespace hearth::adapters::storage
