// The list routes of a household's records (insurance claims, connection applications, findings,
// meter disputes) read the same filters the same way:
//   company        a company's id or code (a household's own scope leaves it out);
//   household      a household's id;
//   state          one of the record's states;
//   cursor, limit  the page (paging.hpp), newest first by id.
// and refuse any other parameter than these and the route's own.
#pragma once

#include <algorithm>
#include <array>
#include <initializer_list>
#include <string>
#include <string_view>

#include "adapters/http/message.hpp"
#include "app/http/filters.hpp"
#include "app/http/paging.hpp"
#include "core/result.hpp"
#include "ports/record_store.hpp"

namespace hearth::app::http {

/// The parameters every record list reads ("company_id" is the older name of "company").
inline constexpr std::array<std::string_view, 6> kRecordListParams = {
    "company", "company_id", "household", "state", "cursor", "limit"};

/// Sets q.company_id, q.household_id, q.state, q.before and q.limit (one more than the page's,
/// which tells whether another page follows) from `req`, and answers the page's limit.
/// `parse_state` reads a state's name (an empty optional when unknown); `states` lists them for
/// the error ("open, calibrated or withdrawn"); `also` names the route's own parameters, which
/// the caller reads. Each error names its parameter, an unknown one too.
template <typename Query, typename ParseState>
Result<int> ReadRecordList(const adapters::http::Request& req, ports::RecordStore& records,
                           const ports::Scope& scope, const ParseState& parse_state,
                           const char* states, Query& q,
                           std::initializer_list<std::string_view> also = {}) {
  for (const auto& [key, value] : req.query) {
    if (std::find(kRecordListParams.begin(), kRecordListParams.end(), key) ==
            kRecordListParams.end() &&
        std::find(also.begin(), also.end(), key) == also.end()) {
      return Error::InvalidArgument("unknown query parameter '" + key + "'", key);
    }
  }
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
