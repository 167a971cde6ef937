// The SQL of migration 22 (issue 16: connection applications, R-CONN-1, R-WO-6), kept apart from
// schema_history.cpp so that the history stays one readable list. Append only.
//
// connection_applications holds each application as taken in (building, household if any,
// applicant, kind, receipt, the season it catches), the documents on file (a JSON list of wire
// names, growing as they are supplied), its state with the decision's facts, and the filed return
// visit; `version` counts its history, so that every move is compare-and-set.
// connection_application_events is append-only: each step with who, in which role, when and what
// it brought (a JSON object). Times are Unix seconds.
#pragma once

namespace hearth::adapters::storage {

inline constexpr const char* kConnectionApplicationsSql = R"sql(
CREATE TABLE connection_applications (
  id {{ID}},
  company_id BIGINT NOT NULL REFERENCES companies(id),
  building_id BIGINT NOT NULL REFERENCES buildings(id),
  household_id BIGINT REFERENCES households(id),
  applicant TEXT NOT NULL,
  phone TEXT NOT NULL DEFAULT '',
  new_building INTEGER NOT NULL,
  outside_works INTEGER NOT NULL,
  received_at BIGINT NOT NULL,
  season BIGINT NOT NULL,
  next_season INTEGER NOT NULL,
  documents TEXT NOT NULL,
  state TEXT NOT NULL,
  decided_at BIGINT,
  reason TEXT NOT NULL DEFAULT '',
  suggestion TEXT NOT NULL DEFAULT '',
  visited_at BIGINT,
  satisfied INTEGER,
  visit_note TEXT NOT NULL DEFAULT '',
  version BIGINT NOT NULL,
  created_by TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX connection_applications_company ON connection_applications (company_id, id);
CREATE INDEX connection_applications_household ON connection_applications (household_id, id);
CREATE TABLE connection_application_events (
  application_id BIGINT NOT NULL REFERENCES connection_applications(id),
  seq BIGINT NOT NULL,
  action TEXT NOT NULL,
  state TEXT NOT NULL,
  actor TEXT NOT NULL,
  role TEXT NOT NULL,
  note TEXT NOT NULL,
  details TEXT NOT NULL,
  at BIGINT NOT NULL,
  PRIMARY KEY (application_id, seq)
);
)sql";

}  // namespace hearth::adapters::storage
