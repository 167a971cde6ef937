// JSON bodies of the record resources, validated against their descriptors.
//
// Every problem names its field: malformed JSON, a body that is not an object, an unknown field,
// a wrong type, a missing required field (create), a change to an immutable field (update), an
// enum value outside its list, a malformed date, a decimal with too many places, a value out of
// range. Decimals are read from their JSON text, exactly.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "model/resources.hpp"
#include "ports/record_store.hpp"

namespace hearth::adapters::json {

enum class BodyMode { kCreate, kUpdate };

Result<ports::Fields> FieldsFromJson(const model::Resource& r, std::string_view body,
                                     BodyMode mode);

/// One field's value from JSON (also used for filters, see FilterValue).
Result<ports::FieldValue> FieldFromJson(const model::Field& f, const nlohmann::json& value);

/// A ?field=text list filter; the text is read as the field's type.
Result<ports::FieldValue> FilterValue(const model::Field& f, const std::string& text);

/// {"id":…, fields in descriptor order}. Masking (W 12.1) is the caller's: it masks the record
/// for its reader first (services::MaskRecord).
nlohmann::ordered_json RecordToJson(const model::Resource& r, const ports::Record& rec);

}  // namespace hearth::adapters::json
