// The records that belong to a company and to one of its households (insurance claims,
// connection applications, findings, meter disputes) as a caller's scope sees them: a company's
// staff see their company's, a household its own, the regulator and the admin every one. A record
// outside the scope is answered exactly as one that does not exist.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "ports/record_store.hpp"

namespace hearth::services {

/// `record` (as the store answered) when `scope` sees it; else not_found "no <what> <id>" on
/// field id. Works for records whose household_id is optional (an application for a flat not yet
/// on file is seen by its company only).
template <class Record>
Result<Record> InScope(Result<Record> record, const ports::Scope& scope, std::string_view what,
                       int64_t id) {
  if (!record.ok()) return record;
  if ((scope.company_id && record->company_id != *scope.company_id) ||
      (scope.household_id && record->household_id != *scope.household_id)) {
    return Error::NotFound("no " + std::string(what) + " " + std::to_string(id), "id");
  }
  return record;
}

/// Narrows a list query (with optional company_id and household_id filters) to `scope`. False
/// when it asks for another household than the caller's own: the answer is then an empty page.
template <class Query>
bool NarrowToScope(Query& query, const ports::Scope& scope) {
  if (scope.company_id) query.company_id = scope.company_id;
  if (scope.household_id) {
    if (query.household_id && *query.household_id != *scope.household_id) return false;
    query.household_id = scope.household_id;
  }
  return true;
}

}  // namespace hearth::services
