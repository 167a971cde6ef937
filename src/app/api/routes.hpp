// The HTTP API's resources. Each Add* registers one resource's routes; handlers only translate
// between HTTP and a service call.
#pragma once

#include "adapters/http/router.hpp"
#include "services/calendar_service.hpp"
#include "services/deadline_service.hpp"

namespace hearth::app::api {

/// GET /healthz: liveness, and the operator's calendar warning (R-CAL-1).
void AddHealthRoutes(http::Router& router, services::CalendarService& calendar);

/// GET /api/v1/calc/deadline?policy=&rule=&channel=&from=&outside_works=
void AddCalcDeadlineRoutes(http::Router& router, const services::DeadlineService& deadlines);

/// GET /api/v1/calendar: loaded years and missing ones.
void AddCalendarRoutes(http::Router& router, services::CalendarService& calendar);

}  // namespace hearth::app::api
