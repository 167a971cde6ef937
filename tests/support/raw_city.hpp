// One household of a city written by plain INSERTs, in the schema of migration 2 onwards (ids 1):
// for migration tests, which write a database as an older hearth did, before the record store's
// current schema exists.
#pragma once

namespace hearth::support {

/// District d1, company c1 and the chain down to household h1 (partition u1 of building b1).
inline constexpr const char* kRawHouseholdRows[] = {
    "INSERT INTO districts (code, name, city, policy) VALUES ('d1', 'D', 'Weihai', 'weihai')",
    "INSERT INTO companies (code, name, policy) VALUES ('c1', 'C', 'weihai')",
    "INSERT INTO heat_sources (company_id, code, name, kind) VALUES (1, 'hs', 'p', 'chp')",
    "INSERT INTO network_sections (company_id, heat_source_id, code, name) "
    "VALUES (1, 1, 'n1', 'n')",
    "INSERT INTO substations (company_id, network_section_id, code, name) "
    "VALUES (1, 1, 's1', 's')",
    "INSERT INTO buildings (company_id, district_id, substation_id, code, community, floors) "
    "VALUES (1, 1, 1, 'b1', 'Sunny', 6)",
    "INSERT INTO partitions (company_id, building_id, code) VALUES (1, 1, 'u1')",
    "INSERT INTO households (company_id, partition_id, code, area_m2, floor, orientation, "
    "billing, heating_status) VALUES (1, 1, 'h1', 8550, 3, 'sun', 'area', 'heated')",
};

}  // namespace hearth::support
