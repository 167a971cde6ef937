#include "adapters/json/readings_json.hpp"

#include <simdjson.h>

#include <string>

namespace hearth::adapters::json {
namespace {

namespace od = simdjson::ondemand;

Error Bad(const std::string& message) { return Error::InvalidArgument(message, "body"); }

// "line L, column C" of byte `offset` in `body` (1-based; columns count bytes).
std::string Where(std::string_view body, size_t offset) {
  if (offset > body.size()) offset = body.size();
  int line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < offset; ++i) {
    if (body[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(offset - line_start + 1);
}

// The parser and a padded copy of the body, reused by each thread: no allocation per request
// once they have grown to the largest body seen.
struct Scratch {
  od::parser parser;
  std::string padded;
};

class Decoder {
 public:
  Decoder(std::string_view body, Scratch& scratch) : body_(body), scratch_(scratch) {}

  Result<std::vector<ports::IncomingReading>> Run() {
    scratch_.padded.assign(body_);
    scratch_.padded.resize(body_.size() + simdjson::SIMDJSON_PADDING, ' ');
    od::document doc;
    auto err = scratch_.parser
                   .iterate(simdjson::padded_string_view(scratch_.padded.data(), body_.size(),
                                                         scratch_.padded.size()))
                   .get(doc);
    if (err) return Syntax(nullptr, err);
    od::array array;
    if ((err = doc.get_array().get(array))) {
      if (err == simdjson::INCORRECT_TYPE || err == simdjson::SCALAR_DOCUMENT_AS_VALUE) {
        return Bad("the body must be a JSON array of readings");
      }
      return Syntax(&doc, err);
    }
    std::vector<ports::IncomingReading> out;
    size_t index = 0;
    for (auto element : array) {
      od::value value;
      if ((err = element.get(value))) return Syntax(&doc, err);
      auto reading = Element(doc, value, index);
      if (!reading.ok()) return reading.error();
      out.push_back(std::move(*reading));
      ++index;
    }
    // Anything after the array (current_location is out of bounds only at the end).
    if (const char* rest = nullptr; !doc.current_location().get(rest) && rest != nullptr) {
      return Syntax(&doc, simdjson::TRAILING_CONTENT);
    }
    return out;
  }

 private:
  Result<ports::IncomingReading> Element(od::document& doc, od::value& value, size_t index) {
    auto at = [index] { return "element " + std::to_string(index); };  // only on errors
    od::json_type element_type;
    auto err = value.type().get(element_type);  // fails on what is no value at all: `[1,]`
    if (err) return Syntax(&doc, err);
    if (element_type != od::json_type::object) return Bad(at() + ": expected an object");
    od::object object;
    if ((err = value.get_object().get(object))) return Syntax(&doc, err);
    ports::IncomingReading r;
    bool seen[3] = {false, false, false};
    for (auto field : object) {
      std::string_view key;
      if ((err = field.unescaped_key().get(key))) return Syntax(&doc, err);
      int which = key == "sensor" ? 0 : key == "ts" ? 1 : key == "value" ? 2 : -1;
      if (which < 0) {
        return Bad(at() + ": unknown field \"" + std::string(key) +
                   "\"; expected sensor, ts, value");
      }
      if (seen[which]) return Bad(at() + ": field \"" + std::string(key) + "\" appears twice");
      seen[which] = true;
      od::value v;
      if ((err = field.value().get(v))) return Syntax(&doc, err);
      od::json_type type;
      if ((err = v.type().get(type))) return Syntax(&doc, err);
      if (which < 2) {
        if (type != od::json_type::string) {
          return Bad(at() + ": \"" + std::string(key) + "\" must be a string");
        }
        std::string_view text;
        if ((err = v.get_string().get(text))) return Syntax(&doc, err);
        (which == 0 ? r.sensor : r.ts).assign(text);
      } else {
        if (type != od::json_type::number) return Bad(at() + ": \"value\" must be a number");
        std::string_view raw = v.raw_json_token();
        while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\t' || raw.back() == '\n' ||
                                raw.back() == '\r')) {
          raw.remove_suffix(1);
        }
        if (!IsJsonNumber(raw)) {
          return Bad(at() + ": '" + std::string(raw) + "' is not a JSON number");
        }
        r.value.assign(raw);
      }
    }
    static constexpr const char* kNames[] = {"sensor", "ts", "value"};
    for (int i = 0; i < 3; ++i) {
      if (!seen[i]) return Bad(at() + ": missing field \"" + kNames[i] + "\"");
    }
    return r;
  }

  Error Syntax(od::document* doc, simdjson::error_code err) {
    size_t offset = body_.size();
    const char* location = nullptr;
    if (doc != nullptr && !doc->current_location().get(location) && location != nullptr) {
      offset = static_cast<size_t>(location - scratch_.padded.data());
    }
    if (body_.find_first_not_of(" \t\r\n") == std::string_view::npos) {
      return Bad("the body is empty; expected a JSON array of readings");
    }
    return Bad(Where(body_, offset) + ": malformed JSON (" + simdjson::error_message(err) + ")");
  }

  std::string_view body_;
  Scratch& scratch_;
};

bool Digits(std::string_view s, size_t& i) {
  size_t start = i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  return i > start;
}

}  // namespace

bool IsJsonNumber(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && s[i] == '-') ++i;
  if (i < s.size() && s[i] == '0') {
    ++i;
  } else if (!Digits(s, i)) {
    return false;
  }
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (!Digits(s, i)) return false;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (!Digits(s, i)) return false;
  }
  return i == s.size();
}

Result<std::vector<ports::IncomingReading>> DecodeReadingsJson(std::string_view body) {
  thread_local Scratch scratch;
  return Decoder(body, scratch).Run();
}

}  // namespace hearth::adapters::json
