// The SQL of migration 14 (issue 15: heating stops and their notices, R-OUT-1, R-OUT-2,
// R-REFUND-2), kept apart from schema_history.cpp so that the history stays one readable list.
// Append only.
//
// outages holds a stop as recorded: its scope as given (JSON of ids per level), its times, and
// the counts of what it cut off. outage_households is the scope resolved once, when the stop is
// recorded, through heat source -> network section -> substation -> building -> household (the
// company's heated households): what the stop affected stays as it was, whatever the network
// records say later. outage_notices is append-only: each notice as published, with the
// restoration time it announced. Times are Unix seconds.
#pragma once

namespace hearth::adapters::storage {

inline constexpr const char* kOutagesSql = R"sql(
CREATE TABLE outages (
  id {{ID}},
  company_id BIGINT NOT NULL REFERENCES companies(id),
  kind TEXT NOT NULL,
  company_caused INTEGER NOT NULL,
  cause TEXT NOT NULL,
  scope TEXT NOT NULL,
  start_at BIGINT NOT NULL,
  expected_end BIGINT NOT NULL,
  actual_end BIGINT,
  road_sections TEXT NOT NULL,
  affected_households BIGINT NOT NULL,
  affected_area_m2 BIGINT NOT NULL,
  created_by TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX outages_company ON outages (company_id, id);
CREATE TABLE outage_households (
  outage_id BIGINT NOT NULL REFERENCES outages(id),
  household_id BIGINT NOT NULL REFERENCES households(id),
  area_m2 BIGINT NOT NULL,
  PRIMARY KEY (outage_id, household_id)
);
CREATE INDEX outage_households_household ON outage_households (household_id, outage_id);
CREATE TABLE outage_notices (
  outage_id BIGINT NOT NULL REFERENCES outages(id),
  seq BIGINT NOT NULL,
  at BIGINT NOT NULL,
  expected_end BIGINT NOT NULL,
  text TEXT NOT NULL,
  actor TEXT NOT NULL,
  recorded_at BIGINT NOT NULL,
  PRIMARY KEY (outage_id, seq)
);
)sql";

}  // namespace hearth::adapters::storage
