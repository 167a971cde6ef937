// ctest-labels: e2e
// `hearth billing run` end to end (R-BILL-1): the run's counts on stdout, once per household;
// refused without a tariff; bad flags on stderr, exit 2.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "adapters/storage/migrations.hpp"
#include "support/test_process.hpp"
#include "support/test_sensors.hpp"

namespace hearth::e2e {
namespace {

using support::RunHearth;

TEST(BillingCli, BillsACompanyOnceAndRefusesBadFlags) {
  support::TempDir dir;
  const std::string db = dir / "h.db";
  const std::string policies = std::string(HEARTH_SOURCE_DIR) + "/policies";
  const std::vector<std::string> run = {"billing", "run",  "--season", "2026",       "--company",
                                        "c1",      "--db", db,         "--policies", policies};
  {
    auto conn = adapters::storage::Connect(db);
    ASSERT_TRUE(conn.ok());
    ASSERT_TRUE(adapters::storage::Migrate(**conn).ok());
    adapters::storage::SqlRecordStore records(std::move(*conn));
    auto city = support::MakeSensorCity(records, "c1", 0, "S-");
    // No tariff yet: refused (exit 1: the data, not the flags, is wrong), nothing on stdout.
    auto refused = RunHearth(run);
    EXPECT_EQ(refused.exit_code, 1) << refused.err;
    EXPECT_TRUE(refused.out.empty());
    EXPECT_NE(refused.err.find("tariff"), std::string::npos) << refused.err;
    ASSERT_TRUE(records
                    .Create(*model::FindResource("tariffs"),
                            {{"company_id", city.company_id},
                             {"name", "居民按面积"},
                             {"billing", "area"},
                             {"price", int64_t{2600}},
                             {"valid_from", "2020-01-01"}},
                            {}, "setup")
                    .ok());
  }
  auto first = RunHearth(run);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  auto out = nlohmann::json::parse(first.out);
  EXPECT_EQ(out["issued"], 1);
  EXPECT_EQ(out["total_fen"], 222430);  // 85.55 m² × 26.00 yuan
  EXPECT_EQ(out["due_on"], "2026-11-15");
  auto again = RunHearth(run);
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(nlohmann::json::parse(again.out)["issued"], 0);
  EXPECT_EQ(nlohmann::json::parse(again.out)["already_billed"], 1);

  struct Case {
    std::vector<std::string> args;
    std::string says;
  };
  const Case bad[] = {
      {{"billing", "run", "--company", "c1", "--db", db}, "--season"},
      {{"billing", "run", "--season", "2026", "--db", db}, "--company"},
      {{"billing", "run", "--season", "1999", "--company", "c1", "--db", db}, "--season"},
      {{"billing", "run", "--season", "2026", "--company", "nope", "--db", db}, "--company"},
      {{"billing", "run", "--season", "2026", "--company", "c1", "--due-on", "soon", "--db", db},
       "--due-on"},
      {{"billing", "run", "--season", "2026", "--company", "c1", "--db", dir / "missing.db"},
       "--db"},
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
