// Every route of `hearth serve`, registered in one place so that the tests (OpenAPI coverage,
// the role matrix) see exactly what is served.
#pragma once

#include "adapters/http/router.hpp"
#include "app/http/records.hpp"
#include "app/runtime/runtime.hpp"

namespace hearth::app::http {

/// Registers every route, the OpenAPI document last. `rt` must outlive the router and have a
/// database (store, records, auth).
void AddApiRoutes(adapters::http::Router& router, runtime::Runtime& rt);

/// The records' access rule: a bearer token (401 without), the role's read/write rights per
/// resource (403), its scope (company or household) and masking (rules/access, W 12.1).
Authorizer MakeAuthorizer(services::AuthService& auth);

}  // namespace hearth::app::http
