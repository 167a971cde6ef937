// ctest-labels: e2e
// `hearth refunds run` end to end: the run's summary on stdout; bad flags on stderr, exit 2.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "adapters/storage/migrations.hpp"
#include "support/test_process.hpp"
#include "support/test_sensors.hpp"

namespace hearth::e2e {
namespace {

using support::RunHearth;

TEST(RefundsCli, RunsASeasonAndRefusesBadFlags) {
  support::TempDir dir;
  const std::string db = dir / "h.db";
  {
    auto conn = adapters::storage::Connect(db);
    ASSERT_TRUE(conn.ok());
    ASSERT_TRUE(adapters::storage::Migrate(**conn).ok());
    adapters::storage::SqlRecordStore records(std::move(*conn));
    auto city = support::MakeSensorCity(records, "c1", 0, "S-");
    ASSERT_TRUE(records.Create(*model::FindResource("fees"),
                               {{"household_id", city.household_id},
                                {"season", int64_t{2025}},
                                {"amount", int64_t{264000}},
                                {"due_on", "2025-11-15"}},
                               {}, "setup").ok());
    support::MakeSensorCity(records, "c2", 0, "T-");  // no fee: counted, not entered
  }
  const std::string policies = std::string(HEARTH_SOURCE_DIR) + "/policies";
  auto run = RunHearth({"refunds", "run", "--season", "2025", "--db", db, "--policies", policies});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  auto out = nlohmann::json::parse(run.out);
  EXPECT_EQ(out["households"], 2);
  EXPECT_EQ(out["written"], 1);
  EXPECT_EQ(out["without_fee"], 1);
  EXPECT_EQ(out["refund_fen"], 0);  // no readings: no day is judged, nothing is owed

  struct Case {
    std::vector<std::string> args;
    std::string says;
  };
  const Case bad[] = {
      {{"refunds", "run", "--db", db}, "--season"},
      {{"refunds", "run", "--season", "1999", "--db", db}, "--season"},
      {{"refunds", "run", "--season", "2025", "--db", db, "--company", "nope"}, "--company"},
      {{"refunds", "run", "--season", "2025", "--db", dir / "missing.db"}, "--db"},
  };
  for (const auto& c : bad) {
    SCOPED_TRACE(c.args.back());
    auto r = RunHearth(c.args);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(r.out.empty());
    EXPECT_NE(r.err.find(c.says), std::string::npos) << r.err;
  }
}

}  // namespace
}  // namespace hearth::e2e
