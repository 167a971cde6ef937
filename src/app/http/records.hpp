// The record resources over HTTP, one set of routes per descriptor (model/resources.hpp):
//   GET    /api/v1/<resource>?cursor=&limit=&<filter>=   a page {"items":[…],"next_cursor":…}
//   GET    /api/v1/<resource>/{id}
//   POST   /api/v1/<resource>                           201 with the record
//   PATCH  /api/v1/<resource>/{id}                      the changed record
//   DELETE /api/v1/<resource>/{id}                      204
// Who may do what is decided by the Authorizer, so these handlers know no roles. POST and PATCH
// go through services::RecordService, which checks the record as it will be stored (issue 11).
#pragma once

#include <functional>
#include <string>

#include "adapters/http/router.hpp"
#include "model/resources.hpp"
#include "ports/bill_store.hpp"
#include "ports/clock.hpp"
#include "ports/record_store.hpp"

namespace hearth::app::http {

enum class Verb { kRead, kWrite };

/// What a caller may do with a resource: the rows it may see, the name written to the audit log,
/// and how records are masked for it before they are sent (W 12.1).
struct Access {
  ports::Scope scope;
  std::string actor;
  std::function<void(const model::Resource&, ports::Record&)> mask;  ///< may be empty
};

/// Decides access for a request: unauthenticated (401) without valid credentials,
/// permission_denied (403) for a verb the caller's role may not use on the resource.
using Authorizer =
    std::function<Result<Access>(const adapters::http::Request&, const model::Resource&, Verb)>;

/// Registers the routes of every resource. `store`, `clock`, `authorize` and `bills` must outlive
/// the router; with `bills`, billed fees and meter readings are kept as billed (RecordService).
void AddRecordRoutes(adapters::http::Router& router, ports::RecordStore& store,
                     const ports::Clock& clock, Authorizer authorize,
                     ports::BillStore* bills = nullptr);

}  // namespace hearth::app::http
