// Fuzz target: the household import file (hearth import households, POST
// /api/v1/import/households). Properties: no crash or sanitizer report; a refusal names a line;
// every problem found is located on a line of the file.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "adapters/csv/household_import_csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto file = hearth::adapters::csv::ReadHouseholdImport(text);
  if (!file.ok()) {
    if (file.error().message.empty()) std::abort();
    return 0;
  }
  for (const auto& problem : file->problems) {
    if (problem.line < 1 || problem.text.empty()) std::abort();
  }
  for (const auto& row : file->rows) {
    if (row.line < 2) std::abort();  // line 1 is the header
  }
  return 0;
}
