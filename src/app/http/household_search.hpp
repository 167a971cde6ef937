// GET /api/v1/households/search?q=&cursor=&limit=: find a caller (issue 11, "Operators' daily
// views") by part of the household number, the address, the building's community or address,
// or the phone, for roles that see phones (services::RecordService::SearchHouseholds says who
// searches what). A page of households {"items":[…],"next_cursor":…}, masked for the caller as
// GET /api/v1/households masks them. Register it before the record routes: the router takes the
// first pattern that matches, and /api/v1/households/{id} would take "search" for an id.
#pragma once

#include "adapters/http/router.hpp"
#include "ports/clock.hpp"
#include "ports/record_store.hpp"
#include "services/auth_service.hpp"

namespace hearth::app::http {

/// `store`, `clock` and `auth` must outlive the router.
void AddHouseholdSearchRoutes(adapters::http::Router& router, ports::RecordStore& store,
                              const ports::Clock& clock, services::AuthService& auth);

}  // namespace hearth::app::http
