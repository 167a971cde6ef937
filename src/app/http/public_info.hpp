// A company's public service information over HTTP (issue 16, R-INFO-1, W 4.5, W 12.2), for
// anyone without signing in:
//   GET /api/v1/public/companies/{code}
// The answer: the company, its service numbers and halls (records `service_contacts`), the
// season's dates in each district it serves, the prices valid today and how to pay, and the
// procedures with their time limits, the quality standard, the rights and the duties, each with
// its clause, generated from the company's policy profile (services/public_info.hpp). 404
// naming `code` for no such company. The console shows it at /public/{code}.
#pragma once

#include "adapters/http/router.hpp"
#include "ports/clock.hpp"
#include "ports/record_store.hpp"
#include "services/policy_registry.hpp"

namespace hearth::app::http {

void AddPublicInfoRoutes(adapters::http::Router& router, ports::RecordStore& records,
                         const services::PolicyRegistry& policies, const ports::Clock& clock);

}  // namespace hearth::app::http
