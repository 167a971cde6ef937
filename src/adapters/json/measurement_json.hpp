// Manual measurements (R-TEMP-4) over HTTP: the submitted JSON, and the stored record as JSON.
//
// Request (POST /api/v1/measurements):
//   {"household_id":12, "room":"主卧", "instrument":"glass-thermometer" | "digital-thermometer" |
//    "infrared-gun", "resolution":0.1, "system_running":true, "environment":"…",
//    "closed_minutes":45, "readings":[{"at":"<RFC 3339>","value":17.2,"point":"upper"|"middle"|
//    "lower"}, …], "radiators_uncovered":true, "shielded":true, "at_room_centre":true,
//    "height_cm":150, "cold_outer_wall":false, "inspector_still":true,
//    "signature":"signed"|"pending"|"refused", "third_party":false}
// household_id, room, instrument, resolution and readings are required; a missing flag is false,
// a missing signature "pending". Whether the record keeps the rules is R-TEMP-4's business
// (rules/manual_measurement.hpp); this only checks the shapes.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "ports/monitoring_store.hpp"
#include "rules/manual_measurement.hpp"

namespace hearth::adapters::json {

using ports::MeasurementInput;  // the decoded body (ports/monitoring_store.hpp)

/// Parses the body. invalid_argument names the key at fault (field = the key, "readings[1].at").
Result<MeasurementInput> ParseMeasurementJson(std::string_view body);

using rules::InstrumentName;
using rules::SignatureName;

/// [{"rule":"R-TEMP-4","check":"gap","message":"R-TEMP-4 gap: …"}, …]
nlohmann::ordered_json ViolationsToJson(const std::vector<rules::Violation>& violations);

/// The stored measurement: {"id","household_id","room","taken_at","instrument","value",
/// "valid","violations","signature","third_party","overridden","evidence","created_by",
/// "created_at","measurement":{…as submitted}}. `evidence`: whether it counts for R-REFUND-5
/// (valid, not overridden, and signed or a third-party test).
nlohmann::ordered_json MeasurementToJson(const ports::Measurement& m);

}  // namespace hearth::adapters::json
