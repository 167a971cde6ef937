// Mass complaints over HTTP (issue 15, R-REG-1):
//   GET /api/v1/complaints/mass?company=&from=&to=&cursor=&limit=
// The flags raised when a community's complaints reached the profile's threshold (20 within
// 24 h, a platform default), by id: the community, when the episode began, when it reached the
// threshold and its latest complaint, its orders, and the threshold and window it was judged by.
// `from`/`to` bound when the threshold was reached (default: the last 30 days). Admin and
// regulator read every company's; a company's staff their own; 403 for a household.
#pragma once

#include "adapters/http/router.hpp"
#include "ports/record_store.hpp"
#include "services/auth_service.hpp"
#include "services/mass_complaint_service.hpp"

namespace hearth::app::http {

void AddMassComplaintRoutes(adapters::http::Router& router,
                            const services::MassComplaintService& service,
                            ports::RecordStore& records, services::AuthService& auth);

}  // namespace hearth::app::http
