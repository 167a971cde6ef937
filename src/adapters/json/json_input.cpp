#include "adapters/json/json_input.hpp"

#include <set>
#include <string>
#include <vector>

namespace hearth::adapters::json {
namespace {

// Parses with a callback that keeps one key set per open object. The callback sees events in
// document order, so the innermost open object is always the back of the stack.
template <typename J>
Result<J> Parse(std::string_view text, std::string_view what) {
  if (ExceedsDepth(text)) return TooDeep(what);
  std::vector<std::set<std::string>> open;  // bounded by kMaxJsonDepth
  std::string repeated;
  typename J::parser_callback_t callback = [&](int, nlohmann::detail::parse_event_t event,
                                               J& parsed) {
    using E = nlohmann::detail::parse_event_t;
    switch (event) {
      case E::object_start: open.emplace_back(); break;
      case E::object_end:
        if (!open.empty()) open.pop_back();
        break;
      case E::key:
        if (!open.empty() && !open.back().insert(parsed.template get<std::string>()).second &&
            repeated.empty()) {
          repeated = parsed.template get<std::string>();
        }
        break;
      default: break;
    }
    return true;
  };
  J doc;
  try {
    doc = J::parse(text, callback, /*allow_exceptions=*/true);
  } catch (const nlohmann::json::parse_error& e) {
    return Error::InvalidArgument(std::string(what) + " is not valid JSON (at byte " +
                                      std::to_string(e.byte) + ")",
                                  "body");
  } catch (const nlohmann::json::out_of_range&) {  // 406: a number beyond a double, "1e999"
    return Error::InvalidArgument(std::string(what) + " has a number out of range", "body");
  }
  if (!repeated.empty()) {
    std::string shown = repeated.size() > 40 ? repeated.substr(0, 40) + "…" : repeated;
    return Error::InvalidArgument(std::string(what) + " names the key '" + shown +
                                      "' twice in one object",
                                  shown);
  }
  return doc;
}

}  // namespace

bool ExceedsDepth(std::string_view text, int max_depth) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;  // the escaped character, whatever it is
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) return true;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return false;
}

Error TooDeep(std::string_view what, int max_depth) {
  return Error::InvalidArgument(
      std::string(what) + " nests deeper than " + std::to_string(max_depth) + " levels", "body");
}

Result<nlohmann::json> ParseInput(std::string_view text, std::string_view what) {
  return Parse<nlohmann::json>(text, what);
}

Result<nlohmann::ordered_json> ParseOrderedInput(std::string_view text, std::string_view what) {
  return Parse<nlohmann::ordered_json>(text, what);
}

}  // namespace hearth::adapters::json
