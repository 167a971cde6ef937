// R-CAL-1: the calendar's data format.
#include "adapters/json/calendar_json.hpp"

#include <nlohmann/json.hpp>

#include "adapters/json/json_input.hpp"

namespace hearth::embedded {
std::string_view CalendarJson();
}

namespace hearth::adapters::json {
namespace {

using nlohmann::json;

Error Bad(const std::string& path, const std::string& why) {
  return Error::InvalidArgument(path + ": " + why, path);
}

Result<rules::HolidayYear> ParseYear(const std::string& key, const json& list) {
  std::string path = "years." + key;
  if (key.size() != 4 || key.find_first_not_of("0123456789") != std::string::npos) {
    return Bad(path, "a year must be four digits");
  }
  rules::HolidayYear year{std::stoi(key), {}};
  if (year.year < 1949 || year.year > 2200) return Bad(path, "year out of range");
  if (!list.is_array()) return Bad(path, "expected an array of dates");
  for (size_t i = 0; i < list.size(); ++i) {
    const json& e = list[i];
    std::string at = path + "[" + std::to_string(i) + "]";
    if (!e.is_object()) return Bad(at, "expected an object {date, name, off}");
    for (const auto& [k, v] : e.items()) {
      if (k != "date" && k != "name" && k != "off") return Bad(at + "." + k, "unknown field");
    }
    if (!e.contains("date") || !e["date"].is_string()) {
      return Bad(at + ".date", "expected a string YYYY-MM-DD");
    }
    auto date = ParseDate(e["date"].get<std::string>());
    if (!date.ok()) return Bad(at + ".date", date.error().message);
    if (YearOf(*date) != year.year) {
      return Bad(at + ".date", e["date"].get<std::string>() + " is not in year " + key);
    }
    if (!year.entries.empty() && *date <= year.entries.back().date) {
      return Bad(at + ".date", "dates must be sorted and listed once");
    }
    if (!e.contains("name") || !e["name"].is_string() || e["name"].get<std::string>().empty()) {
      return Bad(at + ".name", "expected the holiday's name");
    }
    if (!e.contains("off") || !e["off"].is_boolean()) {
      return Bad(at + ".off", "expected true (day off) or false (make-up working day)");
    }
    year.entries.push_back({*date, e["name"].get<std::string>(), e["off"].get<bool>()});
  }
  return year;
}

}  // namespace

Result<CalendarFile> ParseCalendarJson(std::string_view text) {
  auto parsed = ParseInput(text, "the calendar file");
  if (!parsed.ok()) {  // a file, not a request: its paths are "$", "years.2024[0]", …
    return Error::InvalidArgument(parsed.error().message);
  }
  json& doc = *parsed;
  if (!doc.is_object()) return Bad("$", "expected an object with \"years\"");
  CalendarFile file;
  for (const auto& [k, v] : doc.items()) {
    if (k != "source" && k != "years") return Bad(k, "unknown field");
  }
  if (doc.contains("source")) {
    if (!doc["source"].is_string()) return Bad("source", "expected a string");
    file.source = doc["source"].get<std::string>();
  }
  if (!doc.contains("years") || !doc["years"].is_object() || doc["years"].empty()) {
    return Bad("years", "expected an object of years, e.g. {\"2027\": [...]}");
  }
  for (const auto& [key, list] : doc["years"].items()) {
    auto year = ParseYear(key, list);
    if (!year.ok()) return year.error();
    file.years.push_back(std::move(*year));
  }
  return file;
}

std::string CalendarToJson(const CalendarFile& file) {
  nlohmann::ordered_json years = nlohmann::ordered_json::object();
  for (const auto& y : file.years) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto& e : y.entries) {
      list.push_back({{"date", FormatDate(e.date)}, {"name", e.name}, {"off", e.off}});
    }
    years[std::to_string(y.year)] = std::move(list);
  }
  return nlohmann::ordered_json{{"source", file.source}, {"years", years}}.dump();
}

const CalendarFile& EmbeddedCalendarFile() {
  // Parsed once; the data is part of the build and checked by the tests, so failure is a bug.
  static const CalendarFile file = [] {
    auto parsed = ParseCalendarJson(embedded::CalendarJson());
    if (!parsed.ok()) std::abort();
    return std::move(*parsed);
  }();
  return file;
}

}  // namespace hearth::adapters::json
