// ctest-labels: e2e
// `hearth calc refund` end to end (R-REFUND-1..4, R-SEASON-1): JSON on stdout, or one error
// line on stderr with exit 2 and nothing on stdout.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>

#include "support/test_process.hpp"

namespace hearth::e2e {
namespace {

using support::RunHearth;
using support::TempDir;

const std::string kSource = HEARTH_SOURCE_DIR;
const std::string kHeader = "date,value,guarantee,outdoor_mean,unheated_hours,excluded\n";

size_t Lines(const std::string& s) {
  return static_cast<size_t>(std::count(s.begin(), s.end(), '\n'));
}

std::string Write(const TempDir& dir, const std::string& name, const std::string& text) {
  std::ofstream(dir / name, std::ios::binary) << text;
  return dir / name;
}

TEST(CliCalcRefund, ExampleOutput) {
  TempDir dir;
  std::string days = Write(dir, "days.csv",
                           kHeader +
                               "2025-12-02,17.95,,,,\n"     // 18.0: qualified
                               "2025-12-01,17.5,,,,\n"      // 20 %
                               "2025-12-05,,,,14,\n"        // outage: 100 %
                               "2025-12-06,11.0,,-6.0,,\n"  // exempt in Weihai
                               "2025-12-07,11.0,,,,1\n"     // household-caused
                               "2026-03-16,5,,,24,\n");     // extension day
  auto r = RunHearth({"calc", "refund", "--policy", "weihai", "--season", "2025", "--fee",
                      "2640.00", "--days", days});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  // 120 % × 264000 / 121 = 2618.18
  EXPECT_EQ(r.out,
            R"({"season":"2025-2026","official_days":121,"fee_fen":264000,"refund_fen":2618,)"
            R"("days":[{"date":"2025-12-01","share_percent":20,)"
            R"j("reason":"unqualified: 17.5 °C against 18.0 °C guaranteed (20 %)"},)j"
            R"({"date":"2025-12-05","share_percent":100,)"
            R"j("reason":"not heated: company outage 14 h ≥ 12 h (100 %)"}]})j"
            "\n");
}

TEST(CliCalcRefund, LeapSeasonAndPolicyFile) {  // R-SEASON-1
  TempDir dir;
  std::string days = Write(dir, "d.csv", "date,value\r\n2024-02-29,11.9\r\n2023-11-15,12.0\r\n");
  auto r = RunHearth({"calc", "refund", "--policy", kSource + "/policies/zibo.toml", "--season",
                      "2023", "--fee", "2640", "--days", days});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["season"], "2023-2024");
  EXPECT_EQ(j["official_days"], 122);
  EXPECT_EQ(j["refund_fen"], 3246);  // 150 % × 264000 / 122 = 3245.90
  ASSERT_EQ(j["days"].size(), 2u);
  EXPECT_EQ(j["days"][0]["date"], "2023-11-15");
  EXPECT_EQ(j["days"][0]["share_percent"], 50);
  EXPECT_EQ(j["days"][1]["date"], "2024-02-29");
  EXPECT_EQ(j["days"][1]["share_percent"], 100);
}

TEST(CliCalcRefund, BadInputIsOneLineOnStderrAndExit2) {
  TempDir dir;
  const std::string good = Write(dir, "good.csv", kHeader + "2025-12-01,17,,,,\n");
  struct Case {
    std::string name;
    std::vector<std::string> args;    // after "calc refund"; {DAYS} is replaced by the file
    std::optional<std::string> file;  // the days file's text; none: good.csv
    std::string needle;
  };
  const std::vector<std::string> flags = {"--policy", "weihai",  "--season", "2025",
                                          "--fee",    "2640.00", "--days",   "{DAYS}"};
  auto with = [&](std::vector<std::string> extra) {
    auto v = flags;
    v.insert(v.end(), extra.begin(), extra.end());
    return v;
  };
  const Case cases[] = {
      // Malformed files: the line and column of the first problem.
      {"value", flags, kHeader + "2025-12-01,17,,,,\n2025-12-02,abc,,,,\n",
       "line 3, column 2 (value): 'abc' is not a decimal number"},
      {"date", flags, kHeader + "2025-12-32,17,,,,\n", "line 2, column 1 (date): '2025-12-32'"},
      {"twice", flags, kHeader + "2025-12-01,17,,,,\n2025-12-01,18,,,,\n",
       "line 3, column 1 (date): 2025-12-01 is given twice (first on line 2)"},
      {"fields", flags, kHeader + "2025-12-01,17\n", "line 2, column 3: expected 6 fields"},
      {"hours", flags, kHeader + "2025-12-01,17,,,25,\n",
       "line 2, column 5 (unheated_hours): '25' is outside 0 … 24 h"},
      {"excluded", flags, kHeader + "2025-12-01,17,,,,x\n", "line 2, column 6 (excluded)"},
      {"header", flags, "day,value\n", "line 1, column 1 (day): unknown column"},
      {"empty", flags, "", "line 1, column 1: the file is empty"},
      {"quote", flags, kHeader + "2025-12-01,\"17,,,,\n", "a quoted field is not closed"},
      // Bad flags.
      {"fee decimals",
       {"--policy", "weihai", "--season", "2025", "--fee", "2640.001", "--days", "{DAYS}"},
       std::nullopt,
       "more than 2 decimals"},
      {"fee zero",
       {"--policy", "weihai", "--season", "2025", "--fee", "0", "--days", "{DAYS}"},
       std::nullopt,
       "not more than 0"},
      {"fee text",
       {"--policy", "weihai", "--season", "2025", "--fee", "lots", "--days", "{DAYS}"},
       std::nullopt,
       "got 'lots'"},
      {"season",
       {"--policy", "weihai", "--season", "2025-2026", "--fee", "1", "--days", "{DAYS}"},
       std::nullopt,
       "got '2025-2026'"},
      {"policy",
       {"--policy", "atlantis", "--season", "2025", "--fee", "1", "--days", "{DAYS}"},
       std::nullopt,
       "unknown policy 'atlantis'"},
      {"no fee",
       {"--policy", "weihai", "--season", "2025", "--days", "{DAYS}"},
       std::nullopt,
       "--fee"},
      {"no days", {"--policy", "weihai", "--season", "2025", "--fee", "1"}, std::nullopt, "--days"},
      {"unknown flag", with({"--bogus"}), std::nullopt, "--bogus"},
      {"missing file",
       {"--policy", "weihai", "--season", "2025", "--fee", "1", "--days", dir / "nope.csv"},
       std::nullopt,
       "cannot read"},
      {"directory",
       {"--policy", "weihai", "--season", "2025", "--fee", "1", "--days", dir.path().string()},
       std::nullopt,
       "is a directory"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    std::string days = c.file ? Write(dir, "bad.csv", *c.file) : good;
    std::vector<std::string> args = {"calc", "refund"};
    for (const auto& a : c.args) args.push_back(a == "{DAYS}" ? days : a);
    auto r = RunHearth(args);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(Lines(r.err), 1u) << r.err;
    EXPECT_EQ(r.err.rfind("hearth: error: ", 0), 0u) << r.err;
    EXPECT_NE(r.err.find(c.needle), std::string::npos) << r.err;
  }
}

}  // namespace
}  // namespace hearth::e2e
