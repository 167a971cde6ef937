#include "adapters/json/record_json.hpp"

#include <algorithm>
#include <charconv>

#include "adapters/json/json_input.hpp"
#include "core/civil_time.hpp"
#include "core/decimal.hpp"

namespace hearth::adapters::json {
namespace {

using model::Field;
using model::FieldType;
using nlohmann::json;

Error Bad(const Field& f, const std::string& why) {
  return Error::InvalidArgument(f.name + ": " + why, f.name);
}

std::string Kind(const json& v) {
  if (v.is_null()) return "null";
  if (v.is_boolean()) return "a boolean";
  if (v.is_number()) return "a number";
  if (v.is_string()) return "a string";
  if (v.is_array()) return "an array";
  return "an object";
}

Result<ports::FieldValue> Ranged(const Field& f, int64_t v, const std::string& shown) {
  if ((f.min && v < *f.min) || (f.max && v > *f.max)) {
    return Bad(f, shown + " is out of range");
  }
  return ports::FieldValue{v};
}

// A decimal with at most `scale` places, from a JSON number's text or a string.
Result<ports::FieldValue> Scaled(const Field& f, const json& v, int scale) {
  std::string text;
  if (v.is_number()) {
    text = v.dump();  // shortest round-trip text: 85.55 stays "85.55"
  } else if (v.is_string()) {
    text = v.get<std::string>();
  } else {
    return Bad(f, "expected a number, got " + Kind(v));
  }
  auto d = ParseDecimal(text);
  if (!d.ok()) return Bad(f, d.error().message);
  if (d->scale > scale) {
    return Bad(f, text + " has more than " + std::to_string(scale) + " decimal places");
  }
  return Ranged(f, Rescale(*d, scale), text);
}

}  // namespace

Result<ports::FieldValue> FieldFromJson(const Field& f, const json& v) {
  if (v.is_null()) {
    if (f.required) return Bad(f, "is required and cannot be null");
    return ports::FieldValue{nullptr};
  }
  switch (f.type) {
    case FieldType::kInt:
    case FieldType::kRef: {
      if (!v.is_number_integer()) return Bad(f, "expected an integer, got " + Kind(v));
      if (v.is_number_unsigned() && v.get<uint64_t>() > INT64_MAX) return Bad(f, "too large");
      int64_t n = v.get<int64_t>();
      if (f.type == FieldType::kRef && n <= 0) return Bad(f, "expected the id of a " + f.ref);
      return Ranged(f, n, std::to_string(n));
    }
    case FieldType::kBool:
      if (!v.is_boolean()) return Bad(f, "expected true or false, got " + Kind(v));
      return ports::FieldValue{int64_t{v.get<bool>() ? 1 : 0}};
    case FieldType::kCenti: return Scaled(f, v, 2);
    case FieldType::kTenths: return Scaled(f, v, 1);
    case FieldType::kJson:
      if (!v.is_object()) return Bad(f, "expected an object, got " + Kind(v));
      return ports::FieldValue{v.dump()};
    default: break;
  }
  if (!v.is_string()) return Bad(f, "expected a string, got " + Kind(v));
  std::string s = v.get<std::string>();
  switch (f.type) {
    case FieldType::kDate:
      if (auto d = ParseDate(s); !d.ok()) return Bad(f, d.error().message);
      break;
    case FieldType::kMonthDay:
      if (s.size() != 5 || !ParseDate("2001-" + s).ok()) return Bad(f, "expected MM-DD");
      break;
    case FieldType::kEnum:
      if (std::find(f.values.begin(), f.values.end(), s) == f.values.end()) {
        std::string list;
        for (const auto& e : f.values) list += (list.empty() ? "" : ", ") + e;
        return Bad(f, "'" + s + "' is not one of " + list);
      }
      break;
    default:
      if (f.required && s.empty()) return Bad(f, "must not be empty");
      if (s.size() > 4000) return Bad(f, "is longer than 4000 bytes");
  }
  return ports::FieldValue{std::move(s)};
}

Result<ports::Fields> FieldsFromJson(const model::Resource& r, std::string_view body,
                                     BodyMode mode) {
  auto parsed = ParseInput(body);
  if (!parsed.ok()) return parsed.error();
  json& doc = *parsed;
  if (!doc.is_object()) {
    return Error::InvalidArgument("the body must be a JSON object", "body");
  }
  ports::Fields out;
  for (const auto& [key, value] : doc.items()) {
    const Field* f = r.Find(key);
    if (f == nullptr) {
      if (key == "id") return Error::InvalidArgument("id is assigned by the server", "id");
      return Error::InvalidArgument("unknown field '" + key + "' of " + r.singular, key);
    }
    if (mode == BodyMode::kUpdate && f->immutable) {
      return Bad(*f, "cannot be changed once set");
    }
    auto v = FieldFromJson(*f, value);
    if (!v.ok()) return v.error();
    out[key] = std::move(*v);
  }
  if (mode == BodyMode::kCreate) {
    for (const auto& f : r.fields) {
      if (f.required && !out.count(f.name)) return Bad(f, "is required");
    }
  }
  return out;
}

Result<ports::FieldValue> FilterValue(const Field& f, const std::string& text) {
  switch (f.type) {
    case FieldType::kInt:
    case FieldType::kRef: {
      // The whole text must be the integer: "-", "1-2" and "" are refused (issue 12, finding 9).
      int64_t n = 0;
      const char* end = text.data() + text.size();
      auto [at, ec] = std::from_chars(text.data(), end, n);
      if (text.empty() || ec != std::errc() || at != end || text.size() > 19) {
        return Bad(f, "expected an integer, got '" + text + "'");
      }
      return FieldFromJson(f, json(n));
    }
    case FieldType::kBool:
      if (text != "true" && text != "false") return Bad(f, "expected true or false");
      return ports::FieldValue{int64_t{text == "true"}};
    default: return FieldFromJson(f, json(text));
  }
}

nlohmann::ordered_json RecordToJson(const model::Resource& r, const ports::Record& rec) {
  nlohmann::ordered_json j;
  j["id"] = rec.id;
  for (const auto& f : r.fields) {
    auto it = rec.fields.find(f.name);
    if (it == rec.fields.end() || std::holds_alternative<std::nullptr_t>(it->second)) {
      j[f.name] = nullptr;
      continue;
    }
    const auto& v = it->second;
    switch (f.type) {
      case FieldType::kBool: j[f.name] = std::get<int64_t>(v) != 0; break;
      case FieldType::kCenti:
        j[f.name] = nlohmann::ordered_json::parse(FormatFen(std::get<int64_t>(v)));
        break;
      case FieldType::kTenths:
        j[f.name] = nlohmann::ordered_json::parse(FormatTenths(std::get<int64_t>(v)));
        break;
      case FieldType::kJson:
        j[f.name] = nlohmann::ordered_json::parse(std::get<std::string>(v), nullptr, false);
        break;
      case FieldType::kInt:
      case FieldType::kRef: j[f.name] = std::get<int64_t>(v); break;
      default: j[f.name] = std::get<std::string>(v);
    }
  }
  return j;
}

}  // namespace hearth::adapters::json
