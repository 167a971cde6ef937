// The contract history's contract on SQLite and on a real PostgreSQL cluster (issue 16,
// R-ACCT-1): a company's contract versions ending on or after a day, by household then last day,
// with their agreed temperature (or none) and basis; another company's never; one household's
// when asked.
#include <gtest/gtest.h>

#include "adapters/storage/contract_history_sql.hpp"
#include "model/resources.hpp"
#include "support/store_contract.hpp"

namespace hearth::adapters::storage {
namespace {

using support::Engine;
using support::EngineName;

class ContractHistoryContract : public support::StoreContract<SqlContractHistory> {
 protected:
  void Version(int64_t household, const char* last_day, ports::FieldValue agreed,
               const char* billing) {
    auto made = records_->Create(*model::FindResource("contract_versions"),
                                 {{"household_id", household},
                                  {"valid_until", last_day},
                                  {"agreed_temp", agreed},
                                  {"billing", billing}},
                                 {}, "setup");
    ASSERT_TRUE(made.ok()) << made.error().message;
  }
  static Date D(const char* text) { return *ParseDate(text); }
};

TEST_P(ContractHistoryContract, VersionsOfACompanyFromADay) {
  Version(a_.household_id, "2026-01-05", nullptr, "meter");
  Version(a_.household_id, "2025-12-10", int64_t{200}, "area");
  Version(a_.household_id, "2025-11-01", int64_t{220}, "area");  // before the day asked
  Version(b_.household_id, "2026-01-01", int64_t{190}, "area");  // another company's

  auto got = store_->SupersededFrom(a_.company_id, D("2025-11-15"));
  ASSERT_TRUE(got.ok()) << got.error().message;
  ASSERT_EQ(got->size(), 2u);
  EXPECT_EQ((*got)[0].household_id, a_.household_id);
  EXPECT_EQ((*got)[0].until.last_day, D("2025-12-10"));
  EXPECT_EQ((*got)[0].until.terms, (rules::ContractTerms{200, rules::BillingBasis::kArea}));
  EXPECT_EQ((*got)[1].until.last_day, D("2026-01-05"));
  EXPECT_EQ((*got)[1].until.terms,
            (rules::ContractTerms{std::nullopt, rules::BillingBasis::kMeter}));

  // The last day itself counts; one household's only when asked.
  auto from_last = store_->SupersededFrom(a_.company_id, D("2026-01-05"), a_.household_id);
  ASSERT_TRUE(from_last.ok());
  EXPECT_EQ(from_last->size(), 1u);
  auto other = store_->SupersededFrom(a_.company_id, D("2025-11-15"), b_.household_id);
  ASSERT_TRUE(other.ok());
  EXPECT_TRUE(other->empty()) << "b's household is not of company a";
  auto none = store_->SupersededFrom(a_.company_id, D("2026-01-06"));
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

INSTANTIATE_TEST_SUITE_P(Engines, ContractHistoryContract,
                         ::testing::Values(Engine::kSqlite, Engine::kPostgres), EngineName);

}  // namespace
}  // namespace hearth::adapters::storage
