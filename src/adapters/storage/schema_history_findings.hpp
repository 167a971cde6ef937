// The SQL of migration 15 (issue 15: household-caused findings, R-REFUND-4), kept apart from
// schema_history.cpp so that the history stays one readable list. Append only.
//
// findings holds each finding's evidence as recorded (never changed afterwards) and its current
// state; finding_events is append-only: the recording and every later move, with who, in which
// role, why and when. Dates are "YYYY-MM-DD" text (they compare as dates), times Unix seconds.
#pragma once

namespace hearth::adapters::storage {

inline constexpr const char* kFindingsSql = R"sql(
CREATE TABLE findings (
  id {{ID}},
  company_id BIGINT NOT NULL REFERENCES companies(id),
  household_id BIGINT NOT NULL REFERENCES households(id),
  kind TEXT NOT NULL,
  description TEXT NOT NULL,
  photos TEXT NOT NULL,
  found_by TEXT NOT NULL,
  found_at BIGINT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to TEXT NOT NULL,
  state TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX findings_household ON findings (household_id, valid_from);
CREATE INDEX findings_company ON findings (company_id, id);
CREATE TABLE finding_events (
  finding_id BIGINT NOT NULL REFERENCES findings(id),
  seq BIGINT NOT NULL,
  action TEXT NOT NULL,
  state TEXT NOT NULL,
  actor TEXT NOT NULL,
  role TEXT NOT NULL,
  note TEXT NOT NULL,
  at BIGINT NOT NULL,
  PRIMARY KEY (finding_id, seq)
);
)sql";

}  // namespace hearth::adapters::storage
