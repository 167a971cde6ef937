// The list routes of a household's records (insurance claims, connection applications, findings,
// meter disputes) read the same filters the same way:
//   company        a company's id or code (a household's own scope leaves it out);
//   household      a household's id;
//   state          one of the record's states;
//   cursor, limit  the page (paging.hpp), newest first by id.
#pragma once

#include <string>

#include "adapters/http/message.hpp"
#include "app/http/filters.hpp"
#include "app/http/paging.hpp"
#include "core/result.hpp"
#include "ports/record_store.hpp"

namespace hearth::app::http {

/// Sets q.company_id, q.household_id, q.state, q.before and q.limit (one more than the page's,
/// which tells whether another page follows) from `req`, and answers the page's limit.
/// `parse_state` reads a state's name (an empty optional when unknown); `states` lists them for
/// the error ("open, calibrated or withdrawn"). Each error names its parameter.
template <typename Query, typename ParseState>
Result<int> ReadRecordList(const adapters::http::Request& req, ports::RecordStore& records,
                           const ports::Scope& scope, const ParseState& parse_state,
                           const char* states, Query& q) {
  if (!scope.household_id) {
    auto company = CompanyFilter(req, records, scope);
    if (!company.ok()) return company.error();
    q.company_id = *company;
  }
  auto household = OptionalIdParam(req, "household");
  if (!household.ok()) return household.error();
  q.household_id = *household;
  if (auto it = req.query.find("state"); it != req.query.end() && !it->second.empty()) {
    q.state = parse_state(it->second);
    if (!q.state) return Error::InvalidArgument(std::string("state must be ") + states, "state");
  }
  auto page = ReadPage(req);
  if (!page.ok()) return page.error();
  q.before = page->cursor;
  q.limit = page->limit + 1;
  return page->limit;
}

}  // namespace hearth::app::http
