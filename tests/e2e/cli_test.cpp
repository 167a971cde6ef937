// ctest-labels: e2e
// The `hearth` binary as a user runs it: output on stdout, one-line errors on stderr, exit 2 for
// bad input.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "support/test_process.hpp"

namespace hearth::e2e {
namespace {

using support::RunHearth;
using support::TempDir;

const std::string kSource = HEARTH_SOURCE_DIR;

size_t Lines(const std::string& s) {
  return static_cast<size_t>(std::count(s.begin(), s.end(), '\n'));
}

TEST(Cli, DeadlineExampleFromTheIssue) {
  TempDir dir;
  auto r =
      RunHearth({"calc", "deadline", "--policy", "weihai", "--rule", "reply", "--channel",
                 "city-hotline", "--from", "2024-09-27T16:00:00+08:00", "--db", dir / "none.db"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(
      r.out,
      "{\"rule\":\"reply\",\"channel\":\"city-hotline\",\"from\":\"2024-09-27T16:00:00+08:00\","
      "\"deadline\":\"2024-10-10T23:59:59+08:00\",\"calendar_incomplete\":false,"
      "\"basis\":\"W 10.1.4\"}\n");
  EXPECT_FALSE(std::filesystem::exists(dir / "none.db")) << "a read-only command created a db";
}

TEST(Cli, PolicyByFile) {
  auto r = RunHearth({"calc", "deadline", "--policy", kSource + "/policies/zibo.toml", "--rule",
                      "leak", "--from", "2025-01-01T23:30:00Z"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["deadline"], "2025-01-02T08:30:00+08:00");
  EXPECT_EQ(j["channel"], nullptr);
  EXPECT_EQ(j["basis"], "platform default (W 10.2.3)");
}

// R-OUT-1 (issue 15: "hearth calc deadline --rule outage-notice and the stored obligations
// agree"): the binary answers what the engine answers; OutagesApi checks that a stored stop's
// notice_due is the engine's. A planned stop is announced 48 h before it starts (Weihai); an
// emergency within 1 h of its start (the platform default).
TEST(Cli, OutageNoticeDeadlines) {
  const struct {
    const char* rule;
    const char* deadline;
  } cases[] = {{"outage-notice", "2026-01-18T08:00:00+08:00"},
               {"emergency-notice", "2026-01-20T09:00:00+08:00"}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.rule);
    auto r = RunHearth({"calc", "deadline", "--policy", "weihai", "--rule", c.rule, "--from",
                        "2026-01-20T08:00:00+08:00"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(nlohmann::json::parse(r.out)["deadline"], c.deadline);
  }
}

TEST(Cli, BadInputIsOneLineOnStderrAndExit2) {
  struct Case {
    std::vector<std::string> args;
    std::string needle;  // a part of the error line
  };
  const std::vector<std::string> base = {"calc", "deadline", "--policy", "weihai"};
  auto with = [&](std::vector<std::string> extra) {
    auto v = base;
    v.insert(v.end(), extra.begin(), extra.end());
    return v;
  };
  const Case cases[] = {
      {with({"--rule", "nope", "--from", "2024-01-01T00:00:00Z"}), "unknown rule 'nope'"},
      {with({"--rule", "reply", "--channel", "fax", "--from", "2024-01-01T00:00:00Z"}),
       "unknown channel 'fax'"},
      {with({"--rule", "reply", "--from", "2024-01-01T00:00:00Z"}), "needs a channel"},
      {with({"--rule", "leak", "--channel", "urgent", "--from", "2024-01-01T00:00:00Z"}),
       "takes no channel"},
      {with({"--rule", "reply-extension", "--channel", "on-receipt", "--from",
             "2024-01-01T00:00:00Z"}),
       "not allowed for rule reply-extension"},
      {with({"--rule", "reply", "--channel", "urgent", "--from", "2024-13-01T00:00:00Z"}),
       "month 13"},
      {with({"--rule", "reply", "--channel", "urgent", "--from", "2024-01-01 00:00"}),
       "not an RFC 3339 time"},
      {with({"--rule", "reply", "--channel", "urgent", "--from", "2024-01-01T00:00:00Z",
             "--outside-works"}),
       "connection-decision only"},
      {{"calc", "deadline", "--policy", "atlantis", "--rule", "leak", "--from",
        "2024-01-01T00:00:00Z"},
       "unknown policy 'atlantis'"},
      {with({"--rule", "leak"}), "--from"},
      {with({"--rule", "leak", "--from", "2024-01-01T00:00:00Z", "--bogus"}), "--bogus"},
      {{"frobnicate"}, "frobnicate"},
  };
  for (const auto& c : cases) {
    std::string joined;
    for (const auto& a : c.args) joined += a + " ";
    SCOPED_TRACE(joined);
    auto r = RunHearth(c.args);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(Lines(r.err), 1u) << r.err;
    EXPECT_NE(r.err.find(c.needle), std::string::npos) << r.err;
  }
}

TEST(Cli, PolicyCheck) {
  for (const char* name : {"weihai", "zibo"}) {
    auto r = RunHearth({"policy", "check", kSource + "/policies/" + name + ".toml"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("ok"), std::string::npos);
  }
  TempDir dir;
  std::ifstream in(kSource + "/policies/weihai.toml");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto pos = text.find("near = 20");
  ASSERT_NE(pos, std::string::npos);
  text.replace(pos, 9, "near = 25");
  std::ofstream(dir / "bad.toml") << text;
  auto r = RunHearth({"policy", "check", dir / "bad.toml"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("sampling.shares.position: shares sum to 105, not 100"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("bad.toml:"), std::string::npos) << r.err;
}

const char* k2027 = R"({"source": "test notice 2027", "years": {"2027": [
  {"date": "2027-01-01", "name": "元旦", "off": true},
  {"date": "2027-01-04", "name": "test holiday", "off": true}]}})";

TEST(Cli, CalendarImportIsUsedAndBadFilesWriteNothing) {
  TempDir dir;
  std::string db = dir / "h.db";
  auto deadline = [&] {
    // Received Thursday 2026-12-31: 2 working days. Without 2027 data: Fri 01-01, Mon 01-04.
    return RunHearth({"calc", "deadline", "--policy", "weihai", "--rule", "return", "--channel",
                      "city-hotline", "--from", "2026-12-31T10:00:00+08:00", "--db", db});
  };
  auto before = nlohmann::json::parse(deadline().out);
  EXPECT_EQ(before["deadline"], "2027-01-04T23:59:59+08:00");
  EXPECT_EQ(before["calendar_incomplete"], true);

  std::ofstream(dir / "bad.json")
      << R"({"years": {"2027": [{"date": "2027-02-30", "name": "x", "off": true}]}})";
  auto bad = RunHearth({"calendar", "import", dir / "bad.json", "--db", db});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("years.2027[0].date"), std::string::npos) << bad.err;
  EXPECT_EQ(nlohmann::json::parse(deadline().out)["calendar_incomplete"], true);

  std::ofstream(dir / "2027.json") << k2027;
  auto ok = RunHearth({"calendar", "import", dir / "2027.json", "--db", db});
  ASSERT_EQ(ok.exit_code, 0) << ok.err;
  auto after = nlohmann::json::parse(deadline().out);
  // 01-01 and 01-04 are off now: Tue 01-05, Wed 01-06.
  EXPECT_EQ(after["deadline"], "2027-01-06T23:59:59+08:00");
  EXPECT_EQ(after["calendar_incomplete"], false);

  auto years = RunHearth({"calendar", "years", "--db", db});
  EXPECT_NE(years.out.find("2027"), std::string::npos);
}

}  // namespace
}  // namespace hearth::e2e
