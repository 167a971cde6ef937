// R-CAL-1: a calendar file to import, read with every problem it has (issue 11): a table of
// files and the exact problems each gives, in document order.
#include "adapters/json/calendar_import_json.hpp"

#include <gtest/gtest.h>

#include "adapters/json/calendar_json.hpp"

namespace hearth::adapters::json {
namespace {

std::string Problems(const ports::DecodedCalendar& d) {
  std::string out;
  for (const auto& p : d.problems) out += p.path + ": " + p.message + "\n";
  return out;
}

TEST(CalendarImportJsonTest, TheShippedCalendarHasNoProblem) {
  const std::string text = CalendarToJson(EmbeddedCalendarFile());
  auto d = DecodeCalendarImport(text);
  EXPECT_EQ(Problems(d), "");
  ASSERT_EQ(d.file.years.size(), EmbeddedCalendarFile().years.size());
  EXPECT_EQ(d.file.source, EmbeddedCalendarFile().source);
}

TEST(CalendarImportJsonTest, AGoodYear) {
  auto d = DecodeCalendarImport(R"({"source": "国办发明电〔2026〕1号", "years": {"2027": [
      {"date": "2027-01-01", "name": "元旦", "off": true},
      {"date": "2027-02-06", "name": "春节", "off": false},
      {"date": "2027-02-08", "name": "春节", "off": true}]}})");
  EXPECT_EQ(Problems(d), "");
  EXPECT_EQ(d.file.source, "国办发明电〔2026〕1号");
  ASSERT_EQ(d.file.years.size(), 1u);
  EXPECT_EQ(d.file.years[0].year, 2027);
  ASSERT_EQ(d.file.years[0].entries.size(), 3u);
  EXPECT_EQ(FormatDate(d.file.years[0].entries[1].date), "2027-02-06");  // a Saturday
  EXPECT_FALSE(d.file.years[0].entries[1].off);
}

TEST(CalendarImportJsonTest, EveryProblemIsListed) {
  struct Case {
    const char* name;
    const char* text;
    std::string problems;  // all of them, in document order
  };
  const Case cases[] = {
      {"malformed JSON", R"({"years": )", "$: the file is not valid JSON (at byte 11)\n"},
      {"not an object", "[]", "$: expected an object with \"years\"\n"},
      {"no years", R"({"source": "x"})",
       "years: expected an object of years, e.g. {\"2027\": [...]}\n"},
      {"unknown fields and a bad source, then the years",
       R"({"sauce": 1, "source": 7, "years": {"2027": [{"date": "2027-01-01", "name": "元旦",
          "off": true}]}, "notes": ""})",
       "sauce: unknown field\nsource: expected a string\nnotes: unknown field\n"},
      {"bad year keys, out of range, not a list, empty",
       R"({"years": {"27": [], "1900": [], "2028": {}, "2029": []}})",
       "years.27: a year must be four digits\nyears.1900: year out of range 1949-2200\n"
       "years.2028: expected an array of dates\nyears.2029: expected the year's holidays, got "
       "none\n"},
      {"each entry's every problem, and the year's",
       R"({"years": {"2027": [
          "2027-01-01",
          {"date": "2027-02-30", "name": "", "off": "yes", "note": 1},
          {"date": "2028-01-01", "name": "元旦", "off": true},
          {"date": "2027-03-01", "name": "调休", "off": false},
          {"date": "2027-02-28", "name": "春节", "off": false},
          {"date": "2027-02-28", "name": "春节", "off": false},
          {"name": "劳动节", "off": false}]}})",
       "years.2027[0]: expected an object {date, name, off}\n"
       "years.2027[1].note: unknown field\n"
       "years.2027[1].date: '2027-02-30' is not a date (day 30 does not exist in that month); "
       "expected YYYY-MM-DD\n"
       "years.2027[1].name: expected the holiday's name\n"
       "years.2027[1].off: expected true (day off) or false (make-up working day)\n"
       "years.2027[2].date: 2028-01-01 is not in year 2027\n"
       "years.2027[4].date: 2027-02-28 comes after 2027-03-01: dates must be sorted\n"
       "years.2027[5].date: 2027-02-28 comes after 2027-03-01: dates must be sorted\n"
       "years.2027[6].date: expected a string YYYY-MM-DD\n"},
      {"a date twice",
       R"({"years": {"2027": [{"date": "2027-01-01", "name": "元旦", "off": true},
          {"date": "2027-01-01", "name": "元旦", "off": true}]}})",
       "years.2027[1].date: 2027-01-01 is listed twice\n"},
      {"problems of two years, in the file's order",
       R"({"years": {"2028": [{"date": "2028-01-01", "name": "", "off": true}],
          "2027": [{"date": "2027-01-04", "name": "x", "off": false}]}})",
       "years.2028[0].name: expected the holiday's name\n"
       "years.2027: the year lists no holiday (off: true)\n"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(Problems(DecodeCalendarImport(c.text)), c.problems);
  }
}

}  // namespace
}  // namespace hearth::adapters::json
