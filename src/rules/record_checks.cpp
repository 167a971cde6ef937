#include "rules/record_checks.hpp"

#include <algorithm>
#include <optional>
#include <vector>

#include "core/civil_time.hpp"

namespace hearth::rules {
namespace {

Error Bad(std::string_view field, const std::string& why) {
  return Error::InvalidArgument(std::string(field) + ": " + why, std::string(field));
}

bool AllowedControl(unsigned c) { return c == '\t' || c == '\n' || c == '\r'; }

std::string Hex(unsigned c) {
  static const char* kDigits = "0123456789ABCDEF";
  return std::string("U+00") + kDigits[(c >> 4) & 0xF] + kDigits[c & 0xF];
}

Error ControlIn(std::string_view field, unsigned c) {
  return Bad(field, "contains the control character " + Hex(c) +
                        " (only tab, line feed and carriage return are allowed in text)");
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Reads "DD" at `pos` of a text ParseRfc3339 accepted (so the digits are there).
int TwoDigits(std::string_view s, size_t pos) { return (s[pos] - '0') * 10 + (s[pos + 1] - '0'); }

// The field's date, or nullopt when empty; invalid_argument naming it when it is not a date.
Result<std::optional<Date>> OptionalDate(std::string_view field, const std::string& text) {
  if (text.empty()) return std::optional<Date>();
  auto d = ParseDate(text);
  if (!d.ok()) return Bad(field, d.error().message);
  return std::optional<Date>(*d);
}

// A season shorter than a year: at most 365 days from its first to its last day.
bool WithinAYear(Date first, Date last) { return (last - first).count() < 365; }

}  // namespace

Status CheckText(std::string_view field, std::string_view text) {
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 && !AllowedControl(c)) return ControlIn(field, c);
  }
  return OkStatus();
}

Status CheckJsonText(std::string_view field, std::string_view json_text) {
  // Outside strings valid JSON has no backslash, so every escape seen is one inside a string or
  // key; raw controls are not valid JSON at all, but are refused the same way if ever met.
  for (size_t i = 0; i < json_text.size(); ++i) {
    const auto c = static_cast<unsigned char>(json_text[i]);
    if (c < 0x20 && !AllowedControl(c)) return ControlIn(field, c);
    if (c != '\\' || i + 1 >= json_text.size()) continue;
    const char e = json_text[++i];
    if (e == 'b') return ControlIn(field, 0x08);
    if (e == 'f') return ControlIn(field, 0x0C);
    if (e != 'u' || i + 4 >= json_text.size()) continue;
    int code = 0;
    for (size_t k = 1; k <= 4; ++k) {
      int h = HexValue(json_text[i + k]);
      if (h < 0) return Bad(field, "is not valid JSON");
      code = code * 16 + h;
    }
    i += 4;
    if (code < 0x20 && !AllowedControl(static_cast<unsigned>(code))) {
      return ControlIn(field, static_cast<unsigned>(code));
    }
  }
  return OkStatus();
}

Status CheckTimestamp(std::string_view field, std::string_view text) {
  if (auto t = ParseRfc3339(text); !t.ok()) return Bad(field, t.error().message);
  // ParseRfc3339 accepted it: YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM).
  const int year = TwoDigits(text, 0) * 100 + TwoDigits(text, 2);
  if (year < 2000 || year > 2200) {
    return Bad(field,
               "'" + std::string(text) + "' is not a real time (the year must be 2000–2200)");
  }
  if (TwoDigits(text, 17) == 60) {
    return Bad(field, "'" + std::string(text) + "' is not a real time (second 60)");
  }
  const char sign = text[text.size() - 6];
  if (sign == '+' || sign == '-') {
    const int minutes = TwoDigits(text, text.size() - 5) * 60 + TwoDigits(text, text.size() - 2);
    if (minutes > 14 * 60) {
      return Bad(field,
                 "'" + std::string(text) + "' is not a real time (a UTC offset is at most ±14:00)");
    }
  }
  return OkStatus();
}

// R-SEASON-1
Status CheckSeasonDates(const SeasonRecordDates& s) {
  auto official_start = OptionalDate("official_start", s.official_start);
  if (!official_start.ok()) return official_start.error();
  auto official_end = OptionalDate("official_end", s.official_end);
  if (!official_end.ok()) return official_end.error();
  auto commissioning = OptionalDate("commissioning_start", s.commissioning_start);
  if (!commissioning.ok()) return commissioning.error();
  auto early = OptionalDate("early_start", s.early_start);
  if (!early.ok()) return early.error();
  auto extension = OptionalDate("extension_end", s.extension_end);
  if (!extension.ok()) return extension.error();
  if (!*official_start) return Bad("official_start", "is required");
  if (!*official_end) return Bad("official_end", "is required");
  const Date start = **official_start, end = **official_end;

  if (YearOf(start) != s.season) {
    return Bad("official_start", s.official_start + " is not in the year the season starts (" +
                                     std::to_string(s.season) + ")");
  }
  if (end < start) {
    return Bad("official_end", s.official_end + " is before official_start " + s.official_start);
  }
  if (!WithinAYear(start, end)) {
    return Bad("official_end", "the season must last less than a year (" + s.official_start +
                                   " to " + s.official_end + ")");
  }
  if (*commissioning && **commissioning > start) {
    return Bad("commissioning_start",
               s.commissioning_start + " is after official_start " + s.official_start);
  }
  if (*early && **early > start) {
    return Bad("early_start", s.early_start + " is after official_start " + s.official_start);
  }
  Date last = end;
  if (*extension) {
    if (**extension <= end) {
      return Bad("extension_end", s.extension_end + " does not end after official_end " +
                                      s.official_end + " (leave it null for no extension)");
    }
    if (!WithinAYear(start, **extension)) {
      return Bad("extension_end", "the season must last less than a year (" + s.official_start +
                                      " to " + s.extension_end + ")");
    }
    last = **extension;
  }
  if (*commissioning && !WithinAYear(**commissioning, last)) {
    return Bad("commissioning_start", "the season must last less than a year (" +
                                          s.commissioning_start + " to " + FormatDate(last) + ")");
  }
  if (*early && !WithinAYear(**early, last)) {
    return Bad("early_start", "the season must last less than a year (" + s.early_start + " to " +
                                  FormatDate(last) + ")");
  }
  if ((*early || *extension) && s.decision_ref.empty()) {
    return Bad("decision_ref", std::string("is required with ") +
                                   (*early ? "early_start" : "extension_end") +
                                   ": the district's decision (its document number)");
  }
  return OkStatus();
}

Status CheckRelief(const RecordFields& relief) {
  auto given = [&relief](const char* name) {
    auto it = relief.find(name);
    return it != relief.end() && !std::holds_alternative<std::nullptr_t>(it->second);
  };
  const bool percent = given("percent"), amount = given("amount");
  if (percent == amount) {
    return Bad(percent ? "amount" : "percent",
               percent ? "a relief is a percentage or an amount, not both"
                       : "a relief needs a percentage or an amount");
  }
  auto day = [&relief](const char* name) {
    auto it = relief.find(name);
    const auto* text = it == relief.end() ? nullptr : std::get_if<std::string>(&it->second);
    return text ? *text : std::string();
  };
  // ISO dates order as text.
  if (!day("valid_from").empty() && !day("valid_to").empty() &&
      day("valid_to") < day("valid_from")) {
    return Bad("valid_to", "ends before valid_from");
  }
  return OkStatus();
}

Status CheckRecord(const model::Resource& resource, const RecordFields& record) {
  for (const model::Field& f : resource.fields) {
    auto it = record.find(f.name);
    if (it == record.end()) continue;
    const auto* text = std::get_if<std::string>(&it->second);
    if (text == nullptr) continue;
    Status s =
        f.type == model::FieldType::kJson ? CheckJsonText(f.name, *text) : CheckText(f.name, *text);
    if (!s.ok()) return s;
    if (f.timestamp) {
      if (auto t = CheckTimestamp(f.name, *text); !t.ok()) return t;
    }
  }
  if (resource.name == "seasons") {
    auto text = [&record](const char* name) {
      auto it = record.find(name);
      if (it == record.end()) return std::string();
      const auto* t = std::get_if<std::string>(&it->second);
      return t ? *t : std::string();
    };
    SeasonRecordDates s;
    if (auto it = record.find("season"); it != record.end()) {
      if (const auto* y = std::get_if<int64_t>(&it->second)) s.season = *y;
    }
    s.commissioning_start = text("commissioning_start");
    s.official_start = text("official_start");
    s.official_end = text("official_end");
    s.early_start = text("early_start");
    s.extension_end = text("extension_end");
    s.decision_ref = text("decision_ref");
    return CheckSeasonDates(s);
  }
  if (resource.name == "reliefs") return CheckRelief(record);
  return OkStatus();
}

}  // namespace hearth::rules
