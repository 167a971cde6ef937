// The HTTP API's resources. Each Add* registers one resource's routes; handlers only translate
// between HTTP and a service call.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "adapters/http/router.hpp"
#include "app/http/auth.hpp"  // RequirePrincipal, AuthErrorResponse
#include "services/calendar_service.hpp"
#include "services/deadline_service.hpp"

namespace hearth::app::http {

/// GET /healthz: liveness, the database (503 with its problem while `database` fails: issue 12,
/// finding 6), and the operator's calendar warning (R-CAL-1). Answered while the gate is shut.
void AddHealthRoutes(adapters::http::Router& router, services::CalendarService& calendar,
                     std::function<Status()> database);

/// One dependency /readyz checks: a name ("database", "disk", "mqtt") and its check, ok or
/// unavailable with a message saying what is wrong.
struct ReadyCheck {
  std::string name;
  std::function<Status()> check;
};

/// GET /readyz: readiness for load balancers and Kubernetes probes (issue 18, item 2). Runs every
/// check, each time (they are cheap: one trivial query, one statvfs, one flag); 200 when all
/// pass, else 503 with Retry-After, the first failure's message, and every check's verdict.
/// Answered while the gate is shut.
void AddReadyRoute(adapters::http::Router& router, std::vector<ReadyCheck> checks);

/// GET /api/v1/calc/deadline?policy=&rule=&channel=&from=&outside_works=
void AddCalcDeadlineRoutes(adapters::http::Router& router,
                           const services::DeadlineService& deadlines);
void AddCalcDailyRoutes(adapters::http::Router& router, const services::PolicyRegistry& policies);
void AddCalcRefundRoutes(adapters::http::Router& router, const services::PolicyRegistry& policies);
void AddCalcSamplePlanRoutes(adapters::http::Router& router,
                             const services::PolicyRegistry& policies);

/// GET /api/v1/calendar: loaded years and missing ones.
void AddCalendarRoutes(adapters::http::Router& router, services::CalendarService& calendar);
void AddAuthRoutes(adapters::http::Router& router, services::AuthService& auth);  // /api/v1/auth/…

}  // namespace hearth::app::http
