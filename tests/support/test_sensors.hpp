// Test- and bench-only: a company with one household, one room and N sensors, written through
// the record store, for the readings tests and the ingest benchmark (header-only, not part of
// the library).
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "adapters/storage/migrations.hpp"
#include "adapters/storage/record_store_sql.hpp"

namespace hearth::support {

struct SensorCity {
  int64_t company_id = 0;
  int64_t household_id = 0;
  int64_t building_id = 0;
  int64_t partition_id = 0;
  std::vector<int64_t> sensor_ids;  ///< sensor i has the code `prefix` + i
};

/// Creates company `code` (and its district, network, building, …) with `sensors` sensors coded
/// prefix0, prefix1, …. Throws on failure (a broken fixture, not a test result).
inline SensorCity MakeSensorCity(adapters::storage::SqlRecordStore& records,
                                 const std::string& code, int sensors, const std::string& prefix) {
  auto make = [&](const char* resource, const ports::Fields& fields) {
    auto rec = records.Create(*model::FindResource(resource), fields, {}, "setup");
    if (!rec.ok()) {
      throw std::runtime_error(std::string(resource) + ": " + rec.error().message + " " +
                               rec.error().detail);
    }
    return rec->id;
  };
  SensorCity city;
  int64_t d =
      make("districts",
           {{"code", "d-" + code}, {"name", "D"}, {"city", "威海市"}, {"policy", "weihai"}});
  int64_t c = make("companies", {{"code", code}, {"name", "C"}, {"policy", "weihai"}});
  int64_t src =
      make("heat_sources", {{"company_id", c}, {"code", "hs"}, {"name", "p"}, {"kind", "chp"}});
  int64_t sec = make("network_sections",
                     {{"company_id", c}, {"heat_source_id", src}, {"code", "n"}, {"name", "n"}});
  int64_t sub =
      make("substations",
           {{"company_id", c}, {"network_section_id", sec}, {"code", "s"}, {"name", "s"}});
  int64_t b = make("buildings", {{"company_id", c},
                                 {"district_id", d},
                                 {"substation_id", sub},
                                 {"code", "B-01"},
                                 {"community", "X"},
                                 {"floors", int64_t{6}}});
  int64_t p = make("partitions", {{"company_id", c}, {"building_id", b}, {"code", "U1"}});
  int64_t h = make("households", {{"company_id", c},
                                  {"partition_id", p},
                                  {"code", "H-101"},
                                  {"area_m2", int64_t{8555}},
                                  {"floor", int64_t{1}},
                                  {"orientation", "sun"},
                                  {"billing", "area"},
                                  {"heating_status", "heated"}});
  int64_t room = make("rooms", {{"household_id", h}, {"name", "主卧"}, {"kind", "bedroom"}});
  city.company_id = c;
  city.household_id = h;
  city.building_id = b;
  city.partition_id = p;
  for (int i = 0; i < sensors; ++i) {
    city.sensor_ids.push_back(
        make("sensors", {{"code", prefix + std::to_string(i)}, {"room_id", room}}));
  }
  return city;
}

/// Migrates the database at `url` and makes company c1 with `n` sensors coded prefix0 …
/// prefix(n-1) (MakeSensorCity); returns code -> sensor id. Throws on failure.
inline std::map<std::string, int64_t> MakeSensorCodes(const std::string& url,
                                                      const std::string& prefix, int n) {
  auto conn = adapters::storage::Connect(url);
  if (!conn.ok() || !adapters::storage::Migrate(**conn).ok()) {
    throw std::runtime_error("cannot migrate " + url);
  }
  adapters::storage::SqlRecordStore records(std::move(*conn));
  auto city = MakeSensorCity(records, "c1", n, prefix);
  std::map<std::string, int64_t> ids;
  for (int i = 0; i < n; ++i) ids[prefix + std::to_string(i)] = city.sensor_ids[size_t(i)];
  return ids;
}

}  // namespace hearth::support
