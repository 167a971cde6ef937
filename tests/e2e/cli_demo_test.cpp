// ctest-labels: e2e
// ctest-cost: 600 (the debug build generates the demo city, some 7 minutes: start it first)
// `hearth demo` end to end: an empty database gets the demo city (20,000+ households) and its
// users, whose logins are printed and work (each company its own manager, agent and technician;
// a household with a sensor and an indoor cold spell, with fees for the simulated season); a
// database with companies is served as it is.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <thread>

#include "adapters/storage/sql.hpp"
#include "core/civil_time.hpp"
#include "sim/season_simulator.hpp"
#include "support/test_client.hpp"
#include "support/test_process.hpp"

namespace hearth::e2e {
namespace {

using support::TempDir;

using support::Bearer;
using support::Fetch;

// `hearth demo …` in the background with its stdout in a file; stopped with SIGTERM.
class DemoProcess {
 public:
  DemoProcess(const std::string& db, uint64_t seed, const TempDir& dir, const std::string& name,
              bool simulate = true)
      : port_(support::FreePort()), out_path_(dir / name) {
    int out = open(out_path_.c_str(), O_RDWR | O_CREAT | O_TRUNC, 0600);
    int err = dup(out);  // the log too: tests look for its lines
    std::vector<std::string> args{HEARTH_BINARY, "demo",
                                  "--db",        db,
                                  "--listen",    "127.0.0.1:" + std::to_string(port_),
                                  "--seed",      std::to_string(seed),
                                  "--policies",  std::string(HEARTH_SOURCE_DIR) + "/policies"};
    if (!simulate) args.push_back("--no-simulate");
    pid_ = support::Spawn(args, out, err);
    close(out);
    close(err);
  }
  ~DemoProcess() {
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
  }

  /// Waits until it serves (the city is generated before); false if it exited first.
  bool WaitUntilServing() {
    for (;;) {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) return false;
      try {
        if (Fetch(port_, "GET", "/healthz").status == 200) return true;
      } catch (const std::exception&) {
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
  std::string Out() const {
    std::ifstream in(out_path_);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  uint16_t port() const { return port_; }

 private:
  uint16_t port_;
  std::string out_path_;
  pid_t pid_ = 0;
};

int64_t Count(const std::string& db, const std::string& table) {
  auto conn = adapters::storage::Connect(db, false);
  return (*conn)->Query("SELECT COUNT(*) FROM " + table)->Int(0, 0);
}

TEST(DemoCli, GeneratesTheCityOnceAndItsLoginsWork) {
  TempDir dir;
  const std::string db = dir / "demo.db";
  int64_t households = 0;
  {
    DemoProcess demo(db, 5, dir, "first.txt");
    ASSERT_TRUE(demo.WaitUntilServing()) << demo.Out();
    const std::string out = demo.Out();
    std::smatch m;
    ASSERT_TRUE(std::regex_search(out, m,
                                  std::regex("Generated the demo city \\(seed 5\\): 2 "
                                             "companies, 6 districts, 18 seasons, .* ([0-9]+) "
                                             "households, ")))
        << out;
    households = std::stoll(m[1]);
    EXPECT_GE(households, 20000);
    EXPECT_EQ(Count(db, "households"), households);
    for (const char* login :
         {"demo-admin / hearth-demo-city  (admin, all companies)",
          "demo-regulator / hearth-demo-city  (regulator, all companies)",
          "demo-weihai-heat-manager / hearth-demo-city  (manager, company weihai-heat)",
          "demo-weihai-heat-agent / hearth-demo-city  (agent, company weihai-heat)",
          "demo-weihai-heat-technician / hearth-demo-city  (technician, company weihai-heat)",
          "demo-zibo-heat-manager / hearth-demo-city  (manager, company zibo-heat)",
          "demo-zibo-heat-agent / hearth-demo-city  (agent, company zibo-heat)",
          "demo-zibo-heat-technician / hearth-demo-city  (technician, company zibo-heat)",
          "demo-household / hearth-demo-city  (household, household "}) {
      EXPECT_NE(out.find(std::string("  ") + login), std::string::npos) << login << "\n" << out;
    }
    // Each company's staff see their own company only.
    for (const char* company : {"weihai-heat", "zibo-heat"}) {
      for (const char* role : {"manager", "agent", "technician"}) {
        const std::string user = std::string("demo-") + company + "-" + role;
        auto r = Fetch(demo.port(), "POST", "/api/v1/auth/login",
                       nlohmann::json{{"username", user}, {"password", "hearth-demo-city"}}.dump());
        ASSERT_EQ(r.status, 200u) << user << ": " << r.body;
        auto companies = Fetch(demo.port(), "GET", "/api/v1/companies", "",
                               Bearer(nlohmann::json::parse(r.body)["token"]));
        ASSERT_EQ(companies.status, 200u) << companies.body;
        auto items = nlohmann::json::parse(companies.body)["items"];
        ASSERT_EQ(items.size(), 1u) << user;
        EXPECT_EQ(items[0]["code"], company) << user;
      }
    }
    // The printed logins log in; the household user sees its own household only.
    auto login = Fetch(demo.port(), "POST", "/api/v1/auth/login",
                       R"({"username":"demo-household","password":"hearth-demo-city"})");
    ASSERT_EQ(login.status, 200u) << login.body;
    std::string token = nlohmann::json::parse(login.body)["token"];
    auto mine = Fetch(demo.port(), "GET", "/api/v1/households", "", Bearer(token));
    ASSERT_EQ(mine.status, 200u) << mine.body;
    auto my_items = nlohmann::json::parse(mine.body)["items"];
    ASSERT_EQ(my_items.size(), 1u);
    const int64_t household = my_items[0]["id"];
    // Household-caused findings (R-REFUND-4): per company one acknowledged, one disputed (the
    // first company's upheld) and one open; and an open one on the household login's household,
    // which it may acknowledge or dispute.
    EXPECT_TRUE(std::regex_search(out, std::regex("Recorded 7 household-caused findings: 2 "
                                                  "acknowledged, 2 disputed, 1 upheld")))
        << out;
    auto findings = Fetch(demo.port(), "GET", "/api/v1/findings", "", Bearer(token));
    ASSERT_EQ(findings.status, 200u) << findings.body;
    const auto found = nlohmann::json::parse(findings.body)["items"];
    ASSERT_FALSE(found.empty()) << findings.body;
    EXPECT_EQ(found[0]["household_id"], household);
    EXPECT_EQ(found[0]["kind"], "own-installation");
    EXPECT_EQ(found[0]["actions"], (nlohmann::json{"acknowledge", "dispute"}));
    // Insurance claims (R-INS-1) in every state; the household login's is agreed, awaiting
    // payment, and it sees it. The companies' public pages answer without a token (R-INFO-1).
    EXPECT_TRUE(std::regex_search(out, std::regex("Recorded 11 insurance claims: 3 agreed, 2 "
                                                  "paid, 2 rejected")))
        << out;
    auto claims = Fetch(demo.port(), "GET", "/api/v1/insurance-claims", "", Bearer(token));
    ASSERT_EQ(claims.status, 200u) << claims.body;
    const auto claimed = nlohmann::json::parse(claims.body)["items"];
    ASSERT_EQ(claimed.size(), 1u) << claims.body;
    EXPECT_EQ(claimed[0]["state"], "agreed");
    EXPECT_EQ(claimed[0]["deadlines"]["payout"]["status"], "ok");
    auto pub = Fetch(demo.port(), "GET", "/api/v1/public/companies/weihai-heat");
    ASSERT_EQ(pub.status, 200u) << pub.body;
    EXPECT_EQ(nlohmann::json::parse(pub.body)["contacts"].size(), 4u) << pub.body;
    // Connection applications (R-CONN-1) over the last months, per company: one overdue, one
    // running, one approved and visited back, one refused with its visit owed, one approved late.
    EXPECT_TRUE(std::regex_search(out, std::regex("Took in 10 connection applications: 4 "
                                                  "approved, 2 refused, 2 visited back")))
        << out;
    auto hall = Fetch(demo.port(), "POST", "/api/v1/auth/login",
                      R"({"username":"demo-weihai-heat-manager","password":"hearth-demo-city"})");
    ASSERT_EQ(hall.status, 200u) << hall.body;
    const std::string manager = nlohmann::json::parse(hall.body)["token"];
    auto applications = Fetch(demo.port(), "GET", "/api/v1/connections", "", Bearer(manager));
    ASSERT_EQ(applications.status, 200u) << applications.body;
    std::multiset<std::string> decisions;
    const auto taken_in = nlohmann::json::parse(applications.body)["items"];
    for (const auto& a : taken_in) {
      decisions.insert(a["deadlines"]["decision"]["status"].get<std::string>());
    }
    EXPECT_EQ(decisions, (std::multiset<std::string>{"late", "met", "met", "ok", "overdue"}))
        << applications.body;
    auto owed = Fetch(demo.port(), "GET", "/api/v1/connections?visited=false", "", Bearer(manager));
    EXPECT_EQ(nlohmann::json::parse(owed.body)["items"].size(), 2u) << owed.body;
    // 增减停复 (R-ACCT-1) this week, per company: a stop approved and settled pro rata (a
    // credit), an increase waiting for its area survey, a decrease refused, a resumption waiting
    // for the decision.
    EXPECT_TRUE(std::regex_search(out, std::regex("Took in 8 applications to change heating: 2 "
                                                  "approved, 2 refused, 4 pending")))
        << out;
    auto changes = Fetch(demo.port(), "GET", "/api/v1/heating-changes", "", Bearer(manager));
    ASSERT_EQ(changes.status, 200u) << changes.body;
    std::multiset<std::string> kinds;
    const auto changed = nlohmann::json::parse(changes.body)["items"];
    for (const auto& c : changed) {
      kinds.insert(c["kind"].get<std::string>() + " " + c["state"].get<std::string>());
      // Settled pro rata by area (a credit); a household billed by meter is settled by its meter.
      if (c["state"] == "approved" && c["billing"] == "area") {
        EXPECT_EQ(c["settlement"]["amount"].get<std::string>().substr(0, 1), "-") << c;
      } else if (c["state"] == "approved") {
        EXPECT_TRUE(c["settlement"].is_null()) << c;
      }
    }
    // With the stop for arrears (below), an approved stop naming its fee.
    EXPECT_EQ(kinds, (std::multiset<std::string>{"decrease refused", "increase received",
                                                 "resume received", "stop approved",
                                                 "stop approved"}))
        << changes.body;
    // The last whole season's bills (R-BILL-1): the meters billed by their readings, a faulty or
    // unread one by area saying why (W 10.3 (10.3 c)); most area-billed households had their fee.
    std::smatch billed;
    ASSERT_TRUE(std::regex_search(
        out, billed,
        std::regex(
            "Billed the \\d+ season: (\\d+) households without a fee \\((\\d+) meter "
            "readings, (\\d+) meters billed by area for a fault or no reading\\); (\\d+) had")))
        << out;
    EXPECT_GT(std::stoi(billed[1]), 0);
    EXPECT_GT(std::stoi(billed[3]), 0);
    EXPECT_GT(std::stoi(billed[4]), 0);
    auto bills = Fetch(demo.port(), "GET", "/api/v1/bills?limit=1000", "", Bearer(manager));
    ASSERT_EQ(bills.status, 200u) << bills.body;
    const auto bill_items = nlohmann::json::parse(bills.body)["items"];
    std::set<std::string> bases;
    int reliefs = 0;  // W 9.3: the 低保 and 特困 households' relief lines
    for (const auto& b : bill_items) {
      bases.insert(b["basis"].get<std::string>() + (b["basis_reason"] == "" ? "" : " (why)"));
      for (const auto& line : b["lines"]) reliefs += line["code"] == "relief";
    }
    EXPECT_GT(reliefs, 0);
    // By meter, and by area saying why; an area-billed household without a fee yet (one
    // resumed this week) is billed too.
    EXPECT_TRUE(bases.count("meter") && bases.count("area (why)")) << bill_items.size();
    // Arrears (W 9.2.2) per company: one stopped after two proven reminders and the week to
    // pay, one that may be stopped in 5 days, one with an SMS waiting for the gateway.
    EXPECT_TRUE(std::regex_search(out, std::regex("Reminded households in arrears 10 times; "
                                                  "stopped heat for 2 of them")))
        << out;
    auto arrears = Fetch(demo.port(), "GET", "/api/v1/arrears?limit=1000", "", Bearer(manager));
    ASSERT_EQ(arrears.status, 200u) << arrears.body;
    int arrears_stops = 0, may_stop = 0, pending = 0;
    const auto overdue = nlohmann::json::parse(arrears.body)["items"];
    for (const auto& f : overdue) {
      arrears_stops += f["stop_heating_change_id"].is_null() ? 0 : 1;
      may_stop += f["reminders_proven"] == 2 && f["stop_heating_change_id"].is_null();
      for (const auto& r : f["reminders"]) pending += r["delivery"] == "pending";
    }
    EXPECT_EQ(arrears_stops, 1) << arrears.body.substr(0, 2000);
    EXPECT_EQ(may_stop, 1);
    EXPECT_EQ(pending, 1);
    EXPECT_GT(overdue.size(), 3u);
    // Heat-meter disputes (R-METER-1) per company: a failed meter (the company pays, the
    // household billed by area), a passed one (the household pays), the company's own open.
    EXPECT_TRUE(std::regex_search(out, std::regex("Recorded 6 heat-meter disputes: 2 meters "
                                                  "failed, 2 passed, 2 open")))
        << out;
    auto disputes =
        Fetch(demo.port(), "GET", "/api/v1/meter-disputes?state=calibrated", "", Bearer(manager));
    ASSERT_EQ(disputes.status, 200u) << disputes.body;
    const auto calibrated = nlohmann::json::parse(disputes.body)["items"];
    ASSERT_EQ(calibrated.size(), 2u) << disputes.body;
    EXPECT_EQ(calibrated[0]["payer"], "household");  // newest first: the passed one
    EXPECT_EQ(calibrated[1]["billing"]["by_area"], true);
    // Dispatch reports of fuel (R-ENERGY-1): the season before the shown one, whole, has a gap
    // day and a low-reserve spell for each company, as the regulator sees them.
    std::smatch filed;
    ASSERT_TRUE(std::regex_search(out, filed,
                                  std::regex("Filed [0-9]+ daily dispatch reports of fuel since "
                                             "the ([0-9]+) season: [0-9]+ days without one, "
                                             "[0-9]+ below the reserve")))
        << out;
    auto gov = Fetch(demo.port(), "POST", "/api/v1/auth/login",
                     R"({"username":"demo-regulator","password":"hearth-demo-city"})");
    ASSERT_EQ(gov.status, 200u) << gov.body;
    auto flags = Fetch(demo.port(), "GET", "/api/v1/energy/flags?season=" + filed[1].str(), "",
                       Bearer(nlohmann::json::parse(gov.body)["token"]));
    ASSERT_EQ(flags.status, 200u) << flags.body;
    const auto flagged = nlohmann::json::parse(flags.body)["companies"];
    ASSERT_EQ(flagged.size(), 2u) << flags.body;
    for (const auto& c : flagged) {
      EXPECT_EQ(c["missing_days"].size(), 1u) << c.dump();
      EXPECT_FALSE(c["low_spells"].empty()) << c.dump();
    }
    // Issue 15's demo: stops of both kinds, among them a late notice and an overrun, as the
    // regulator reads them; and two companies whose scores differ over that whole season.
    const std::string gov_token = nlohmann::json::parse(gov.body)["token"];
    std::smatch stops_line;
    ASSERT_TRUE(std::regex_search(out, stops_line,
                                  std::regex("Recorded [0-9]+ heating stops since the [0-9]+ "
                                             "season: [0-9]+ notices, ([0-9]+) with a notice "
                                             "late, ([0-9]+) overrunning")))
        << out;
    EXPECT_GT(std::stoi(stops_line[1].str()), 0);
    EXPECT_GT(std::stoi(stops_line[2].str()), 0);
    auto stops = Fetch(demo.port(), "GET", "/api/v1/outages?limit=1000", "", Bearer(gov_token));
    ASSERT_EQ(stops.status, 200u) << stops.body;
    std::set<std::string> stop_kinds;
    bool late = false, overrun = false;
    const auto stop_items = nlohmann::json::parse(stops.body)["items"];
    for (const auto& o : stop_items) {
      stop_kinds.insert(o["kind"].get<std::string>());
      late = late || o["notice_late"].get<bool>();
      overrun = overrun || o["overrun"].get<bool>();
    }
    EXPECT_EQ(stop_kinds, (std::set<std::string>{"emergency", "planned"}));
    EXPECT_TRUE(late);
    EXPECT_TRUE(overrun);
    const int season = std::stoi(filed[1].str());
    auto compared =
        Fetch(demo.port(), "GET",
              "/api/v1/regulator/companies?from=" + std::to_string(season) + "-11-15&to=" +
                  std::to_string(season + 1) + "-03-15&policy=weihai&pool_fen=10000000",
              "", Bearer(gov_token));
    ASSERT_EQ(compared.status, 200u) << compared.body;
    const auto companies = nlohmann::json::parse(compared.body)["companies"];
    ASSERT_EQ(companies.size(), 2u);
    EXPECT_NE(companies[0]["score"]["hundredths"], companies[1]["score"]["hundredths"])
        << companies.dump();
    // Its household has a sensor, a fee for every season of the city (the simulated one among
    // them), and lives in a building with an indoor cold spell in the simulated seasons.
    auto conn = adapters::storage::Connect(db, false);
    const std::string h = std::to_string(household);
    EXPECT_EQ((*conn)
                  ->Query("SELECT COUNT(*) FROM sensors s JOIN rooms m ON m.id = s.room_id "
                          "WHERE m.household_id = " +
                          h)
                  ->Int(0, 0),
              1);
    EXPECT_EQ((*conn)
                  ->Query("SELECT COUNT(*) FROM fees f JOIN seasons s ON s.season = "
                          "f.season JOIN households x ON x.id = f.household_id "
                          "WHERE f.household_id = " +
                          h +
                          " AND s.district_id = (SELECT "
                          "b.district_id FROM partitions p JOIN buildings b ON b.id = "
                          "p.building_id WHERE p.id = x.partition_id)")
                  ->Int(0, 0),
              3);
    sim::SimOptions sim;
    sim.seed = 5;
    const int64_t building = (*conn)
                                 ->Query(
                                     "SELECT p.building_id FROM households x JOIN "
                                     "partitions p ON p.id = x.partition_id WHERE x.id = " +
                                     h)
                                 ->Int(0, 0);
    EXPECT_TRUE(sim::HasColdSpell(sim, building)) << "building " << building;
    // The season simulator feeds the sensors' readings from the season's start (issue 5). Polled:
    // the backfill runs beside the server.
    int64_t readings = 0;
    for (int i = 0; i < 600 && readings == 0; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      readings = Count(db, "readings");
    }
    EXPECT_GT(readings, 0);
  }
  {
    // Started again, the simulator resumes at the start of the newest day with readings instead
    // of sending the season again from its first day.
    auto conn = adapters::storage::Connect(db, false);
    const int64_t newest = (*conn)->Query("SELECT MAX(ts) FROM readings")->Int(0, 0);
    const std::string expected =
        "simulator: sending from " +
        FormatLocal(StartOfLocalDay(LocalDate(Instant{std::chrono::seconds{newest}})));
    DemoProcess demo(db, 5, dir, "resumed.txt");
    ASSERT_TRUE(demo.WaitUntilServing()) << demo.Out();
    // The simulator starts beside the server, so its line may come after the first answer.
    bool logged = false;
    for (int i = 0; i < 300 && !logged; ++i) {
      logged = demo.Out().find(expected) != std::string::npos;
      if (!logged) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    EXPECT_TRUE(logged) << expected << "\n" << demo.Out();
  }
  {
    // A database with companies is served as it is: nothing generated, nothing printed of it.
    DemoProcess demo(db, 6, dir, "second.txt", /*simulate=*/false);
    ASSERT_TRUE(demo.WaitUntilServing()) << demo.Out();
    EXPECT_EQ(demo.Out().find("Generated"), std::string::npos) << demo.Out();
    EXPECT_EQ(Count(db, "households"), households);
    EXPECT_EQ(Count(db, "users"), 9);
  }
}

}  // namespace
}  // namespace hearth::e2e
