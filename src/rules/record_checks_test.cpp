// Records that are not checked (issue 11): text, times, seasons (R-SEASON-1) and reliefs
// (R-BILL-1, W 9.3).
#include "rules/record_checks.hpp"

#include <gtest/gtest.h>

namespace hearth::rules {
namespace {

using namespace std::string_literals;  // NOLINT(google-build-using-namespace): "\0"s

const model::Resource& R(const std::string& name) { return *model::FindResource(name); }

// "" when ok, else the field the error names (and the code must be invalid_argument).
std::string Fault(const Status& s) {
  if (s.ok()) return "";
  EXPECT_EQ(s.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(s.error().message.rfind(s.error().field + ": ", 0), 0u) << s.error().message;
  return s.error().field;
}

TEST(CheckText, Table) {
  struct Case {
    std::string text;
    bool ok;
  };
  const Case cases[] = {
      {"", true},
      {"1单元101", true},
      {"line one\nline two\r\n\tindented", true},
      {"a\0b"s, false},
      {"\0"s, false},
      {"bell\a", false},
      {"escape\x1b[31m", false},
      {"\x1f", false},
      {"\x7f is DEL, not C0", true},
      {"space and ~", true},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(::testing::PrintToString(c.text));
    EXPECT_EQ(Fault(CheckText("address", c.text)), c.ok ? "" : "address");
  }
  EXPECT_NE(CheckText("proof", "a\0b"s).error().message.find("U+0000"), std::string::npos);
}

TEST(CheckJsonText, Table) {
  struct Case {
    std::string json;
    bool ok;
  };
  const Case cases[] = {
      {R"({"quality":"18 °C"})", true},
      {R"({"terms":"one\ntwo\r\n\tthree"})", true},
      {R"({"terms":"nul \u0000 here"})", false},
      {R"({"terms":"bell \u0007"})", false},
      {R"({"terms":"unit sep \u001F"})", false},
      {R"({"terms":"tab \u0009 escaped long"})", true},
      {R"({"terms":"\u0020 is a space"})", true},
      {R"({"key\u0000":"x"})", false},
      {R"({"terms":"backspace \b"})", false},
      {R"({"terms":"form feed \f"})", false},
      {R"({"terms":"a backslash then u: \\u0000 is text"})", true},
      {R"({"terms":"quote \" and slash \/"})", true},
      {R"({"n":1,"list":["a","\u0001"]})", false},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.json);
    EXPECT_EQ(Fault(CheckJsonText("contract", c.json)), c.ok ? "" : "contract");
  }
}

TEST(CheckTimestamp, Table) {
  struct Case {
    const char* text;
    bool ok;
  };
  const Case cases[] = {
      {"2025-11-20T10:00:00+08:00", true},
      {"2025-11-20T02:00:00Z", true},
      {"2025-11-20T02:00:00.123z", true},
      {"2025-11-20 10:00:00+08:00", true},
      {"2000-01-01T00:00:00+14:00", true},
      {"2200-12-31T23:59:59-12:00", true},
      {"yesterday", false},
      {"", false},
      {"2025-11-20", false},                 // a date, not a time
      {"2025-11-20T10:00:00", false},        // no offset
      {"0001-01-01T00:00:00Z", false},       // year 0001
      {"1999-12-31T23:59:59+08:00", false},  // before any season
      {"2201-01-01T00:00:00+08:00", false},
      {"2025-12-31T23:59:60+08:00", false},  // second 60
      {"2025-02-29T10:00:00+08:00", false},  // not a leap year
      {"2025-11-20T24:00:00+08:00", false},
      {"2025-11-20T10:00:00+15:00", false},  // no zone is that far
      {"2025-11-20T10:00:00-14:01", false},
      {"2025-11-20T10:00:00+08:00 ", false},  // trailing text
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(Fault(CheckTimestamp("paid_at", c.text)), c.ok ? "" : "paid_at");
  }
}

// R-SEASON-1
TEST(CheckSeasonDates, Table) {
  struct Case {
    const char* name;
    SeasonRecordDates season;
    const char* field;  // "" when valid
  };
  const SeasonRecordDates ok{2025, "2025-11-08", "2025-11-15", "2026-03-15", "", "", ""};
  auto with = [&ok](auto change) {
    SeasonRecordDates s = ok;
    change(s);
    return s;
  };
  const Case cases[] = {
      {"the profile's dates", ok, ""},
      {"every date set", with([](auto& s) {
         s.early_start = "2025-11-10";
         s.extension_end = "2026-03-31";
         s.decision_ref = "威政字〔2025〕12号";
       }),
       ""},
      {"one official day", with([](auto& s) { s.official_end = "2025-11-15"; }), ""},
      {"early start on the official start", with([](auto& s) {
         s.early_start = "2025-11-15";
         s.decision_ref = "d-1";
       }),
       ""},
      {"a decision of no early start or extension",
       with([](auto& s) { s.decision_ref = "d-1"; }), ""},
      {"early start without the district's decision",
       with([](auto& s) { s.early_start = "2025-11-10"; }), "decision_ref"},
      {"extension without the district's decision",
       with([](auto& s) { s.extension_end = "2026-03-31"; }), "decision_ref"},
      {"commissioning on the official start",
       with([](auto& s) { s.commissioning_start = "2025-11-15"; }), ""},
      {"no commissioning date", with([](auto& s) { s.commissioning_start = ""; }), ""},
      {"end before start", with([](auto& s) { s.official_end = "2025-11-14"; }), "official_end"},
      {"end a year on", with([](auto& s) { s.official_end = "2026-11-15"; }), "official_end"},
      {"start outside its season", with([](auto& s) { s.season = 2024; }), "official_start"},
      {"commissioning after start", with([](auto& s) { s.commissioning_start = "2025-11-16"; }),
       "commissioning_start"},
      {"early start after start", with([](auto& s) { s.early_start = "2025-11-16"; }),
       "early_start"},
      {"extension before the end", with([](auto& s) { s.extension_end = "2026-03-01"; }),
       "extension_end"},
      {"extension of no day", with([](auto& s) { s.extension_end = "2026-03-15"; }),
       "extension_end"},
      {"extension into the next season", with([](auto& s) { s.extension_end = "2026-11-20"; }),
       "extension_end"},
      {"commissioning a year early", with([](auto& s) {
         s.commissioning_start = "2025-01-01";
         s.official_end = "2026-01-05";
       }),
       "commissioning_start"},
      {"early start a year early", with([](auto& s) {
         s.early_start = "2025-01-01";
         s.official_end = "2026-01-05";
       }),
       "early_start"},
      {"not a date", with([](auto& s) { s.early_start = "2025-13-01"; }), "early_start"},
      {"official end missing", with([](auto& s) { s.official_end = ""; }), "official_end"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(Fault(CheckSeasonDates(c.season)), c.field);
  }
}

// CheckRecord applies the checks by descriptor: every text field of every resource, JSON fields,
// timestamps, and the seasons' dates.
TEST(CheckRecord, Table) {
  struct Case {
    const char* name;
    const char* resource;
    RecordFields record;
    const char* field;
  };
  const RecordFields season{{"district_id", int64_t{1}},      {"season", int64_t{2025}},
                            {"official_start", "2025-11-15"}, {"official_end", "2026-03-15"},
                            {"early_start", nullptr},         {"extension_end", nullptr}};
  auto season_with = [&season](const std::string& field, RecordValue v) {
    RecordFields s = season;
    s[field] = std::move(v);
    return s;
  };
  const RecordFields relief{{"company_id", int64_t{1}},   {"name", "低保户减免"},
                            {"reference", "威政办发〔2026〕12号"}, {"applies_to", "minimum-living"},
                            {"percent", int64_t{1000}},    {"amount", nullptr},
                            {"valid_from", "2025-11-15"},  {"valid_to", "2026-03-15"}};
  auto relief_with = [&relief](const RecordFields& changes) {
    RecordFields r = relief;
    for (const auto& [k, v] : changes) r[k] = v;
    return r;
  };
  const Case cases[] = {
      {"a valid season", "seasons", season, ""},
      {"a season ending before it starts", "seasons", season_with("official_end", "2025-10-01"),
       "official_end"},
      {"an extension ending before the end", "seasons", season_with("extension_end", "2026-03-01"),
       "extension_end"},
      {"a valid payment",
       "payments",
       {{"household_id", int64_t{1}},
        {"amount", int64_t{8550}},
        {"paid_at", "2025-11-20T10:00:00+08:00"},
        {"method", "cash"}},
       ""},
      {"paid yesterday",
       "payments",
       {{"household_id", int64_t{1}}, {"paid_at", "yesterday"}, {"method", "cash"}},
       "paid_at"},
      {"a reminder sent in year 1",
       "reminders",
       {{"sent_at", "0001-01-01T00:00:00Z"}, {"proof", "photo"}},
       "sent_at"},
      {"a reminder's proof with a NUL",
       "reminders",
       {{"sent_at", "2025-11-20T10:00:00+08:00"}, {"proof", "photo\0"s}},
       "proof"},
      {"a district name with a NUL", "districts", {{"code", "d1"}, {"name", "环翠\0区"s}}, "name"},
      {"a household code with an escape", "households", {{"code", "H\x1b"}}, "code"},
      {"a contract with a NUL",
       "households",
       {{"code", "H-1"}, {"contract", R"({"quality":"\u0000"})"}},
       "contract"},
      {"null and absent fields are not checked",
       "households",
       {{"code", "H-1"}, {"address", nullptr}},
       ""},
      {"a building's address with a tab", "buildings", {{"address", "路\t1号"}}, ""},
      {"a relief of 10 %", "reliefs", relief, ""},
      {"a relief of 200 yuan", "reliefs", relief_with({{"percent", nullptr}, {"amount", int64_t{20000}}}),
       ""},
      {"a relief of both", "reliefs", relief_with({{"amount", int64_t{20000}}}), "amount"},
      {"a relief of neither", "reliefs", relief_with({{"percent", nullptr}}), "percent"},
      {"a relief ending before it starts", "reliefs", relief_with({{"valid_to", "2025-11-14"}}),
       "valid_to"},
      {"a relief of one day", "reliefs", relief_with({{"valid_to", "2025-11-15"}}), ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(Fault(CheckRecord(R(c.resource), c.record)), c.field);
  }
}

// Every text field of every resource refuses a NUL: the check follows the descriptors, so a new
// text field is covered without a new case.
TEST(CheckRecord, EveryTextFieldRefusesNul) {
  for (const auto& r : model::Resources()) {
    for (const auto& f : r.fields) {
      if (f.type != model::FieldType::kText) continue;
      SCOPED_TRACE(r.name + "." + f.name);
      EXPECT_EQ(Fault(CheckRecord(r, {{f.name, "x\0y"s}})), f.name);
    }
  }
}

}  // namespace
}  // namespace hearth::rules
