// The audit log's one writer (W 12.1: every change is recorded and reviewable). Each store
// writes its audit entries on its own connection, inside the transaction of the change they
// record, so that a change and its entry are committed together or not at all.
#pragma once

#include <span>

#include "adapters/storage/sql.hpp"
#include "ports/record_store.hpp"

namespace hearth::adapters::storage {

/// Inserts `entry` (its id is assigned; an empty `at` becomes now, local RFC 3339). Empty
/// before_json / after_json are stored as NULL. Call inside the caller's transaction.
Status InsertAudit(Connection& conn, const ports::AuditEntry& entry);

/// InsertAudit for each of `entries`, in multi-row statements (bulk writes).
Status InsertAudits(Connection& conn, std::span<const ports::AuditEntry> entries);

}  // namespace hearth::adapters::storage
