// Fuzz target: JSON bodies of every record resource (POST and PATCH of /api/v1/<resource>).
// The first byte picks the resource and the mode; the rest is the body. Properties: no crash or
// sanitizer report; an accepted body holds only fields of the descriptor, and its fields written
// back as JSON are accepted again with the same values.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "adapters/json/record_json.hpp"
#include "model/resources.hpp"

using namespace hearth;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const auto& resources = model::Resources();
  const model::Resource& r = resources[data[0] % resources.size()];
  const auto mode = (data[0] / resources.size()) % 2 ? adapters::json::BodyMode::kUpdate
                                                      : adapters::json::BodyMode::kCreate;
  std::string_view body(reinterpret_cast<const char*>(data + 1), size - 1);
  auto fields = adapters::json::FieldsFromJson(r, body, mode);
  if (!fields.ok()) {
    if (fields.error().message.empty()) std::abort();  // every refusal says what is wrong
    return 0;
  }
  for (const auto& [name, value] : *fields) {
    if (r.Find(name) == nullptr) std::abort();
  }
  // Round trip through the response shape, without the id.
  auto json = adapters::json::RecordToJson(r, ports::Record{0, *fields});
  json.erase("id");
  for (auto it = json.begin(); it != json.end();) {
    it = fields->count(it.key()) ? std::next(it) : json.erase(it);
  }
  auto again = adapters::json::FieldsFromJson(r, json.dump(), mode);
  if (!again.ok() || *again != *fields) std::abort();
  return 0;
}
