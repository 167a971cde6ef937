// ctest-labels: e2e
// `hearth hotline` (issue 13): a platform's key is issued for one company with its secret printed
// once; the list never shows a secret; a revoked key is marked; bad flags name themselves.
#include <gtest/gtest.h>

#include <sstream>

#include "support/test_process.hpp"
#include "support/test_sensors.hpp"

namespace hearth::e2e {
namespace {

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

TEST(CliHotline, IssuesListsAndRevokesKeys) {
  support::TempDir dir;
  const std::string db = dir / "h.db";
  support::MakeSensorCodes(db, "s", 0);  // company c1
  auto add = support::RunHearth({"hotline", "add-key", "--db", db, "--platform", "city-hotline",
                                 "--company", "c1"});
  ASSERT_EQ(add.exit_code, 0) << add.err;
  auto lines = Lines(add.out);
  ASSERT_EQ(lines.size(), 2u) << add.out;
  const std::string key = lines[0], secret = lines[1];
  EXPECT_EQ(key.rfind("city-hotline-", 0), 0u) << key;
  EXPECT_EQ(secret.size(), 43u);  // 32 random bytes, base64url
  EXPECT_NE(add.err.find("shown only now"), std::string::npos) << add.err;

  auto list = support::RunHearth({"hotline", "keys", "--db", db});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_NE(list.out.find(key), std::string::npos);
  EXPECT_EQ(list.out.find(secret), std::string::npos) << "a secret is never listed";

  auto revoke = support::RunHearth({"hotline", "revoke-key", "--db", db, "--key", key});
  ASSERT_EQ(revoke.exit_code, 0) << revoke.err;
  EXPECT_NE(support::RunHearth({"hotline", "keys", "--db", db}).out.find("revoked"),
            std::string::npos);

  struct Bad {
    std::vector<std::string> args;
    const char* names;
  };
  const Bad bad[] = {
      {{"hotline", "add-key", "--db", db, "--platform", "phone", "--company", "c1"},
       "--platform"},
      {{"hotline", "add-key", "--db", db, "--platform", "city-hotline", "--company", "nope"},
       "--company"},
      {{"hotline", "revoke-key", "--db", db, "--key", "no-such-key"}, "no-such-key"},
  };
  for (const Bad& b : bad) {
    auto r = support::RunHearth(b.args);
    EXPECT_NE(r.exit_code, 0) << b.names;
    EXPECT_NE(r.err.find(b.names), std::string::npos) << r.err;
  }
}

}  // namespace
}  // namespace hearth::e2e
