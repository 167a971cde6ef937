// The acting user as the services that record who did what take it (services::OrderActor): the
// signed-in principal's name, role and scope. Shared by the work-order, outage, finding and
// energy routes.
#pragma once

#include "services/auth_service.hpp"
#include "services/work_order_service.hpp"

namespace hearth::app::http {

inline services::OrderActor ActorOf(const services::Principal& p) {
  return {p.username, p.role, services::ScopeOf(p)};
}

}  // namespace hearth::app::http
