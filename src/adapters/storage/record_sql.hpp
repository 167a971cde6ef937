// The SQL of the records (SqlRecordStore, record_store_sql.cpp): columns and rows of a resource
// descriptor, the scope conditions, the audit snapshot, the client's wording of constraint
// failures, and the same-company check. Internal to the record store.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "adapters/storage/sql.hpp"
#include "core/result.hpp"
#include "model/resources.hpp"
#include "ports/record_store.hpp"

namespace hearth::adapters::storage::record_sql {

/// "r.id, r.<field>, …" in the descriptor's order.
std::string Columns(const model::Resource& r);

/// Row `i` of a SELECT of Columns(r).
ports::Record ToRecord(const model::Resource& r, const Rows& rows, size_t i);

/// Appends the scope conditions to `where`; `params` grows with their values.
void AddScope(const model::Resource& r, const ports::Scope& scope, std::string& where,
              std::vector<Value>& params);

/// The record as the audit log keeps it: {"id", fields…}.
std::string ToJson(const ports::Record& rec);

Error NotFound(const model::Resource& r, int64_t id);

/// A constraint failure on a create or update, in the client's terms: a taken unique key names
/// the natural keys; a broken reference says the record refers to one that does not exist.
Error Conflict(const model::Resource& r, const Error& e);

/// permission_denied: the record would belong to another company or household.
Error OutsideScope(const model::Resource& r);

/// Records may refer only to records of their own company (see record_sql.cpp). Runs inside the
/// write's transaction, after the write of the records `ids`; one statement for all of them.
Status CheckSameCompany(Connection& conn, const model::Resource& r, std::span<const int64_t> ids);

/// invalid_argument naming the first field `r` does not have. Column names reach SQL only from
/// the descriptor.
Status KnownFields(const model::Resource& r, const ports::Fields& fields);

}  // namespace hearth::adapters::storage::record_sql
