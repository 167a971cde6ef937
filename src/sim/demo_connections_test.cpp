// ctest-labels: unit
// The demo city's connection applications (sim/demo_connections) on SQLite, through the real
// service and store, at a "now" on an ordinary working day and in the middle of the two long
// holidays (the Spring Festival's and National Day's): each company always has one decision
// overdue, one running, two met and one late, whatever days are off around now.
#include "sim/demo_connections.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "adapters/json/calendar_json.hpp"
#include "adapters/storage/connection_sql.hpp"
#include "adapters/storage/migrations.hpp"
#include "adapters/storage/record_store_sql.hpp"
#include "services/connection_service.hpp"
#include "sim/demo_city.hpp"
#include "support/test_database.hpp"
#include "support/test_policies.hpp"

namespace hearth::sim {
namespace {

using support::Engine;

const services::PolicyRegistry& Policies() {
  static const services::PolicyRegistry registry = *support::LoadPolicies();
  return registry;
}

// {company id -> the decision statuses of its applications at `now`}.
std::map<int64_t, std::multiset<std::string>> DecisionsAt(const char* now_text) {
  const Instant now = *ParseRfc3339(now_text);
  support::TestDatabase db(Engine::kSqlite);
  auto conn = adapters::storage::Connect(db.url());
  EXPECT_TRUE(conn.ok());
  EXPECT_TRUE(adapters::storage::Migrate(**conn).ok());
  adapters::storage::SqlRecordStore records(std::move(*conn));
  adapters::storage::SqlConnectionStore store(adapters::storage::Connect(db.url()).value());
  services::CalendarService calendar(adapters::json::EmbeddedCalendarFile(), /*store=*/nullptr);
  DemoOptions o;
  o.season = 2025;
  o.min_households = 600;
  auto city = GenerateDemoCity(records, Policies(), nullptr, o);
  EXPECT_TRUE(city.ok()) << city.error().message;
  auto made = GenerateDemoConnections(records, store, Policies(), calendar, now);
  EXPECT_TRUE(made.ok()) << made.error().message;
  if (!made.ok()) return {};
  EXPECT_EQ(made->applications, 5 * city->companies);

  ports::ManualClock clock(now);
  const services::ConnectionService service(store, records, Policies(), calendar, clock);
  const services::OrderActor admin{"admin", rules::Role::kAdmin, {}};
  auto list = service.List({}, admin);
  EXPECT_TRUE(list.ok());
  std::map<int64_t, std::multiset<std::string>> out;
  for (const auto& read : list.ok() ? *list : std::vector<services::ConnectionRead>{}) {
    out[read.record.company_id].insert(std::string(rules::DeadlineStatusName(read.decision, now)));
  }
  return out;
}

TEST(DemoConnections, EachCompanyHasOneOverdueWhateverTheHolidays) {
  const std::multiset<std::string> expected = {"late", "met", "met", "ok", "overdue"};
  for (const char* now : {"2026-12-02T10:00:00+08:00",    // a Wednesday
                          "2026-02-20T10:00:00+08:00",    // the Spring Festival, 15-23 Feb
                          "2026-10-06T10:00:00+08:00"}) {  // National Day, 1-8 Oct
    SCOPED_TRACE(now);
    const auto decisions = DecisionsAt(now);
    EXPECT_FALSE(decisions.empty());
    for (const auto& [company, statuses] : decisions) {
      EXPECT_EQ(statuses, expected) << "company " << company;
    }
  }
}

}  // namespace
}  // namespace hearth::sim
