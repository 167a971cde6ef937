// ctest-labels: e2e security
// Issue 14: `hearth serve` serves the web console at / beside the API: deep links get the app,
// hashed assets are cached for a year, the API's 404 stays JSON, and a --web-dir without a
// console is refused at start naming the flag. (What the console does: web/tests/browser.)
#include <gtest/gtest.h>

#include <fstream>

#include "support/test_client.hpp"
#include "support/test_process.hpp"

namespace hearth::e2e {
namespace {

using support::TempDir;

void Write(const std::filesystem::path& file, const std::string& text) {
  std::filesystem::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << text;
}

TEST(ServeConsole, DeepLinksGetTheAppAndAssetsAreCachedByTheirHash) {
  TempDir dir;
  const auto web = dir.path() / "web";
  Write(web / "index.html", "<!doctype html><title>Hearth</title>");
  Write(web / "assets" / "index-0a1b2c3d.js", "export {}");
  const uint16_t port = support::FreePort();
  auto args = support::ServeArgs(dir / "h.db", port);
  args.insert(args.end(), {"--web-dir", web.string()});
  support::ServerProcess server(args);
  ASSERT_TRUE(support::WaitForHealthz(port));

  for (const char* path : {"/", "/households/42", "/settings/calendar"}) {
    SCOPED_TRACE(path);
    auto r = support::Fetch(port, "GET", path);
    EXPECT_EQ(r.status, 200u);
    EXPECT_EQ(r.body, "<!doctype html><title>Hearth</title>");
    EXPECT_EQ(r.headers["Content-Type"], "text/html; charset=utf-8");
    EXPECT_EQ(r.headers["Cache-Control"], "no-cache");
    EXPECT_NE(r.headers["Content-Security-Policy"].find("default-src 'self'"), std::string::npos);
  }
  auto js = support::Fetch(port, "GET", "/assets/index-0a1b2c3d.js");
  EXPECT_EQ(js.status, 200u);
  EXPECT_EQ(js.headers["Cache-Control"], "public, max-age=31536000, immutable");
  EXPECT_EQ(js.headers["Content-Type"], "text/javascript; charset=utf-8");

  // What a browser revalidates the page with (the 304 itself: static_site_test.cpp).
  EXPECT_FALSE(support::Fetch(port, "GET", "/").headers["ETag"].empty());

  auto missing = support::Fetch(port, "GET", "/assets/index-ffffffff.js");
  EXPECT_EQ(missing.status, 404u);
  auto api = support::Fetch(port, "GET", "/api/v1/no-such-thing");
  EXPECT_EQ(api.status, 404u);
  EXPECT_EQ(api.headers["Content-Type"], "application/json");
  EXPECT_EQ(support::Fetch(port, "POST", "/households/42", "{}").status, 404u);
  // The API is as it was.
  EXPECT_EQ(support::Fetch(port, "GET", "/api/v1/calendar").status, 200u);
}

TEST(ServeConsole, AWebDirWithoutAConsoleIsRefusedNamingTheFlag) {
  TempDir dir;
  auto args = support::ServeArgs(dir / "h.db", support::FreePort());
  args.insert(args.end(), {"--web-dir", (dir.path() / "nothing").string()});
  auto r = support::RunHearth(args);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("index.html"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("--web-dir"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace hearth::e2e
