// The one error shape of the API and of the CLI's JSON output.
#pragma once

#include <nlohmann/json.hpp>

#include "core/result.hpp"

namespace hearth::adapters::json {

/// {"error":{"code","message","field"?}}: the code's wire name (ErrorCodeName), the client-safe
/// message, and the input field at fault when there is one. Never the log-only detail.
nlohmann::ordered_json ErrorToJson(const Error& error);

}  // namespace hearth::adapters::json
