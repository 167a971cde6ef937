// /api/v1/policies: the policy profiles in force, for reading (issue 14: the console's 政策参数
// page shows each number with its clause).
#pragma once

#include <string>

#include "adapters/http/router.hpp"
#include "services/auth_service.hpp"
#include "services/policy_registry.hpp"

namespace hearth::app::http {

/// GET /api/v1/policies and /api/v1/policies/{name}, for every signed-in user (the rules a
/// household is judged by are no secret). The profiles are read from `policy_dir` once, here, at
/// start: the same moment the registry loaded them, so what is shown is what is in force until
/// the next start. A profile of the registry whose file cannot be read again is left out, and
/// logged.
void AddPolicyRoutes(adapters::http::Router& router, const services::PolicyRegistry& policies,
                     const std::string& policy_dir, services::AuthService& auth);

}  // namespace hearth::app::http
