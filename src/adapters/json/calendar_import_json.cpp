#include "adapters/json/calendar_import_json.hpp"

#include <nlohmann/json.hpp>

#include "adapters/json/json_input.hpp"

namespace hearth::adapters::json {
namespace {

using json = nlohmann::ordered_json;

class Reader {
 public:
  explicit Reader(ports::DecodedCalendar& out) : out_(out) {}

  void Problem(std::string path, std::string message) {
    out_.problems.push_back({std::move(path), std::move(message)});
  }

  void Year(const std::string& key, const json& list) {
    const std::string path = "years." + key;
    if (key.size() != 4 || key.find_first_not_of("0123456789") != std::string::npos) {
      return Problem(path, "a year must be four digits");
    }
    rules::HolidayYear year{std::stoi(key), {}};
    if (year.year < 1949 || year.year > 2200) return Problem(path, "year out of range 1949-2200");
    if (!list.is_array()) return Problem(path, "expected an array of dates");
    if (list.empty()) return Problem(path, "expected the year's holidays, got none");
    std::optional<Date> last;  // the last readable date, for the order check
    bool any_holiday = false;
    for (size_t i = 0; i < list.size(); ++i) {
      const json& e = list[i];
      const std::string at = path + "[" + std::to_string(i) + "]";
      if (!e.is_object()) {
        Problem(at, "expected an object {date, name, off}");
        continue;
      }
      for (const auto& [k, v] : e.items()) {
        if (k != "date" && k != "name" && k != "off") Problem(at + "." + k, "unknown field");
      }
      rules::HolidayEntry entry;
      bool ok = true;
      std::optional<Date> date;
      if (!e.contains("date") || !e["date"].is_string()) {
        Problem(at + ".date", "expected a string YYYY-MM-DD");
      } else if (auto d = ParseDate(e["date"].get<std::string>()); !d.ok()) {
        Problem(at + ".date", d.error().message);
      } else {
        date = *d;
      }
      if (date) {
        const std::string text = FormatDate(*date);
        if (YearOf(*date) != year.year) {
          Problem(at + ".date", text + " is not in year " + key);
          date.reset();
        } else if (last && *date <= *last) {
          Problem(at + ".date", *date == *last ? text + " is listed twice"
                                               : text + " comes after " + FormatDate(*last) +
                                                     ": dates must be sorted");
        }
        if (date) last = std::max(*date, last.value_or(*date));
      }
      if (!date) ok = false;
      if (!e.contains("name") || !e["name"].is_string() || e["name"].get<std::string>().empty()) {
        Problem(at + ".name", "expected the holiday's name");
        ok = false;
      }
      if (!e.contains("off") || !e["off"].is_boolean()) {
        Problem(at + ".off", "expected true (day off) or false (make-up working day)");
        ok = false;
      }
      if (e.contains("off") && e["off"].is_boolean() && e["off"].get<bool>()) any_holiday = true;
      if (ok) {
        year.entries.push_back({*date, e["name"].get<std::string>(), e["off"].get<bool>()});
      }
    }
    if (!any_holiday) Problem(path, "the year lists no holiday (off: true)");
    out_.file.years.push_back(std::move(year));
  }

 private:
  ports::DecodedCalendar& out_;
};

}  // namespace

ports::DecodedCalendar DecodeCalendarImport(std::string_view text) {
  ports::DecodedCalendar out;
  Reader reader(out);
  auto parsed = ParseOrderedInput(text, "the file");
  if (!parsed.ok()) {
    reader.Problem("$", parsed.error().message);
    return out;
  }
  json& doc = *parsed;
  if (!doc.is_object()) {
    reader.Problem("$", "expected an object with \"years\"");
    return out;
  }
  bool years = false;
  for (const auto& [k, v] : doc.items()) {  // in the document's order
    if (k == "source") {
      if (v.is_string()) {
        out.file.source = v.get<std::string>();
      } else {
        reader.Problem("source", "expected a string");
      }
    } else if (k == "years" && v.is_object() && !v.empty()) {
      years = true;
      for (const auto& [key, list] : v.items()) reader.Year(key, list);
    } else if (k != "years") {
      reader.Problem(k, "unknown field");
    }
  }
  if (!years) reader.Problem("years", "expected an object of years, e.g. {\"2027\": [...]}");
  return out;
}

}  // namespace hearth::adapters::json
