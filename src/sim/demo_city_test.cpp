// The demo city's invariants (counts, floors, orientations, network positions, sensors, seasons,
// fees, users) on SQLite and PostgreSQL, and its determinism for a seed.
#include "sim/demo_city.hpp"

#include <gtest/gtest.h>

#include "adapters/clock/system_clock.hpp"
#include "adapters/storage/migrations.hpp"
#include "adapters/storage/record_store_sql.hpp"
#include "adapters/storage/user_store_sql.hpp"
#include "core/decimal.hpp"
#include "sim/season_simulator.hpp"
#include "support/test_credentials.hpp"
#include "support/test_database.hpp"
#include "support/test_policies.hpp"

namespace hearth::sim {
namespace {

using support::Engine;
using support::EngineName;

const services::PolicyRegistry& Policies() {
  static const services::PolicyRegistry registry = *support::LoadPolicies();
  return registry;
}

// A migrated database with a record store, a user store and the auth service over them.
class Db {
 public:
  explicit Db(Engine engine) : db_(engine), url_(db_.url()) {
    auto conn = adapters::storage::Connect(url_);
    EXPECT_TRUE(conn.ok());
    EXPECT_TRUE(adapters::storage::Migrate(**conn).ok());
    records_ = std::make_unique<adapters::storage::SqlRecordStore>(std::move(*conn));
    users_ =
        std::make_unique<adapters::storage::SqlUserStore>(adapters::storage::Connect(url_).value());
    auth_ = std::make_unique<services::AuthService>(*users_, clock_, support::CheapHasher(),
                                                    support::Tokens());
    query_ = adapters::storage::Connect(url_).value();
  }
  ~Db() {
    auth_.reset();
    users_.reset();
    records_.reset();
    query_.reset();
  }

  Result<DemoSummary> Generate(uint64_t seed, int64_t households, bool with_users = true,
                               int season = 2025) {
    DemoOptions o;
    o.seed = seed;
    o.season = season;
    o.min_households = households;
    return GenerateDemoCity(*records_, Policies(), with_users ? auth_.get() : nullptr, o);
  }

  adapters::storage::Rows Sql(const std::string& sql) {
    auto rows = query_->Query(sql);
    EXPECT_TRUE(rows.ok()) << sql << ": " << rows.error().detail;
    return rows.ok() ? *rows : adapters::storage::Rows{};
  }
  int64_t Int(const std::string& sql) { return Sql(sql).Int(0, 0); }
  // Every row of a query as one text, for comparing cities.
  std::string Dump(const std::string& sql) {
    std::string out;
    auto rows = Sql(sql);
    for (size_t r = 0; r < rows.rows.size(); ++r) {
      for (size_t c = 0; c < rows.columns.size(); ++c) out += rows.Text(r, c) + "|";
      out += "\n";
    }
    return out;
  }

  services::AuthService& auth() { return *auth_; }
  adapters::storage::SqlRecordStore& records() { return *records_; }

 private:
  support::TestDatabase db_;
  std::string url_;
  adapters::clock::SystemClock clock_;
  std::unique_ptr<adapters::storage::SqlRecordStore> records_;
  std::unique_ptr<adapters::storage::SqlUserStore> users_;
  std::unique_ptr<services::AuthService> auth_;
  std::unique_ptr<adapters::storage::Connection> query_;
};

class DemoCityTest : public ::testing::TestWithParam<Engine> {};

TEST_P(DemoCityTest, Invariants) {
  Db db(GetParam());
  auto empty = HasNoCompanies(db.records());
  ASSERT_TRUE(empty.ok() && *empty);
  constexpr int64_t kHouseholds = 1500;
  auto city = db.Generate(11, kHouseholds);
  ASSERT_TRUE(city.ok()) << city.error().message << " " << city.error().detail;
  EXPECT_FALSE(*HasNoCompanies(db.records()));

  // Two companies, one per profile, each licensed in its three districts.
  EXPECT_EQ(db.Dump("SELECT policy FROM companies ORDER BY policy"), "weihai|\nzibo|\n");
  EXPECT_EQ(db.Int("SELECT COUNT(*) FROM districts"), 6);
  EXPECT_EQ(db.Int("SELECT COUNT(*) FROM licensed_districts"), 6);
  EXPECT_EQ(db.Int("SELECT COUNT(DISTINCT company_id) FROM licensed_districts"), 2);

  // Counts as summarised, and at least the households asked for, in each company.
  EXPECT_EQ(city->households, db.Int("SELECT COUNT(*) FROM households"));
  EXPECT_GE(city->households, kHouseholds);
  EXPECT_GE(db.Int("SELECT MIN(n) FROM (SELECT COUNT(*) AS n FROM households "
                   "GROUP BY company_id) x"),
            kHouseholds / 2);
  EXPECT_EQ(city->rooms, db.Int("SELECT COUNT(*) FROM rooms"));
  EXPECT_EQ(city->buildings, db.Int("SELECT COUNT(*) FROM buildings"));
  EXPECT_EQ(city->partitions, db.Int("SELECT COUNT(*) FROM partitions"));

  // R-SEASON-1: three seasons per district with the profile's dates; one early start, one
  // extension.
  EXPECT_EQ(db.Int("SELECT COUNT(*) FROM seasons"), 18);
  EXPECT_EQ(db.Dump("SELECT DISTINCT season, official_start, official_end FROM seasons "
                    "ORDER BY season"),
            "2024|2024-11-15|2025-03-15|\n2025|2025-11-15|2026-03-15|\n"
            "2026|2026-11-15|2027-03-15|\n");
  EXPECT_EQ(db.Dump("SELECT d.code, s.season, s.early_start FROM seasons s JOIN districts d "
                    "ON d.id = s.district_id WHERE s.early_start IS NOT NULL"),
            "weihai-huancui|2025|2025-11-08|\n");
  EXPECT_EQ(db.Dump("SELECT d.code, s.season, s.extension_end FROM seasons s JOIN districts "
                    "d ON d.id = s.district_id WHERE s.extension_end IS NOT NULL"),
            "zibo-zhangdian|2025|2026-03-25|\n");

  // Buildings of 2-33 floors; households on real floors, both orientations in every company.
  EXPECT_GE(db.Int("SELECT MIN(floors) FROM buildings"), 2);
  EXPECT_LE(db.Int("SELECT MAX(floors) FROM buildings"), 33);
  EXPECT_GE(db.Int("SELECT MAX(floors) FROM buildings"), 19) << "some high-rises";
  EXPECT_EQ(db.Int("SELECT COUNT(*) FROM households h JOIN partitions p ON p.id = h.partition_id "
                   "JOIN buildings b ON b.id = p.building_id WHERE h.floor < 1 OR "
                   "h.floor > b.floors"),
            0);
  EXPECT_EQ(db.Int("SELECT COUNT(*) FROM (SELECT company_id FROM households GROUP BY company_id "
                   "HAVING COUNT(DISTINCT orientation) = 2) x"),
            2);
  EXPECT_EQ(db.Int("SELECT COUNT(*) FROM buildings WHERE id NOT IN "
                   "(SELECT building_id FROM partitions)"),
            0);

  // R-SAMPLE-2: near, middle and far in every substation, by thirds of pipe distance.
  EXPECT_EQ(db.Int("SELECT COUNT(*) FROM (SELECT substation_id FROM buildings GROUP BY "
                   "substation_id HAVING COUNT(DISTINCT network_position) <> 3) x"),
            0);
  EXPECT_EQ(db.Int("SELECT COUNT(*) FROM buildings a JOIN buildings b ON "
                   "a.substation_id = b.substation_id WHERE a.network_position = 'near' AND "
                   "b.network_position = 'far' AND a.pipe_distance_m > b.pipe_distance_m"),
            0);

  // R-TEMP-3: every household has bedrooms and one living room.
  EXPECT_EQ(db.Int("SELECT COUNT(*) FROM households h WHERE (SELECT COUNT(*) FROM rooms m WHERE "
                   "m.household_id = h.id AND m.kind = 'living') <> 1 OR NOT EXISTS (SELECT 1 "
                   "FROM rooms m WHERE m.household_id = h.id AND m.kind = 'bedroom')"),
            0);

  // About 5% of the households have a sensor, in a bedroom, one each.
  const int64_t sensors = db.Int("SELECT COUNT(*) FROM sensors");
  EXPECT_EQ(sensors, city->sensors);
  EXPECT_EQ(sensors, (city->households * 5 + 50) / 100);
  EXPECT_EQ(db.Int("SELECT COUNT(*) FROM sensors s JOIN rooms m ON m.id = s.room_id WHERE "
                   "m.kind <> 'bedroom'"),
            0);
  EXPECT_EQ(db.Int("SELECT COUNT(DISTINCT m.household_id) FROM sensors s JOIN rooms m ON "
                   "m.id = s.room_id"),
            sensors);
  EXPECT_EQ(db.Int("SELECT COUNT(DISTINCT h.company_id) FROM sensors s JOIN rooms m ON "
                   "m.id = s.room_id JOIN households h ON h.id = m.household_id"),
            2);

  // R-INFO-1: each company publishes a hotline, a repair line, a supervision line and a hall.
  EXPECT_EQ(db.Dump("SELECT kind, COUNT(*) FROM service_contacts GROUP BY kind ORDER BY kind"),
            "hall|2|\nhotline|2|\nrepair|2|\nsupervision|2|\n");

  // R-BILL-1: area tariffs at Shandong prices; a fee for each season of the city (so that the
  // simulator's season has refunds whichever it is) of every heated household billed by area, its
  // area times the price, rounded to the fen, due at the season's official start.
  EXPECT_EQ(db.Int("SELECT COUNT(*) FROM tariffs WHERE billing = 'area' AND price BETWEEN 2200 "
                   "AND 2400"),
            2);
  EXPECT_EQ(db.Int("SELECT COUNT(*) FROM fees"),
            3 * db.Int("SELECT COUNT(*) FROM households WHERE billing = 'area' AND "
                       "heating_status = 'heated'"));
  EXPECT_EQ(city->fees, db.Int("SELECT COUNT(*) FROM fees"));
  EXPECT_EQ(db.Dump("SELECT DISTINCT f.season, f.due_on FROM fees f JOIN households h "
                    "ON h.id = f.household_id JOIN companies c ON c.id = h.company_id WHERE "
                    "c.policy = 'weihai' ORDER BY 1"),
            "2024|2024-11-15|\n2025|2025-11-15|\n2026|2026-11-15|\n");
  EXPECT_EQ(db.Int("SELECT COUNT(*) FROM (SELECT household_id FROM fees GROUP BY household_id "
                   "HAVING COUNT(DISTINCT season) <> 3) x"),
            0);
  auto fees = db.Sql(
      "SELECT f.amount, h.area_m2, t.price FROM fees f JOIN households h ON h.id = "
      "f.household_id JOIN tariffs t ON t.company_id = h.company_id AND t.billing = 'area'");
  ASSERT_FALSE(fees.empty());
  for (size_t i = 0; i < fees.rows.size(); ++i) {
    EXPECT_EQ(fees.Int(i, 0),
              static_cast<int64_t>(RoundDiv(Int128{fees.Int(i, 1)} * fees.Int(i, 2), 100)));
  }

  // The demo users, who can log in: each company has its own manager, agent and technician.
  ASSERT_EQ(city->logins.size(), 9u);
  for (const auto& login : city->logins) {
    SCOPED_TRACE(login.username);
    EXPECT_TRUE(db.auth().Login(login.username, login.password).ok());
  }
  EXPECT_EQ(db.Dump("SELECT u.username, u.role, c.code FROM users u LEFT JOIN companies c ON "
                    "c.id = u.company_id ORDER BY u.id"),
            "demo-admin|admin||\ndemo-regulator|regulator||\n"
            "demo-weihai-heat-manager|manager|weihai-heat|\n"
            "demo-weihai-heat-agent|agent|weihai-heat|\n"
            "demo-weihai-heat-technician|technician|weihai-heat|\n"
            "demo-zibo-heat-manager|manager|zibo-heat|\ndemo-zibo-heat-agent|agent|zibo-heat|\n"
            "demo-zibo-heat-technician|technician|zibo-heat|\ndemo-household|household||\n");
  EXPECT_EQ(db.Int("SELECT COUNT(*) FROM audit_log WHERE resource = 'users' AND action = "
                   "'create' AND actor = 'demo' AND after_json NOT LIKE '%argon2%'"),
            9);

  // The household login has a sensor and a fee each season; its building has an indoor cold
  // spell in the simulated seasons whenever a building with such households has one.
  const std::string login_household =
      "(SELECT household_id FROM users WHERE username = 'demo-household')";
  EXPECT_EQ(db.Int("SELECT COUNT(*) FROM sensors s JOIN rooms m ON m.id = s.room_id WHERE "
                   "m.household_id = " +
                   login_household),
            1);
  EXPECT_EQ(db.Int("SELECT COUNT(*) FROM fees WHERE household_id = " + login_household), 3);
  SimOptions sim;
  sim.seed = 11;
  const int64_t building = db.Int(
      "SELECT p.building_id FROM households h JOIN partitions p ON p.id = h.partition_id "
      "WHERE h.id = " +
      login_household);
  auto candidates = db.Sql(
      "SELECT DISTINCT p.building_id FROM households h JOIN partitions p ON p.id = "
      "h.partition_id WHERE h.billing = 'area' AND h.heating_status = 'heated'");
  bool any_spell = false;
  for (size_t i = 0; i < candidates.rows.size(); ++i) {
    any_spell = any_spell || HasColdSpell(sim, candidates.Int(i, 0));
  }
  EXPECT_EQ(HasColdSpell(sim, building), any_spell);

  // Every record came with its audit entry, by the demo.
  EXPECT_EQ(db.Int("SELECT COUNT(*) FROM audit_log WHERE actor <> 'demo'"), 0);
  EXPECT_EQ(db.Int("SELECT COUNT(*) FROM audit_log WHERE resource = 'households'"),
            city->households);
}

// The city is built around the season it shows: that one, the one before and the one after, each
// with its fees; the early start and the extension are in the season shown.
TEST_P(DemoCityTest, AroundTheSeasonShown) {
  Db db(GetParam());
  ASSERT_TRUE(db.Generate(3, 100, false, 2027).ok());
  EXPECT_EQ(db.Dump("SELECT DISTINCT season FROM seasons ORDER BY 1"), "2026|\n2027|\n2028|\n");
  EXPECT_EQ(db.Dump("SELECT DISTINCT season FROM fees ORDER BY 1"), "2026|\n2027|\n2028|\n");
  EXPECT_EQ(db.Dump("SELECT season FROM seasons WHERE early_start IS NOT NULL OR "
                    "extension_end IS NOT NULL"),
            "2027|\n2027|\n");
  // R-SEASON-1: the two announcements of each district's season shown and the one before, a
  // week ahead, but for one missing (zichuan's start of heating) and one on the day (wendeng's).
  EXPECT_EQ(db.Int("SELECT COUNT(*) FROM season_announcements"), 6 * 2 * 2 - 1);
  EXPECT_EQ(db.Dump("SELECT d.code, a.kind, a.published_on FROM season_announcements a "
                    "JOIN districts d ON d.id = a.district_id WHERE a.season = 2027 AND "
                    "a.kind = 'heating_start' ORDER BY d.code"),
            "weihai-huancui|heating_start|2027-11-01|\n"
            "weihai-rongcheng|heating_start|2027-11-08|\n"
            "weihai-wendeng|heating_start|2027-11-15|\n"
            "zibo-zhangdian|heating_start|2027-11-08|\n"
            "zibo-zhoucun|heating_start|2027-11-08|\n");
  EXPECT_EQ(db.Dump("SELECT DISTINCT decision_ref IS NOT NULL FROM seasons WHERE early_start IS "
                    "NOT NULL OR extension_end IS NOT NULL"),
            "1|\n");
  EXPECT_EQ(db.Dump("SELECT DISTINCT installed_on FROM sensors"), "2026-10-16|\n");
}

TEST_P(DemoCityTest, OnlyIntoADatabaseWithoutCompanies) {
  Db db(GetParam());
  ASSERT_TRUE(db.Generate(3, 100, false).ok());
  const int64_t households = db.Int("SELECT COUNT(*) FROM households");
  const int64_t audit = db.Int("SELECT COUNT(*) FROM audit_log");
  auto again = db.Generate(3, 100, false);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kAlreadyExists);
  EXPECT_EQ(db.Int("SELECT COUNT(*) FROM households"), households) << "nothing half-written";
  EXPECT_EQ(db.Int("SELECT COUNT(*) FROM audit_log"), audit);
}

INSTANTIATE_TEST_SUITE_P(Engines, DemoCityTest,
                         ::testing::Values(Engine::kSqlite, Engine::kPostgres), EngineName);

TEST(DemoCity, TheSameSeedGivesTheSameCity) {
  const std::string households =
      "SELECT code, partition_id, address, area_m2, floor, orientation, billing, agreed_temp, "
      "heating_status, phone, id_number FROM households ORDER BY id";
  const std::string buildings =
      "SELECT code, community, floors, pipe_distance_m, network_position FROM buildings ORDER BY "
      "id";
  const std::string sensors =
      "SELECT s.code, h.code FROM sensors s JOIN rooms m ON m.id = s.room_id JOIN households h "
      "ON h.id = m.household_id ORDER BY s.id";
  Db a(Engine::kSqlite), b(Engine::kSqlite), c(Engine::kSqlite);
  ASSERT_TRUE(a.Generate(7, 800, false).ok());
  ASSERT_TRUE(b.Generate(7, 800, false).ok());
  ASSERT_TRUE(c.Generate(8, 800, false).ok());
  for (const auto& q : {households, buildings, sensors}) {
    SCOPED_TRACE(q);
    EXPECT_EQ(a.Dump(q), b.Dump(q));
    EXPECT_NE(a.Dump(q), c.Dump(q));
  }
}

TEST(DemoCity, NeedsBothProfiles) {
  Db db(Engine::kSqlite);
  DemoOptions o;
  auto city = GenerateDemoCity(db.records(), services::PolicyRegistry{}, nullptr, o);
  ASSERT_FALSE(city.ok());
  EXPECT_EQ(city.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_NE(city.error().message.find("policy profile 'weihai'"), std::string::npos);
  EXPECT_TRUE(*HasNoCompanies(db.records()));
}

}  // namespace
}  // namespace hearth::sim
