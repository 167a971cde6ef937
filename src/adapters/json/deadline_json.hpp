// JSON mapping of deadline answers, shared by the CLI and the HTTP API so both print the same.
#pragma once

#include <nlohmann/json.hpp>

#include "rules/deadline.hpp"

namespace hearth::adapters::json {

/// {"rule","channel"(or null),"from","deadline","calendar_incomplete","basis"}; `from` is echoed
/// in +08:00.
nlohmann::ordered_json DeadlineToJson(const rules::DeadlineRequest& request,
                              const rules::DeadlineAnswer& answer);

}  // namespace hearth::adapters::json
