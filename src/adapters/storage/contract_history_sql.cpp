#include "adapters/storage/contract_history_sql.hpp"

#include <string>

namespace hearth::adapters::storage {

Result<std::vector<ports::SupersededTerms>> SqlContractHistory::SupersededFrom(
    int64_t company_id, Date from, std::optional<int64_t> household) {
  Where where;
  where.And("h.company_id =", company_id);
  where.And("v.valid_until >=", FormatDate(from));
  if (household) where.And("v.household_id =", *household);
  MutexLock lock(mutex_);
  auto rows = conn_->Query(
      "SELECT v.household_id, v.valid_until, v.agreed_temp, v.billing FROM contract_versions v "
      "JOIN households h ON h.id = v.household_id WHERE " +
          where.sql() + " ORDER BY v.household_id, v.valid_until, v.id",
      where.params());
  if (!rows.ok()) return rows.error();
  std::vector<ports::SupersededTerms> out;
  out.reserve(rows->rows.size());
  for (size_t i = 0; i < rows->rows.size(); ++i) {
    ports::SupersededTerms t;
    t.household_id = rows->Int(i, 0);
    auto last = ParseDate(rows->Text(i, 1));
    if (!last.ok()) return Error::Internal("a stored contract version is malformed: valid_until");
    t.until.last_day = *last;
    if (!rows->IsNull(i, 2)) t.until.terms.agreed = static_cast<rules::Tenths>(rows->Int(i, 2));
    t.until.terms.basis =
        rows->Text(i, 3) == "meter" ? rules::BillingBasis::kMeter : rules::BillingBasis::kArea;
    out.push_back(t);
  }
  return out;
}

}  // namespace hearth::adapters::storage
