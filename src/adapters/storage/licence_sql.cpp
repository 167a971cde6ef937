#include "adapters/storage/licence_sql.hpp"

#include <map>

namespace hearth::adapters::storage {
namespace {

// The buildings outside their company's licence, as a condition on `b` (buildings).
constexpr const char* kOutside =
    "NOT EXISTS (SELECT 1 FROM licensed_districts l WHERE l.company_id = b.company_id AND "
    "l.district_id = b.district_id)";

}  // namespace

Result<std::vector<ports::UnlicensedBuilding>> SqlLicenceStore::Unlicensed(
    std::optional<int64_t> company_id) {
  Where where;
  where.And(kOutside);
  if (company_id) where.And("b.company_id =", *company_id);
  MutexLock lock(mutex_);
  auto rows = conn_->Query(
      "SELECT b.company_id, b.id, b.code, b.community, d.id, d.code, d.name, "
      "CAST(COUNT(h.id) AS BIGINT), "
      "CAST(SUM(CASE WHEN h.heating_status = 'heated' THEN 1 ELSE 0 END) AS BIGINT) "
      "FROM buildings b JOIN districts d ON d.id = b.district_id "
      "LEFT JOIN partitions p ON p.building_id = b.id "
      "LEFT JOIN households h ON h.partition_id = p.id WHERE " +
          where.sql() +
          " GROUP BY b.company_id, b.id, b.code, b.community, d.id, d.code, d.name "
          "ORDER BY b.company_id, b.id",
      where.params());
  if (!rows.ok()) return rows.error();
  std::vector<ports::UnlicensedBuilding> out;
  std::map<int64_t, size_t> at;  // building id -> index in out
  for (size_t i = 0; i < rows->rows.size(); ++i) {
    ports::UnlicensedBuilding u;
    u.company_id = rows->Int(i, 0);
    u.building_id = rows->Int(i, 1);
    u.building_code = rows->Text(i, 2);
    u.community = rows->Text(i, 3);
    u.district_id = rows->Int(i, 4);
    u.district_code = rows->Text(i, 5);
    u.district_name = rows->Text(i, 6);
    u.households = rows->Int(i, 7);
    u.heated_households = rows->IsNull(i, 8) ? 0 : rows->Int(i, 8);
    at[u.building_id] = out.size();
    out.push_back(std::move(u));
  }
  if (out.empty()) return out;

  const std::string from =
      " FROM buildings b JOIN partitions p ON p.building_id = b.id "
      "JOIN households h ON h.partition_id = p.id ";
  auto stops = conn_->Query("SELECT DISTINCT b.id, oh.outage_id" + from +
                                "JOIN outage_households oh ON oh.household_id = h.id WHERE " +
                                where.sql() + " ORDER BY b.id, oh.outage_id",
                            where.params());
  if (!stops.ok()) return stops.error();
  // A building that left or joined the list between the statements is skipped.
  for (size_t i = 0; i < stops->rows.size(); ++i) {
    if (auto it = at.find(stops->Int(i, 0)); it != at.end()) {
      out[it->second].outage_ids.push_back(stops->Int(i, 1));
    }
  }
  auto orders = conn_->Query("SELECT b.id, CAST(COUNT(*) AS BIGINT)" + from +
                                 "JOIN work_orders w ON w.household_id = h.id WHERE " +
                                 where.sql() + " GROUP BY b.id",
                             where.params());
  if (!orders.ok()) return orders.error();
  for (size_t i = 0; i < orders->rows.size(); ++i) {
    if (auto it = at.find(orders->Int(i, 0)); it != at.end()) {
      out[it->second].work_orders = orders->Int(i, 1);
    }
  }
  auto applications = conn_->Query(
      "SELECT b.id, CAST(COUNT(*) AS BIGINT) FROM buildings b JOIN connection_applications c "
      "ON c.building_id = b.id WHERE " +
          where.sql() + " GROUP BY b.id",
      where.params());
  if (!applications.ok()) return applications.error();
  for (size_t i = 0; i < applications->rows.size(); ++i) {
    if (auto it = at.find(applications->Int(i, 0)); it != at.end()) {
      out[it->second].connection_applications = applications->Int(i, 1);
    }
  }
  return out;
}

}  // namespace hearth::adapters::storage
