// ctest-labels: e2e
// `hearth calc daily` end to end (R-TEMP-3): the golden household, the profiles, and malformed
// files reported by line and column with nothing on stdout and exit 2.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "support/test_process.hpp"

namespace hearth::e2e {
namespace {

using support::RunHearth;
using support::TempDir;

const std::string kSource = HEARTH_SOURCE_DIR;
const std::string kGolden = kSource + "/tests/golden/calc-daily/";

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string Write(const TempDir& dir, const std::string& name, const std::string& text) {
  std::string path = dir / name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

// 20 hourly readings of `value` in b1 from 2025-12-01 00:00 local, written in Z.
std::string TwentyHours(const std::string& value) {
  std::string csv = "room,kind,ts,value\n";
  for (int h = 0; h < 20; ++h) {
    int utc = (h + 16) % 24;
    std::string day = h < 8 ? "2025-11-30" : "2025-12-01";
    csv += "b1,bedroom," + day + "T" + (utc < 10 ? "0" : "") + std::to_string(utc) + ":00:00Z," +
           value + "\n";
  }
  return csv;
}

TEST(CliCalcDaily, GoldenHousehold) {
  // household.csv: 3 bedrooms/living/kitchen in three offsets, shuffled, with glitches; the
  // expected JSON was computed by tests/golden/calc-daily/generate.py with Python fractions.
  auto r = RunHearth({"calc", "daily", "--readings", kGolden + "household.csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, Slurp(kGolden + "household.json"));
}

TEST(CliCalcDaily, ProfilesByNameAndFile) {
  TempDir dir;
  std::string file = Write(dir, "r.csv", TwentyHours("17.95"));
  const std::string expected = R"({"days":[{"date":"2025-12-01","value":18.0}]})"
                               "\n";
  for (std::vector<std::string> extra : {std::vector<std::string>{},
                                         {"--policy", "weihai"},
                                         {"--policy", "zibo"},
                                         {"--policy", kSource + "/policies/zibo.toml"}}) {
    std::vector<std::string> args = {"calc", "daily", "--readings", file};
    args.insert(args.end(), extra.begin(), extra.end());
    SCOPED_TRACE(args.size() > 4 ? args[5] : "default");
    auto r = RunHearth(args);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, expected);
  }
}

TEST(CliCalcDaily, NullWhenNoGuaranteedRoomCounts) {
  TempDir dir;
  // 19 hours in b1; a kitchen with 24 hours does not help.
  std::string csv = "room,kind,ts,value\n";
  for (int h = 0; h < 24; ++h) {
    std::string hh = (h < 10 ? "0" : "") + std::to_string(h);
    if (h < 19) csv += "b1,bedroom,2025-12-01T" + hh + ":00:00+08:00,18\n";
    csv += "k,other,2025-12-01T" + hh + ":30:00+08:00,18\n";
  }
  auto r = RunHearth({"calc", "daily", "--readings", Write(dir, "r.csv", csv)});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, R"({"days":[{"date":"2025-12-01","value":null}]})"
                   "\n");
}

TEST(CliCalcDaily, MalformedFilesGiveLineAndColumnAndExit2) {
  struct Case {
    const char* name;
    std::string csv;
    std::string error;  // the whole stderr
  };
  const std::string head = "room,kind,ts,value\n";
  const std::string ok = "b1,bedroom,2025-12-01T00:00:00Z,18.0\n";
  const Case cases[] = {
      {"bad header", "room,type,ts,value\n" + ok,
       "hearth: error: line 1, column 2 (type): unknown column; expected room,kind,ts,value\n"},
      {"missing header column", "room,kind,value\n",
       "hearth: error: line 1, column 4 (ts): missing column; expected room,kind,ts,value\n"},
      {"bad kind", head + ok + "b2,study,2025-12-01T00:00:00Z,18.0\n",
       "hearth: error: line 3, column 2 (kind): 'study' is not a room kind; expected bedroom, "
       "living or other\n"},
      {"bad time", head + ok + ok + "b1,bedroom,2025-12-01T24:00:00Z,18.0\n",
       "hearth: error: line 4, column 3 (ts): '2025-12-01T24:00:00Z' is not an RFC 3339 time "
       "(hour 24 is out of range); expected e.g. 2024-09-27T16:00:00+08:00\n"},
      {"time without offset", head + "b1,bedroom,2025-12-01T00:00:00,18.0\n",
       "hearth: error: line 2, column 3 (ts): '2025-12-01T00:00:00' is not an RFC 3339 time "
       "(the UTC offset (Z or +08:00) is missing); expected e.g. 2024-09-27T16:00:00+08:00\n"},
      {"bad value", head + ok + "b1,bedroom,2025-12-01T01:00:00Z,18.O\n",
       "hearth: error: line 3, column 4 (value): '18.O' is not a decimal number (unexpected "
       "'O')\n"},
      {"too many fields", head + "b1,bedroom,2025-12-01T00:00:00Z,18,0\n",
       "hearth: error: line 2, column 5: expected 4 fields, found 5\n"},
      {"empty file", "",
       "hearth: error: line 1, column 1: the file is empty; expected the "
       "header room,kind,ts,value\n"},
  };
  TempDir dir;
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto r = RunHearth({"calc", "daily", "--readings", Write(dir, "bad.csv", c.csv)});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, c.error);
  }
}

TEST(CliCalcDaily, BadFlagsExit2) {
  TempDir dir;
  std::string file = Write(dir, "r.csv", TwentyHours("18"));
  struct Case {
    std::vector<std::string> args;
    std::string needle;
  };
  const Case cases[] = {
      {{"calc", "daily"}, "--readings"},
      {{"calc", "daily", "--readings", dir / "missing.csv"}, "--readings: cannot read"},
      {{"calc", "daily", "--readings", file, "--policy", "atlantis"}, "unknown policy 'atlantis'"},
      {{"calc", "daily", "--readings", file, "--colour", "red"}, "--colour"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.needle);
    auto r = RunHearth(c.args);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find(c.needle), std::string::npos) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  }
}

}  // namespace
}  // namespace hearth::e2e
