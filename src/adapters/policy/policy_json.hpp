// A policy profile as JSON, for reading (GET /api/v1/policies/{name}): the profile file's tables,
// keys and values in the file's order, each number beside the `source` (clause), `default` and
// `note` the file gives it. Not a second schema: what the loader validated, shown as written.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "core/result.hpp"

namespace hearth::adapters::policy {

/// The TOML text as JSON: tables become objects (keys in the order of the file), arrays arrays,
/// dates and times their TOML text ("11-15" stays a string). invalid_argument when the text is
/// not TOML (the loader has accepted every profile that reaches here).
Result<nlohmann::ordered_json> PolicyTextAsJson(std::string_view toml_text);

}  // namespace hearth::adapters::policy
