// R-CAL-1: the holiday-calendar file format (data/calendar/README.md): the embedded calendar, the
// errors of bad files with their JSON paths, and the round trip through CalendarToJson.
#include "adapters/json/calendar_json.hpp"

#include <gtest/gtest.h>

#include <iterator>
#include <string>

namespace hearth::adapters::json {
namespace {

::testing::AssertionResult Contains(const std::string& text, const std::string& part) {
  if (text.find(part) != std::string::npos) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "'" << text << "' does not contain '" << part << "'";
}

Date D(int y, unsigned m, unsigned d) { return *MakeDate(y, m, d); }

const rules::HolidayEntry* Find(const CalendarFile& file, Date date) {
  for (const auto& y : file.years) {
    for (const auto& e : y.entries) {
      if (e.date == date) return &e;
    }
  }
  return nullptr;
}

void ExpectSameFile(const CalendarFile& a, const CalendarFile& b) {
  EXPECT_EQ(a.source, b.source);
  ASSERT_EQ(a.years.size(), b.years.size());
  for (size_t i = 0; i < a.years.size(); ++i) {
    SCOPED_TRACE("year " + std::to_string(a.years[i].year));
    EXPECT_EQ(a.years[i].year, b.years[i].year);
    ASSERT_EQ(a.years[i].entries.size(), b.years[i].entries.size());
    for (size_t j = 0; j < a.years[i].entries.size(); ++j) {
      const auto& x = a.years[i].entries[j];
      const auto& y = b.years[i].entries[j];
      SCOPED_TRACE(FormatDate(x.date));
      EXPECT_EQ(x.date, y.date);
      EXPECT_EQ(x.name, y.name);
      EXPECT_EQ(x.off, y.off);
    }
  }
}

TEST(CalendarJsonTest, EmbeddedCalendarHoldsTheYears2019To2026) {
  const CalendarFile& file = EmbeddedCalendarFile();
  EXPECT_TRUE(Contains(file.source, "NateScarlet/holiday-cn"));
  const struct {
    int year;
    size_t entries;
    size_t make_up_days;  // off == false
    std::string first, last;
  } kYears[] = {
      {2019, 28, 6, "2019-01-01", "2019-10-12"}, {2020, 37, 7, "2020-01-01", "2020-10-10"},
      {2021, 38, 7, "2021-01-01", "2021-10-09"}, {2022, 39, 7, "2022-01-01", "2022-12-31"},
      {2023, 33, 7, "2023-01-01", "2023-10-08"}, {2024, 36, 8, "2024-01-01", "2024-10-12"},
      {2025, 33, 5, "2025-01-01", "2025-10-11"}, {2026, 39, 6, "2026-01-01", "2026-10-10"},
  };
  ASSERT_EQ(file.years.size(), std::size(kYears));
  for (size_t i = 0; i < file.years.size(); ++i) {
    const auto& want = kYears[i];
    const auto& got = file.years[i];
    SCOPED_TRACE(want.year);
    EXPECT_EQ(got.year, want.year);
    ASSERT_EQ(got.entries.size(), want.entries);
    size_t make_up = 0;
    for (const auto& e : got.entries) {
      if (!e.off) ++make_up;
      EXPECT_EQ(YearOf(e.date), want.year);
      EXPECT_FALSE(e.name.empty());
    }
    EXPECT_EQ(make_up, want.make_up_days);
    EXPECT_EQ(FormatDate(got.entries.front().date), want.first);
    EXPECT_EQ(FormatDate(got.entries.back().date), want.last);
  }
}

TEST(CalendarJsonTest, EmbeddedCalendarEntries) {
  const CalendarFile& file = EmbeddedCalendarFile();
  const struct {
    Date date;
    bool listed;
    std::string name;
    bool off;
  } kCases[] = {
      {D(2024, 10, 12), true, "国庆节", false},  // make-up Saturday
      {D(2020, 2, 1), true, "春节", true},       // make-up Saturday cancelled by the 2020 extension
      {D(2020, 2, 3), true, "春节", false},      // "work resumes Feb 3"
      {D(2026, 2, 14), true, "春节", false},     // make-up Saturday
      {D(2022, 12, 31), true, "元旦", true},     // 2023 New Year, listed under 2022
      {D(2019, 1, 1), true, "元旦", true},       // the first entry
      {D(2024, 10, 1), true, "国庆节", true},    // National Day
      {D(2024, 10, 8), false, "", false},        // an ordinary Tuesday
      {D(2018, 12, 29), false, "", false},       // in the 2019 notice, outside 2019-2026
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(FormatDate(c.date));
    const rules::HolidayEntry* e = Find(file, c.date);
    ASSERT_EQ(e != nullptr, c.listed);
    if (e == nullptr) continue;
    EXPECT_EQ(e->name, c.name);
    EXPECT_EQ(e->off, c.off);
  }
}

TEST(CalendarJsonTest, BadFilesNameThePathAndTheProblem) {
  // A valid year list to build bad files around.
  const std::string ok2024 = R"("2024": [{"date": "2024-01-01", "name": "元旦", "off": true}])";
  const struct {
    std::string name;
    std::string text;
    std::string path;  // the error's field, exactly; the message starts with it
    std::string message;
  } kCases[] = {
      {"malformed JSON", R"({"years": {)", "", "the calendar file is not valid JSON (at byte"},
      {"trailing garbage", R"({"years": {}} x)", "", "not valid JSON (at byte 15)"},
      {"empty text", "", "", "not valid JSON"},
      {"a key twice (issue 12)", R"({"years": {}, "years": {}})", "",
       "the calendar file names the key 'years' twice in one object"},
      {"not an object", "[1, 2]", "$", "expected an object with \"years\""},
      {"a string", R"("2024")", "$", "expected an object"},
      {"unknown top-level field", R"({"source": "x", "year": {}, "years": {)" + ok2024 + "}}",
       "year", "unknown field"},
      {"source not a string", R"({"source": 1, "years": {)" + ok2024 + "}}", "source",
       "expected a string"},
      {"years missing", R"({"source": "x"})", "years", "expected an object of years"},
      {"years empty", R"({"years": {}})", "years", "expected an object of years"},
      {"years an array", R"({"years": []})", "years", "expected an object of years"},
      {"year key 20x5", R"({"years": {"20x5": []}})", "years.20x5", "a year must be four digits"},
      {"year key of three digits", R"({"years": {"202": []}})", "years.202", "four digits"},
      {"year out of range", R"({"years": {"1800": []}})", "years.1800", "year out of range"},
      {"year not a list", R"({"years": {"2024": {}}})", "years.2024", "expected an array of dates"},
      {"entry not an object", R"({"years": {"2024": ["2024-01-01"]}})", "years.2024[0]",
       "expected an object {date, name, off}"},
      {"unknown entry field",
       R"({"years": {"2024": [{"date": "2024-01-01", "name": "元旦", "off": true, "day": 1}]}})",
       "years.2024[0].day", "unknown field"},
      {"date missing", R"({"years": {"2024": [{"name": "元旦", "off": true}]}})",
       "years.2024[0].date", "expected a string YYYY-MM-DD"},
      {"date not a string",
       R"({"years": {"2024": [{"date": 20240101, "name": "元旦", "off": true}]}})",
       "years.2024[0].date", "expected a string YYYY-MM-DD"},
      {"bad date 2024-02-30",
       R"({"years": {"2024": [{"date": "2024-02-30", "name": "春节", "off": true}]}})",
       "years.2024[0].date", "'2024-02-30' is not a date"},
      {"bad date format",
       R"({"years": {"2024": [{"date": "2024/01/01", "name": "元旦", "off": true}]}})",
       "years.2024[0].date", "'2024/01/01' is not a date"},
      {"date in another year's list",
       R"({"years": {"2024": [{"date": "2023-12-31", "name": "元旦", "off": true}]}})",
       "years.2024[0].date", "2023-12-31 is not in year 2024"},
      {"unsorted dates",
       R"({"years": {"2024": [{"date": "2024-05-01", "name": "劳动节", "off": true},)"
       R"({"date": "2024-01-01", "name": "元旦", "off": true}]}})",
       "years.2024[1].date", "dates must be sorted and listed once"},
      {"duplicate date",
       R"({"years": {"2024": [{"date": "2024-01-01", "name": "元旦", "off": true},)"
       R"({"date": "2024-01-01", "name": "元旦", "off": true}]}})",
       "years.2024[1].date", "dates must be sorted and listed once"},
      {"empty name", R"({"years": {"2024": [{"date": "2024-01-01", "name": "", "off": true}]}})",
       "years.2024[0].name", "expected the holiday's name"},
      {"name missing", R"({"years": {"2024": [{"date": "2024-01-01", "off": true}]}})",
       "years.2024[0].name", "expected the holiday's name"},
      {"off not a boolean",
       R"({"years": {"2024": [{"date": "2024-01-01", "name": "元旦", "off": "true"}]}})",
       "years.2024[0].off", "expected true (day off) or false (make-up working day)"},
      {"off missing", R"({"years": {"2024": [{"date": "2024-01-01", "name": "元旦"}]}})",
       "years.2024[0].off", "expected true"},
      {"problem in a later year",
       R"({"years": {)" + ok2024 +
           R"(, "2025": [{"date": "2025-01-01", "name": "元旦", "off": true},)"
           R"({"date": "2025-01-28", "name": "春节", "off": 1}]}})",
       "years.2025[1].off", "expected true"},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.name);
    auto parsed = ParseCalendarJson(c.text);
    ASSERT_FALSE(parsed.ok());
    const Error& e = parsed.error();
    EXPECT_EQ(e.code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(e.field, c.path);
    if (!c.path.empty()) {
      EXPECT_EQ(e.message.rfind(c.path + ": ", 0), 0u) << e.message;
    }
    EXPECT_TRUE(Contains(e.message, c.message));
  }
}

TEST(CalendarJsonTest, AcceptsAMinimalFile) {
  auto parsed = ParseCalendarJson(
      R"({"years": {"2027": [{"date": "2027-01-01", "name": "元旦", "off": true}], "2028": []}})");
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed->source, "");
  ASSERT_EQ(parsed->years.size(), 2u);
  EXPECT_EQ(parsed->years[0].year, 2027);
  ASSERT_EQ(parsed->years[0].entries.size(), 1u);
  EXPECT_EQ(parsed->years[0].entries[0].date, D(2027, 1, 1));
  EXPECT_TRUE(parsed->years[1].entries.empty());
}

TEST(CalendarJsonTest, RoundTrips) {
  CalendarFile small{"test \"source\"",
                     {{2027,
                       {{D(2027, 1, 1), "元旦", true},
                        {D(2027, 2, 6), "春节", false},
                        {D(2027, 2, 8), "春节", true}}},
                      {2028, {}}}};
  const struct {
    std::string name;
    const CalendarFile& file;
  } kCases[] = {
      {"embedded", EmbeddedCalendarFile()},
      {"small", small},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.name);
    std::string text = CalendarToJson(c.file);
    auto parsed = ParseCalendarJson(text);
    ASSERT_TRUE(parsed.ok()) << parsed.error().message;
    ExpectSameFile(*parsed, c.file);
    EXPECT_EQ(CalendarToJson(*parsed), text);
  }
}

}  // namespace
}  // namespace hearth::adapters::json
