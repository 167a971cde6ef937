// The SQL of migration 2 (the records and the audit log: the city from districts to rooms and
// sensors, tariffs, fees, payments and reminders, and the audit of every change), kept apart from
// schema_history.cpp so that the history stays one readable list. As released: a released
// migration is never edited.
#pragma once

namespace hearth::adapters::storage {

inline constexpr const char* kRecordsSql = R"sql(
CREATE TABLE districts (
  id {{ID}},
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  city TEXT NOT NULL,
  policy TEXT NOT NULL,
  UNIQUE (code)
);
CREATE TABLE companies (
  id {{ID}},
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  policy TEXT NOT NULL,
  licence_no TEXT,
  UNIQUE (code)
);
CREATE TABLE licensed_districts (
  id {{ID}},
  company_id BIGINT NOT NULL REFERENCES companies(id),
  district_id BIGINT NOT NULL REFERENCES districts(id),
  UNIQUE (company_id, district_id)
);
CREATE INDEX licensed_districts_district_id ON licensed_districts (district_id);
CREATE TABLE seasons (
  id {{ID}},
  district_id BIGINT NOT NULL REFERENCES districts(id),
  start_year BIGINT NOT NULL,
  commissioning_start TEXT,
  official_start TEXT NOT NULL,
  official_end TEXT NOT NULL,
  early_start TEXT,
  extension_end TEXT,
  UNIQUE (district_id, start_year)
);
CREATE TABLE heat_sources (
  id {{ID}},
  company_id BIGINT NOT NULL REFERENCES companies(id),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  UNIQUE (company_id, code)
);
CREATE TABLE network_sections (
  id {{ID}},
  company_id BIGINT NOT NULL REFERENCES companies(id),
  heat_source_id BIGINT NOT NULL REFERENCES heat_sources(id),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  UNIQUE (company_id, code)
);
CREATE INDEX network_sections_heat_source_id ON network_sections (heat_source_id);
CREATE TABLE substations (
  id {{ID}},
  company_id BIGINT NOT NULL REFERENCES companies(id),
  network_section_id BIGINT NOT NULL REFERENCES network_sections(id),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  UNIQUE (company_id, code)
);
CREATE INDEX substations_network_section_id ON substations (network_section_id);
CREATE TABLE buildings (
  id {{ID}},
  company_id BIGINT NOT NULL REFERENCES companies(id),
  district_id BIGINT NOT NULL REFERENCES districts(id),
  substation_id BIGINT NOT NULL REFERENCES substations(id),
  code TEXT NOT NULL,
  community TEXT NOT NULL,
  address TEXT,
  floors BIGINT NOT NULL,
  built_year BIGINT,
  pipe_distance_m BIGINT,
  network_position TEXT,
  UNIQUE (company_id, code)
);
CREATE INDEX buildings_district_id ON buildings (district_id);
CREATE INDEX buildings_substation_id ON buildings (substation_id);
CREATE TABLE partitions (
  id {{ID}},
  company_id BIGINT NOT NULL REFERENCES companies(id),
  building_id BIGINT NOT NULL REFERENCES buildings(id),
  code TEXT NOT NULL,
  name TEXT,
  UNIQUE (building_id, code)
);
CREATE INDEX partitions_company_id ON partitions (company_id);
CREATE TABLE households (
  id {{ID}},
  company_id BIGINT NOT NULL REFERENCES companies(id),
  partition_id BIGINT NOT NULL REFERENCES partitions(id),
  code TEXT NOT NULL,
  address TEXT,
  area_m2 BIGINT NOT NULL,
  floor BIGINT NOT NULL,
  orientation TEXT NOT NULL,
  floor_tier TEXT,
  billing TEXT NOT NULL,
  agreed_temp BIGINT,
  heating_status TEXT NOT NULL,
  contract TEXT,
  phone TEXT,
  id_number TEXT,
  UNIQUE (company_id, code)
);
CREATE INDEX households_partition_id ON households (partition_id);
CREATE TABLE rooms (
  id {{ID}},
  household_id BIGINT NOT NULL REFERENCES households(id),
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  UNIQUE (household_id, name)
);
CREATE TABLE sensors (
  id {{ID}},
  code TEXT NOT NULL,
  room_id BIGINT NOT NULL REFERENCES rooms(id),
  model TEXT,
  installed_on TEXT,
  UNIQUE (code)
);
CREATE INDEX sensors_room_id ON sensors (room_id);
CREATE TABLE tariffs (
  id {{ID}},
  company_id BIGINT NOT NULL REFERENCES companies(id),
  name TEXT NOT NULL,
  billing TEXT NOT NULL,
  price BIGINT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  approval TEXT,
  UNIQUE (company_id, name, valid_from)
);
CREATE TABLE fees (
  id {{ID}},
  household_id BIGINT NOT NULL REFERENCES households(id),
  season_start_year BIGINT NOT NULL,
  amount BIGINT NOT NULL,
  due_on TEXT NOT NULL,
  UNIQUE (household_id, season_start_year)
);
CREATE TABLE payments (
  id {{ID}},
  household_id BIGINT NOT NULL REFERENCES households(id),
  fee_id BIGINT REFERENCES fees(id),
  amount BIGINT NOT NULL,
  paid_at TEXT NOT NULL,
  method TEXT NOT NULL
);
CREATE INDEX payments_household_id ON payments (household_id);
CREATE INDEX payments_fee_id ON payments (fee_id);
CREATE TABLE reminders (
  id {{ID}},
  household_id BIGINT NOT NULL REFERENCES households(id),
  sent_at TEXT NOT NULL,
  channel TEXT NOT NULL,
  proof TEXT NOT NULL
);
CREATE INDEX reminders_household_id ON reminders (household_id);
CREATE TABLE audit_log (
  id {{ID}},
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  resource TEXT NOT NULL,
  record_id BIGINT,
  before_json TEXT,
  after_json TEXT
);
CREATE INDEX audit_log_record ON audit_log (resource, record_id);
)sql";

}  // namespace hearth::adapters::storage
