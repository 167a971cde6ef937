#include "app/demo_seed.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <iostream>

#include "app/environment.hpp"
#include "services/demo_city.hpp"

namespace hearth::app {

int SeedDemoCity(Runtime& rt, uint64_t seed) {
  if (!rt.records) return Fail(Error::FailedPrecondition("the demo needs a database"));
  ports::RecordStore& records = *rt.records;
  auto empty = services::HasNoCompanies(records);
  if (!empty.ok()) return Fail(empty.error());
  if (!*empty) {
    spdlog::info("the database has companies already: serving it as it is");
    return 0;
  }
  services::DemoOptions options;
  options.seed = seed;
  auto started = std::chrono::steady_clock::now();
  auto city = services::GenerateDemoCity(records, *rt.policies, rt.auth.get(), options);
  if (!city.ok()) return Fail(city.error());
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                std::chrono::steady_clock::now() - started)
                .count();
  spdlog::info("generated the demo city in {} ms ({} households, {} users)", ms,
               city->households, city->logins.size());
  const auto& c = *city;
  std::cout << "Generated the demo city (seed " << seed << "): " << c.companies << " companies, "
            << c.districts << " districts, " << c.seasons << " seasons, " << c.substations
            << " substations, " << c.buildings << " buildings, " << c.partitions
            << " partitions, " << c.households << " households, " << c.rooms << " rooms, "
            << c.sensors << " sensors, " << c.tariffs << " tariffs, " << c.fees << " fees.\n";
  if (!c.logins.empty()) {
    std::cout << "Demo logins (POST /api/v1/auth/login with {\"username\",\"password\"}):\n";
    for (const auto& login : c.logins) {
      std::cout << "  " << login.username << " / " << login.password << "  (" << login.role
                << ", " << login.scope << ")\n";
    }
  }
  std::cout << std::flush;
  return 0;
}

}  // namespace hearth::app
