// The demo city of `hearth demo`, generated into an empty database before serving it.
#pragma once

#include <cstdint>

#include "app/runtime.hpp"

namespace hearth::app {

/// When the runtime's database (rt.records) has no company, generates the demo city with `seed`
/// (services/demo_city.hpp) and its users through rt.auth, and prints what it made and the demo
/// logins on stdout; a database with companies is left as it is. Returns the exit status: 0, or
/// that of the error it printed (app/environment.hpp Fail).
int SeedDemoCity(Runtime& rt, uint64_t seed);

}  // namespace hearth::app
