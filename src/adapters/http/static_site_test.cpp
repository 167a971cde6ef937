#include "adapters/http/static_site.hpp"

#include <gtest/gtest.h>

#include <stdlib.h>

#include <fstream>

#include "adapters/http/router.hpp"

namespace hearth::adapters::http {
namespace {

class TempDir {
 public:
  TempDir() {
    char name[] = "/tmp/hearth-site-XXXXXX";
    path_ = mkdtemp(name);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

void Write(const std::filesystem::path& file, const std::string& text) {
  std::filesystem::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << text;
}

std::string Header(const Response& r, const std::string& name) {
  for (const auto& [k, v] : r.headers) {
    if (k == name) return v;
  }
  return "";
}

Request Get(std::string path) {
  Request r;
  r.method = "GET";
  r.path = std::move(path);
  return r;
}

// A console as vite writes it: index.html, content-hashed assets, a public file.
class StaticSiteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Write(dir_.path() / "index.html", "<!doctype html><div id=root></div>");
    Write(dir_.path() / "assets" / "index-3f9a1c.js", "console.log(1)");
    Write(dir_.path() / "favicon.svg", "<svg/>");
    auto site = StaticSite::Load(dir_.path());
    ASSERT_TRUE(site.ok()) << site.error().message;
    site_ = std::move(*site);
  }
  TempDir dir_;
  StaticSite site_;
};

TEST_F(StaticSiteTest, AnswersEachPathAsTheTableSays) {
  struct Case {
    std::string path;
    bool answered;
    std::string body;  // when answered
    std::string cache;
  };
  const Case cases[] = {
      {"/", true, "<!doctype html><div id=root></div>", "no-cache"},
      {"/index.html", true, "<!doctype html><div id=root></div>", "no-cache"},
      {"/households/42", true, "<!doctype html><div id=root></div>", "no-cache"},  // deep link
      {"/settings/calendar", true, "<!doctype html><div id=root></div>", "no-cache"},
      {"/assets/index-3f9a1c.js", true, "console.log(1)", "public, max-age=31536000, immutable"},
      {"/favicon.svg", true, "<svg/>", "no-cache"},
      {"/assets/missing-123.js", false, "", ""},  // a missing file is not the app
      {"/robots.txt", false, "", ""},
      {"/api/v1/nothing", false, "", ""},  // the API's 404 stays JSON
      {"/api", false, "", ""},
      {"/../index.html", false, "", ""},  // only keys of the map: no traversal
      {"/assets/../index.html", false, "", ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.path);
    auto r = site_.Serve(Get(c.path));
    ASSERT_EQ(r.has_value(), c.answered);
    if (!c.answered) continue;
    EXPECT_EQ(r->status, 200u);
    EXPECT_EQ(r->body, c.body);
    EXPECT_EQ(Header(*r, "Cache-Control"), c.cache);
  }
}

TEST_F(StaticSiteTest, TypesAndTheHtmlsHeaders) {
  auto html = site_.Serve(Get("/"));
  EXPECT_EQ(html->content_type, "text/html; charset=utf-8");
  EXPECT_NE(Header(*html, "Content-Security-Policy").find("script-src 'self'"), std::string::npos);
  EXPECT_NE(Header(*html, "Content-Security-Policy").find("frame-ancestors 'none'"),
            std::string::npos);
  EXPECT_EQ(Header(*html, "X-Frame-Options"), "DENY");
  EXPECT_EQ(site_.Serve(Get("/assets/index-3f9a1c.js"))->content_type,
            "text/javascript; charset=utf-8");
  EXPECT_EQ(site_.Serve(Get("/favicon.svg"))->content_type, "image/svg+xml");
  EXPECT_EQ(ContentTypeOf("x.woff2"), "font/woff2");
  EXPECT_EQ(ContentTypeOf("x.unknown"), "application/octet-stream");
}

TEST_F(StaticSiteTest, AnUnchangedFileIsNotSentAgain) {
  auto first = site_.Serve(Get("/"));
  const std::string etag = Header(*first, "ETag");
  ASSERT_FALSE(etag.empty());
  Request again = Get("/households/7");
  again.headers["if-none-match"] = etag;
  auto second = site_.Serve(again);
  EXPECT_EQ(second->status, 304u);
  EXPECT_TRUE(second->body.empty());
  again.headers["if-none-match"] = "\"0000000000000000\"";
  EXPECT_EQ(site_.Serve(again)->status, 200u);
}

TEST_F(StaticSiteTest, OnlyGetAndHead) {
  Request post = Get("/households/42");
  post.method = "POST";
  EXPECT_FALSE(site_.Serve(post).has_value());
  Request head = Get("/");
  head.method = "HEAD";
  EXPECT_TRUE(site_.Serve(head).has_value());
}

TEST(StaticSiteGzip, AGzippedTwinIsSentToClientsThatTakeIt) {
  TempDir dir;
  Write(dir.path() / "index.html", "<html>");
  Write(dir.path() / "assets" / "app-1.js", "plain");
  Write(dir.path() / "assets" / "app-1.js.gz", "GZ");
  Write(dir.path() / "assets" / "orphan.gz", "alone");
  auto site = StaticSite::Load(dir.path());
  ASSERT_TRUE(site.ok());
  struct Case {
    std::string accept;  // "" : no header
    std::string body;
  };
  const Case cases[] = {
      {"", "plain"},
      {"gzip, deflate, br", "GZ"},
      {"br;q=1.0, gzip;q=0.8", "GZ"},
      {"gzip;q=0", "plain"},
      {"gzip;q=0.000", "plain"},
      {"deflate", "plain"},
      {"x-gzip", "plain"},
  };
  std::string plain_etag, gz_etag;
  for (const auto& c : cases) {
    SCOPED_TRACE(c.accept);
    Request r = Get("/assets/app-1.js");
    if (!c.accept.empty()) r.headers["accept-encoding"] = c.accept;
    auto answer = site->Serve(r);
    ASSERT_TRUE(answer.has_value());
    EXPECT_EQ(answer->body, c.body);
    EXPECT_EQ(Header(*answer, "Content-Encoding"), c.body == "GZ" ? "gzip" : "");
    EXPECT_EQ(Header(*answer, "Vary"), "Accept-Encoding");
    (c.body == "GZ" ? gz_etag : plain_etag) = Header(*answer, "ETag");
  }
  EXPECT_NE(plain_etag, gz_etag);  // two representations, two validators
  EXPECT_FALSE(site->Serve(Get("/assets/app-1.js.gz")).has_value());  // not a URL of its own
  EXPECT_EQ(site->Serve(Get("/assets/orphan.gz"))->body, "alone");
}

TEST(StaticSiteLoad, ADirectoryWithoutIndexIsRefusedNamingTheFlag) {
  TempDir dir;
  auto site = StaticSite::Load(dir.path());
  ASSERT_FALSE(site.ok());
  EXPECT_EQ(site.error().field, "web-dir");
  EXPECT_NE(site.error().message.find("index.html"), std::string::npos);
}

TEST(StaticSiteLoad, SymlinksAreNotFollowed) {
  TempDir dir, outside;
  Write(dir.path() / "index.html", "<html>");
  Write(outside.path() / "secret.txt", "secret");
  std::filesystem::create_symlink(outside.path() / "secret.txt", dir.path() / "secret.txt");
  auto site = StaticSite::Load(dir.path());
  ASSERT_TRUE(site.ok());
  EXPECT_FALSE(site->Serve(Get("/secret.txt")).has_value());
}

// The router asks the site only for what no route answers, and only for GET and HEAD.
TEST_F(StaticSiteTest, TheRouterFallsBackToTheSiteAfterItsRoutes) {
  Router router;
  router.Add("GET", "/api/v1/thing", [](const Request&) { return Json(200, {{"ok", true}}); },
             RouteDoc{.summary = "a thing", .query = {}, .request_schema = "", .response_schema = ""});
  router.SetFallback([this](const Request& r) { return site_.Serve(r); });
  EXPECT_EQ(router.Handle(Get("/api/v1/thing")).body, R"({"ok":true})");
  auto page = router.Handle(Get("/households/42"));
  EXPECT_EQ(page.status, 200u);
  EXPECT_EQ(page.content_type, "text/html; charset=utf-8");
  auto api = router.Handle(Get("/api/v1/other"));
  EXPECT_EQ(api.status, 404u);
  EXPECT_EQ(api.content_type, "application/json");
  Request del = Get("/households/42");
  del.method = "DELETE";
  EXPECT_EQ(router.Handle(del).status, 404u);
}

}  // namespace
}  // namespace hearth::adapters::http
