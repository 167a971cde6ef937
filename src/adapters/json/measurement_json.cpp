#include "adapters/json/measurement_json.hpp"

#include "adapters/json/json_input.hpp"
#include "core/decimal.hpp"

namespace hearth::adapters::json {
namespace {

using nlohmann::json;

Error Bad(const std::string& field, const std::string& why) {
  return Error::InvalidArgument(field + ": " + why, field);
}

// A JSON number (or decimal text) as exact thousandths of a degree.
Result<rules::Milli> MilliOf(const json& v, const std::string& field) {
  if (!v.is_number() && !v.is_string()) return Bad(field, "must be a number (°C)");
  const std::string text = v.is_string() ? v.get<std::string>() : v.dump();
  auto d = ParseDecimal(text);
  if (!d.ok()) return Bad(field, "'" + text + "' is not a decimal number");
  if (d->scale > 3) return Bad(field, "at most 3 decimals");
  return Rescale(*d, 3);
}

// An optional text field: `fallback` when absent; invalid_argument when it is not text (a
// json::value() call would throw on another type).
Result<std::string> TextOr(const json& body, const std::string& key, const std::string& fallback) {
  if (!body.contains(key)) return fallback;
  if (!body[key].is_string()) return Bad(key, "must be text");
  return body[key].get<std::string>();
}

Result<bool> BoolOf(const json& body, const std::string& key) {
  if (!body.contains(key)) return false;
  if (!body[key].is_boolean()) return Bad(key, "must be true or false");
  return body[key].get<bool>();
}

}  // namespace

Result<MeasurementInput> ParseMeasurementJson(std::string_view body) {
  auto parsed = ParseInput(body);
  if (!parsed.ok()) return parsed.error();
  json& j = *parsed;
  if (!j.is_object()) {
    return Error::InvalidArgument("the body must be a JSON object describing the measurement",
                                  "body");
  }
  static const char* const kKeys[] = {"household_id",        "room",
                                      "instrument",          "resolution",
                                      "system_running",      "environment",
                                      "closed_minutes",      "readings",
                                      "radiators_uncovered", "shielded",
                                      "at_room_centre",      "height_cm",
                                      "cold_outer_wall",     "inspector_still",
                                      "signature",           "third_party",
                                      "signature_record"};
  for (const auto& [key, value] : j.items()) {
    bool known = false;
    for (const char* k : kKeys) known = known || key == k;
    if (!known) return Bad(key, "unknown key");
  }
  MeasurementInput in;
  rules::ManualMeasurement& m = in.measurement;
  if (!j.contains("household_id") || !j["household_id"].is_number_unsigned() ||
      j["household_id"].get<uint64_t>() == 0 || j["household_id"].get<uint64_t>() > (1ULL << 62)) {
    return Bad("household_id", "must be a household's id");
  }
  in.household_id = static_cast<int64_t>(j["household_id"].get<uint64_t>());
  if (!j.contains("room") || !j["room"].is_string() || j["room"].get<std::string>().empty()) {
    return Bad("room", "must be the name of one of the household's rooms");
  }
  in.room = j["room"].get<std::string>();
  auto instrument_text = TextOr(j, "instrument", "");
  if (!instrument_text.ok()) return instrument_text.error();
  const std::string& instrument = *instrument_text;
  if (instrument == "glass-thermometer") {
    m.instrument = rules::Instrument::kGlassThermometer;
  } else if (instrument == "digital-thermometer") {
    m.instrument = rules::Instrument::kDigitalThermometer;
  } else if (instrument == "infrared-gun") {
    m.instrument = rules::Instrument::kInfraredGun;
  } else {
    return Bad("instrument", "must be glass-thermometer, digital-thermometer or infrared-gun");
  }
  if (!j.contains("resolution")) return Bad("resolution", "required (°C, e.g. 0.1)");
  auto resolution = MilliOf(j["resolution"], "resolution");
  if (!resolution.ok()) return resolution.error();
  m.resolution = *resolution;
  for (auto [key, flag] :
       {std::pair{"system_running", &m.system_running},
        std::pair{"radiators_uncovered", &m.radiators_uncovered},
        std::pair{"shielded", &m.shielded}, std::pair{"at_room_centre", &m.at_room_centre},
        std::pair{"cold_outer_wall", &m.cold_outer_wall},
        std::pair{"inspector_still", &m.inspector_still},
        std::pair{"third_party", &m.third_party}}) {
    auto b = BoolOf(j, key);
    if (!b.ok()) return b.error();
    *flag = *b;
  }
  if (j.contains("environment")) {
    if (!j["environment"].is_string()) return Bad("environment", "must be text");
    m.environment = j["environment"].get<std::string>();
  }
  for (auto [key, target] :
       {std::pair{"closed_minutes", &m.closed_minutes}, std::pair{"height_cm", &m.height_cm}}) {
    if (!j.contains(key)) continue;
    if (!j[key].is_number_integer() || j[key].get<int64_t>() < 0 ||
        j[key].get<int64_t>() > 100000) {
      return Bad(key, "must be a whole number");
    }
    *target = static_cast<int>(j[key].get<int64_t>());
  }
  auto signature_text = TextOr(j, "signature", "pending");
  if (!signature_text.ok()) return signature_text.error();
  const std::string& signature = *signature_text;
  if (signature == "signed") {
    m.signature = rules::Signature::kSigned;
  } else if (signature == "pending") {
    m.signature = rules::Signature::kPending;
  } else if (signature == "refused") {
    m.signature = rules::Signature::kRefused;
  } else {
    return Bad("signature", "must be signed, pending or refused");
  }
  if (!j.contains("readings") || !j["readings"].is_array() || j["readings"].empty() ||
      j["readings"].size() > 20) {
    return Bad("readings", "must be an array of 1–20 {\"at\",\"value\",\"point\"}");
  }
  for (size_t i = 0; i < j["readings"].size(); ++i) {
    const json& r = j["readings"][i];
    const std::string at = "readings[" + std::to_string(i) + "]";
    if (!r.is_object()) return Bad(at, "must be an object");
    for (const auto& [key, value] : r.items()) {
      if (key != "at" && key != "value" && key != "point")
        return Bad(at + "." + key, "unknown key");
    }
    rules::ManualReading reading;
    if (!r.contains("at") || !r["at"].is_string())
      return Bad(at + ".at", "must be an RFC 3339 time");
    auto t = ParseEvidenceTime(r["at"].get<std::string>());
    if (!t.ok()) return Bad(at + ".at", t.error().message);
    reading.at = *t;
    if (!r.contains("value")) return Bad(at + ".value", "required (°C)");
    auto v = MilliOf(r["value"], at + ".value");
    if (!v.ok()) return v.error();
    reading.value = *v;
    if (r.contains("point") && !r["point"].is_string()) return Bad(at + ".point", "must be text");
    const std::string point = r.contains("point") ? r["point"].get<std::string>() : "";
    if (point == "upper") {
      reading.point = rules::WallPoint::kUpper;
    } else if (point == "middle") {
      reading.point = rules::WallPoint::kMiddle;
    } else if (point == "lower") {
      reading.point = rules::WallPoint::kLower;
    } else if (!point.empty()) {
      return Bad(at + ".point", "must be upper, middle or lower");
    }
    m.readings.push_back(reading);
  }
  in.payload_json = j.dump();
  if (j.contains("signature_record")) {
    const auto& r = j["signature_record"];
    if (!r.is_object()) {
      return Bad("signature_record", "must be {\"by\", \"at\", \"via\": \"device\"}");
    }
    ports::SignatureRecord rec;
    for (const auto& [key, value] : r.items()) {
      if (key != "by" && key != "at" && key != "via") {
        return Bad("signature_record." + key, "unknown key");
      }
      if (!value.is_string()) return Bad("signature_record." + key, "must be text");
    }
    rec.by = r.value("by", "");
    rec.via = r.value("via", "");
    if (rec.by.empty()) return Bad("signature_record.by", "required: who signed, as on the device");
    if (!r.contains("at")) return Bad("signature_record.at", "required (RFC 3339)");
    auto at = ParseEvidenceTime(r["at"].get<std::string>());
    if (!at.ok()) return Bad("signature_record.at", at.error().message);
    rec.at = *at;
    in.signature_record = std::move(rec);
  }
  return in;
}

nlohmann::ordered_json ViolationsToJson(const std::vector<rules::Violation>& violations) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const rules::Violation& v : violations) {
    out.push_back(
        {{"rule", "R-TEMP-4"}, {"check", rules::ManualCheckName(v.check)}, {"message", v.Text()}});
  }
  return out;
}

nlohmann::ordered_json MeasurementToJson(const ports::Measurement& m) {
  const bool evidence = m.valid && !m.overridden && (m.third_party || m.signature == "signed");
  nlohmann::ordered_json out{
      {"id", m.id},
      {"household_id", m.household_id},
      {"room", m.room},
      {"taken_at", FormatLocal(m.taken_at)},
      {"instrument", m.instrument},
      {"value", m.value ? nlohmann::ordered_json(*m.value / 10.0) : nlohmann::ordered_json()},
      {"valid", m.valid},
      {"violations", nlohmann::ordered_json::parse(m.violations_json, nullptr, false)},
      {"signature", m.signature},
      {"third_party", m.third_party},
      {"overridden", m.overridden},
      {"signed",
       m.signed_record ? nlohmann::ordered_json{{"by", m.signed_record->by},
                                                {"at", FormatLocal(m.signed_record->at)},
                                                {"via", m.signed_record->via}}
                       : nlohmann::ordered_json()},
      {"evidence", evidence},
      {"created_by", m.created_by},
      {"created_at", m.created_at},
      {"measurement", nlohmann::ordered_json::parse(m.payload_json, nullptr, false)}};
  return out;
}

}  // namespace hearth::adapters::json
