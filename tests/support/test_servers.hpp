// Test-only: which servers a test may start or use. CTest sets $HEARTH_TEST_SERVERS from the
// test's labels (src/CMakeLists.txt): "pg", "mqtt", both, or "" for a unit test. A test that
// reaches for a server its labels do not name fails at once, so `ctest -L unit` can never start
// PostgreSQL or a broker by accident. Run by hand (the variable unset), a test may use anything.
#pragma once

#include <cstdlib>
#include <stdexcept>
#include <string>
#include <string_view>

namespace hearth::support {

/// Throws std::logic_error (failing the test) unless `label` ("pg", "mqtt") is allowed.
inline void RequireServerLabel(std::string_view label) {
  const char* allowed = std::getenv("HEARTH_TEST_SERVERS");
  if (allowed == nullptr) return;
  std::string_view list(allowed);
  while (!list.empty()) {
    auto comma = list.find(',');
    if (list.substr(0, comma) == label) return;
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  throw std::logic_error("this test needs the '" + std::string(label) +
                         "' server but its CTest labels do not name it (HEARTH_TEST_SERVERS='" +
                         std::string(allowed) + "'): label it in src/CMakeLists.txt's rules");
}

}  // namespace hearth::support
