// The admin's routes over accounts and the holiday calendar (issue 11): /api/v1/users… and
// /api/v1/calendar/imports. Every change is audited by the acting admin's username.
#pragma once

#include "adapters/http/router.hpp"
#include "app/http/auth.hpp"  // RequirePrincipal, AuthErrorResponse
#include "services/calendar_service.hpp"
#include "services/user_admin_service.hpp"

namespace hearth::app::http {

/// GET/POST /api/v1/users, GET/PATCH /api/v1/users/{id}, POST /api/v1/users/{id}/password,
/// DELETE /api/v1/users/{id}/sessions: admin only. GET /api/v1/staff: a company's enabled staff
/// (UserAdminService::Staff), for its staff, admins and regulators.
void AddUserRoutes(adapters::http::Router& router, services::UserAdminService& accounts,
                   services::AuthService& auth, ports::RecordStore& records);

/// GET /api/v1/calendar/imports (admin, regulator), POST /api/v1/calendar/imports?replace=
/// (admin): the imported holiday years (R-CAL-1).
void AddCalendarImportRoutes(adapters::http::Router& router, services::CalendarService& calendar,
                             services::AuthService& auth);

}  // namespace hearth::app::http
