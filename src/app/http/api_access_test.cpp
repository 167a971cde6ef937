// Every endpoint × role: the routes of `hearth serve` (AddApiRoutes) driven in process, with a
// real SQLite store and real tokens. The expected rights are stated here, independently of
// rules/access.cpp, as the access policy a heating company and its regulator would expect.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>

#include "app/http/api.hpp"
#include "app/http/openapi.hpp"
#include "support/test_process.hpp"

namespace hearth::app::http {
namespace {

using nlohmann::json;

const std::vector<std::string> kRoles = {"admin", "regulator",  "manager",
                                         "agent", "technician", "household"};

// Who may change what (the policy under test). Readers: everyone in scope, but households read
// only their own household's records.
const std::map<std::string, std::set<std::string>> kWriters = {
    {"admin", {"*"}},
    {"regulator", {"districts", "seasons", "companies", "licensed_districts"}},
    // Not licensed_districts: no company adjusts its own service area (Z 3.4).
    {"manager",
     {"heat_sources", "network_sections", "substations", "buildings", "partitions", "households",
      "rooms", "sensors", "tariffs", "fees", "payments",
      // R-SEASON-1: the company announces its own season dates; R-INFO-1: its own numbers.
      "season_announcements", "service_contacts", "meter_readings",
      // W 9.3: the company enters the relief the government published, as it applies it.
      "reliefs"}},
    {"agent", {"households", "rooms", "fees", "payments"}},
    {"technician", {"rooms", "sensors", "meter_readings"}},
    {"household", {}},
};
// Written by Hearth alone, by no role (rules/access.hpp): the arrears service's reminders with
// their proof, the contract versions kept on every change of terms.
const std::set<std::string> kWrittenByHearth = {"reminders", "contract_versions",
                                                 "sample_plans", "sample_points"};
const std::set<std::string> kHouseholdReadable = {"households", "rooms", "sensors",
                                                  "fees", "payments", "reminders",
                                                  "contract_versions", "meter_readings"};

class ApiAccess : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new support::TempDir();
    // Cheap hashes: these tests are about rights, not hashing.
    auto rt = runtime::Runtime::Open({*dir_ / "h.db",
                                      std::string(HEARTH_SOURCE_DIR) + "/policies",
                                      runtime::DbMode::kRequired,
                                      {1, 1024, 1}});
    ASSERT_TRUE(rt.ok()) << rt.error().message;
    rt_ = rt->release();
    router_ = new adapters::http::Router();
    AddApiRoutes(*router_, *rt_);
    // Two companies, A and B, each with a household; users of every role in company A.
    for (const char* c : {"a", "b"}) City(c);
    for (const auto& role : kRoles) {
      services::NewAccount acc{role + "-user", "api-test-password", role, std::nullopt,
                               std::nullopt};
      if (role == "manager" || role == "agent" || role == "technician")
        acc.company_id = ids_["a.company"];
      if (role == "household") acc.household_id = ids_["a.household"];
      auto u = rt_->db->auth.AddUser(acc);
      ASSERT_TRUE(u.ok()) << role << ": " << u.error().message;
      auto t = rt_->db->auth.Login(role + "-user", "api-test-password");
      ASSERT_TRUE(t.ok());
      tokens_[role] = t->token;
    }
  }
  static void TearDownTestSuite() {
    delete router_;
    delete rt_;
    delete dir_;
  }

  static int64_t Make(const std::string& resource, ports::Fields f) {
    auto r = rt_->db->records.Create(*model::FindResource(resource), f, {}, "setup");
    EXPECT_TRUE(r.ok()) << resource << ": " << r.error().message;
    return r.ok() ? r->id : 0;
  }
  static void City(const std::string& c) {
    int64_t d = Make("districts",
                     {{"code", "d" + c}, {"name", "D"}, {"city", "Weihai"}, {"policy", "weihai"}});
    int64_t co = Make("companies", {{"code", c}, {"name", c}, {"policy", "weihai"}});
    int64_t hs =
        Make("heat_sources", {{"company_id", co}, {"code", "hs"}, {"name", "p"}, {"kind", "chp"}});
    int64_t ns = Make("network_sections",
                      {{"company_id", co}, {"heat_source_id", hs}, {"code", "n"}, {"name", "n"}});
    int64_t ss =
        Make("substations",
             {{"company_id", co}, {"network_section_id", ns}, {"code", "s"}, {"name", "s"}});
    int64_t b = Make("buildings", {{"company_id", co},
                                   {"district_id", d},
                                   {"substation_id", ss},
                                   {"code", "b"},
                                   {"community", "c"},
                                   {"floors", int64_t{6}}});
    int64_t p = Make("partitions", {{"company_id", co}, {"building_id", b}, {"code", "u"}});
    int64_t h = Make("households", {{"company_id", co},
                                    {"partition_id", p},
                                    {"code", "h"},
                                    {"area_m2", int64_t{9000}},
                                    {"floor", int64_t{2}},
                                    {"orientation", "sun"},
                                    {"billing", "area"},
                                    {"heating_status", "heated"},
                                    {"phone", std::string("13812345678")},
                                    {"id_number", std::string("370602199001011234")}});
    ids_[c + ".company"] = co;
    ids_[c + ".household"] = h;
    ids_[c + ".partition"] = p;
  }

  static adapters::http::Response Call(const std::string& role, const std::string& method,
                                       const std::string& target, const std::string& body = "") {
    adapters::http::Request req;
    req.method = method;
    size_t q = target.find('?');
    req.path = target.substr(0, q);
    if (q != std::string::npos) req.query = *adapters::http::ParseQuery(target.substr(q + 1));
    if (!role.empty()) req.headers["authorization"] = "Bearer " + tokens_[role];
    req.body = body;
    return router_->Handle(req);
  }

  static support::TempDir* dir_;
  static runtime::Runtime* rt_;
  static adapters::http::Router* router_;
  static std::map<std::string, int64_t> ids_;
  static std::map<std::string, std::string> tokens_;
};
support::TempDir* ApiAccess::dir_ = nullptr;
runtime::Runtime* ApiAccess::rt_ = nullptr;
adapters::http::Router* ApiAccess::router_ = nullptr;
std::map<std::string, int64_t> ApiAccess::ids_;
std::map<std::string, std::string> ApiAccess::tokens_;

TEST_F(ApiAccess, EveryRouteIsDocumented) {
  json doc = json::parse(OpenApiDocument(*router_).dump());
  for (const auto& route : router_->routes()) {
    SCOPED_TRACE(route.method + " " + route.pattern);
    EXPECT_FALSE(route.doc.summary.empty())
        << route.method << " " << route.pattern << " has no OpenAPI summary";
    std::string method = route.method;
    for (char& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    ASSERT_TRUE(doc["paths"].contains(route.pattern));
    EXPECT_TRUE(doc["paths"][route.pattern].contains(method));
  }
  // Every schema named anywhere is defined, and every route that takes a body documents it.
  std::function<void(const json&)> refs = [&](const json& node) {
    if (node.is_object()) {
      if (node.contains("$ref")) {
        std::string name = node["$ref"].get<std::string>();
        name = name.substr(name.rfind('/') + 1);
        EXPECT_TRUE(doc["components"]["schemas"].contains(name)) << name;
      }
      for (const auto& [key, value] : node.items()) refs(value);
    } else if (node.is_array()) {
      for (const auto& value : node) refs(value);
    }
  };
  refs(doc);
  for (const auto& route : router_->routes()) {
    if (route.method != "POST" && route.method != "PATCH" && route.method != "PUT") continue;
    // No body: the path is the whole request.
    if (route.pattern == "/api/v1/auth/logout" || route.pattern.ends_with("/confirm") ||
        route.pattern.ends_with("/reject") || route.pattern.ends_with("/resettle") ||
        route.pattern.ends_with("/notice")) {
      continue;
    }
    std::string method = route.method;
    for (char& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    EXPECT_TRUE(doc["paths"][route.pattern][method].contains("requestBody"))
        << route.method << " " << route.pattern << " documents no request body";
  }
  // Issue 18, item 5: a batch of readings of which nothing was taken is 422, with the same body.
  const json& ingest = doc["paths"]["/api/v1/readings"]["post"]["responses"];
  ASSERT_TRUE(ingest.contains("422"));
  EXPECT_EQ(ingest["422"]["content"], ingest["200"]["content"]);
  auto served = Call("", "GET", "/api/openapi.json");
  EXPECT_EQ(served.status, 200u);
  EXPECT_EQ(json::parse(served.body)["openapi"], "3.0.3");
  // Every JSON answer names its schema (issue 14: the console's types are generated from this
  // document, never written by hand). Not JSON: the document itself and the Prometheus text; no
  // body: a DELETE and a 204.
  for (const auto& route : router_->routes()) {
    if (route.method == "DELETE" || route.doc.status == 204 || route.pattern == "/api/openapi.json" ||
        route.pattern == "/metrics") {
      continue;
    }
    EXPECT_FALSE(route.doc.response_schema.empty())
        << route.method << " " << route.pattern << " answers JSON of no documented schema";
  }
}

TEST_F(ApiAccess, AnonymousCallersGet401OnRecords) {
  for (const auto& r : model::Resources()) {
    SCOPED_TRACE(r.name);
    auto resp = Call("", "GET", "/api/v1/" + r.name);
    EXPECT_EQ(resp.status, 401u);
    EXPECT_EQ(json::parse(resp.body)["error"]["code"], "unauthenticated");
  }
  EXPECT_EQ(Call("", "GET", "/api/v1/audit").status, 401u);
}

// Reads of every resource by every role: 200 for those who may read it, 403 otherwise.
TEST_F(ApiAccess, ReadMatrix) {
  for (const auto& role : kRoles) {
    for (const auto& r : model::Resources()) {
      SCOPED_TRACE(role + " GET " + r.name);
      bool may = role != "household" || kHouseholdReadable.count(r.name);
      auto resp = Call(role, "GET", "/api/v1/" + r.name);
      EXPECT_EQ(resp.status, may ? 200u : 403u) << resp.body;
    }
  }
}

// Writes of every resource by every role: a PATCH of record 1 with an empty change set answers
// 200 (or 404 when record 1 is out of scope) to writers and 403 to everyone else.
TEST_F(ApiAccess, WriteMatrix) {
  for (const auto& role : kRoles) {
    const auto& writers = kWriters.at(role);
    for (const auto& r : model::Resources()) {
      SCOPED_TRACE(role + " PATCH " + r.name);
      bool may = (writers.count("*") || writers.count(r.name)) && !kWrittenByHearth.count(r.name);
      auto resp = Call(role, "PATCH", "/api/v1/" + r.name + "/1", "{}");
      if (may) {
        EXPECT_TRUE(resp.status == 200u || resp.status == 404u) << resp.status << resp.body;
      } else {
        EXPECT_EQ(resp.status, 403u) << resp.body;
      }
      auto del = Call(role, "DELETE", "/api/v1/" + r.name + "/999999");
      EXPECT_EQ(del.status, may ? 404u : 403u);
    }
  }
}

TEST_F(ApiAccess, ScopesAndMasking) {
  std::string a = std::to_string(ids_["a.household"]), b = std::to_string(ids_["b.household"]);
  struct Case {
    std::string role;
    std::string id;
    unsigned status;
    std::string phone;      // as shown, when 200
    std::string id_number;  // as shown, when 200
  };
  const Case cases[] = {
      {"admin", b, 200, "13812345678", "370602199001011234"},
      {"regulator", b, 200, "138****5678", "370***********1234"},
      {"manager", a, 200, "13812345678", "370602199001011234"},
      {"manager", b, 404, "", ""},
      {"agent", a, 200, "13812345678", "370602199001011234"},
      {"technician", a, 200, "13812345678", "370***********1234"},
      {"technician", b, 404, "", ""},
      {"household", a, 200, "13812345678", "370602199001011234"},
      {"household", b, 404, "", ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.role + " household " + c.id);
    auto resp = Call(c.role, "GET", "/api/v1/households/" + c.id);
    ASSERT_EQ(resp.status, c.status) << resp.body;
    if (c.status != 200) continue;
    auto j = json::parse(resp.body);
    EXPECT_EQ(j["phone"], c.phone);
    EXPECT_EQ(j["id_number"], c.id_number);
  }
  // Lists are scoped the same way.
  EXPECT_EQ(json::parse(Call("manager", "GET", "/api/v1/households").body)["items"].size(), 1u);
  EXPECT_EQ(json::parse(Call("admin", "GET", "/api/v1/households").body)["items"].size(), 2u);
  EXPECT_EQ(json::parse(Call("household", "GET", "/api/v1/households").body)["items"].size(), 1u);
  // A manager cannot create into another company.
  json foreign = {{"company_id", ids_["b.company"]},
                  {"partition_id", ids_["b.partition"]},
                  {"code", "x"},
                  {"area_m2", 50},
                  {"floor", 1},
                  {"orientation", "sun"},
                  {"billing", "area"},
                  {"heating_status", "heated"}};
  EXPECT_EQ(Call("manager", "POST", "/api/v1/households", foreign.dump()).status, 403u);
}

TEST_F(ApiAccess, AuditLogRecordsWhoChangedWhat) {
  std::string id = std::to_string(ids_["a.household"]);
  auto patch = Call("agent", "PATCH", "/api/v1/households/" + id, R"({"floor":3})");
  ASSERT_EQ(patch.status, 200u) << patch.body;
  for (const auto& role : kRoles) {
    SCOPED_TRACE(role);
    auto resp = Call(role, "GET", "/api/v1/audit?limit=1");
    bool may = role == "admin" || role == "regulator";
    ASSERT_EQ(resp.status, may ? 200u : 403u);
    if (!may) continue;
    auto e = json::parse(resp.body)["items"][0];
    EXPECT_EQ(e["actor"], "agent-user");
    EXPECT_EQ(e["action"], "update");
    EXPECT_EQ(e["before"]["floor"], 2);
    EXPECT_EQ(e["after"]["floor"], 3);
  }
}

// One name for the cursor: every list takes `cursor` and `limit` and answers `next_cursor`; no
// route takes the old `after` or `before`.
TEST_F(ApiAccess, EveryListIsPagedWithCursorAndLimit) {
  for (const auto& route : router_->routes()) {
    SCOPED_TRACE(route.method + " " + route.pattern);
    const auto& q = route.doc.query;
    auto has = [&q](const char* name) { return std::find(q.begin(), q.end(), name) != q.end(); };
    EXPECT_FALSE(has("after"));
    EXPECT_FALSE(has("before"));
    if (route.doc.list) {
      EXPECT_TRUE(has("cursor"));
      EXPECT_TRUE(has("limit"));
    }
  }
}

// The cursor walks a list without a gap or a repeat, on a stored list (households, by id) and on
// the audit log (newest first); a cursor that is not one is refused, naming the parameter.
TEST_F(ApiAccess, CursorsWalkStoredListsAndTheAuditLog) {
  for (const std::string path : {"/api/v1/households", "/api/v1/audit"}) {
    SCOPED_TRACE(path);
    std::vector<int64_t> seen;
    std::string cursor;
    for (int pages = 0; pages < 1000; ++pages) {
      auto resp =
          Call("admin", "GET", path + "?limit=2" + (cursor.empty() ? "" : "&cursor=" + cursor));
      ASSERT_EQ(resp.status, 200u) << resp.body;
      json body = json::parse(resp.body);
      EXPECT_LE(body["items"].size(), 2u);
      for (const auto& item : body["items"]) seen.push_back(item["id"].get<int64_t>());
      if (body["next_cursor"].is_null()) break;
      cursor = body["next_cursor"].get<std::string>();
    }
    ASSERT_GE(seen.size(), 2u);
    std::vector<int64_t> sorted = seen;
    std::sort(sorted.begin(), sorted.end());
    EXPECT_EQ(std::adjacent_find(sorted.begin(), sorted.end()), sorted.end()) << "a repeat";
    if (path == "/api/v1/audit") std::reverse(sorted.begin(), sorted.end());
    EXPECT_EQ(seen, sorted);
    auto all = Call("admin", "GET", path + "?limit=1000");
    EXPECT_EQ(json::parse(all.body)["items"].size(), seen.size()) << "a gap";
    auto bad = Call("admin", "GET", path + "?cursor=x1");
    EXPECT_EQ(bad.status, 400u);
    EXPECT_EQ(json::parse(bad.body)["error"]["field"], "cursor");
    auto old = Call("admin", "GET", path + "?after=1");
    EXPECT_EQ(old.status, 400u) << "the old name is gone";
  }
}

// R-TEMP-2 usage rates: every role; a company role sees its own company only.
TEST_F(ApiAccess, UsageRatesByRole) {
  struct Case {
    std::string role;
    unsigned status;
    size_t partitions;  // when 200
  };
  const Case cases[] = {{"admin", 200, 2}, {"regulator", 200, 2},  {"manager", 200, 1},
                        {"agent", 200, 1}, {"technician", 200, 1}, {"household", 403, 0},
                        {"", 401, 0}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.role);
    auto resp = Call(c.role, "GET", "/api/v1/usage-rates?by=partition");
    ASSERT_EQ(resp.status, c.status) << resp.body;
    if (c.status != 200) continue;
    auto items = json::parse(resp.body)["items"];
    ASSERT_EQ(items.size(), c.partitions);
    EXPECT_EQ(items[0]["partition_id"], ids_["a.partition"]);
    EXPECT_EQ(items[0]["rate_percent"], 100.0);
    EXPECT_EQ(items[0]["total_area_m2"], 90.0);
  }
  // A company is named by id or code; company staff naming another company are refused.
  auto other =
      Call("manager", "GET",
           "/api/v1/usage-rates?by=community&company_id=" + std::to_string(ids_["b.company"]));
  EXPECT_EQ(other.status, 403u) << other.body;
  EXPECT_EQ(json::parse(other.body)["error"]["field"], "company_id");
  auto by_code = Call("admin", "GET", "/api/v1/usage-rates?by=partition&company=no-such-code");
  EXPECT_EQ(by_code.status, 400u) << by_code.body;
  EXPECT_EQ(json::parse(by_code.body)["error"]["field"], "company");
  EXPECT_EQ(Call("admin", "GET", "/api/v1/usage-rates?by=street").status, 400u);
}

// The monthly reports (issue 13): admin and regulator every company, manager and agent their
// own, technician and household none (src/app/http/api_reports_test.cpp has the figures).
TEST_F(ApiAccess, ReportsByRole) {
  struct Case {
    std::string role;
    unsigned status;
    size_t companies;  // when 200
  };
  const Case cases[] = {{"admin", 200, 2}, {"regulator", 200, 2},  {"manager", 200, 1},
                        {"agent", 200, 1}, {"technician", 403, 0}, {"household", 403, 0},
                        {"", 401, 0}};
  for (const char* route : {"/api/v1/reports/hotline", "/api/v1/reports/indicators"}) {
    for (const auto& c : cases) {
      SCOPED_TRACE(std::string(route) + " " + c.role);
      auto resp = Call(c.role, "GET", std::string(route) + "?month=2026-01");
      ASSERT_EQ(resp.status, c.status) << resp.body;
      if (c.status == 200) {
        EXPECT_EQ(json::parse(resp.body)["companies"].size(), c.companies);
      }
    }
  }
}

}  // namespace
}  // namespace hearth::app::http
