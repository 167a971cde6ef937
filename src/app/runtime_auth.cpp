// The accounts part of the runtime: a user store on a connection of its own (the SqlStore's is
// private to it), and the auth service over it and the wall clock.
#include "adapters/clock/system_clock.hpp"
#include "app/runtime.hpp"

namespace hearth::app {

Status AddAuth(Runtime& rt, const std::string& db_url) {
  // The schema was migrated by SqlStore::Open, before this.
  auto conn = adapters::sql::Connect(db_url, false);
  if (!conn.ok()) return conn.error();
  if (!rt.clock) rt.clock = std::make_unique<adapters::SystemClock>();
  rt.users = std::make_unique<adapters::SqlUserStore>(std::move(*conn));
  rt.auth = std::make_unique<services::AuthService>(*rt.users, *rt.clock);
  return OkStatus();
}

}  // namespace hearth::app
