// The SQL of migration 24 (issue 16: increase, decrease, stop and resume heating, R-ACCT-1,
// W 9.1.8), kept apart from schema_history.cpp so that the history stays one readable list.
// Append only.
//
// heating_changes holds each application as taken in (household, kind, the day received and the
// effective day, the household's status and heated area then, m² × 100, whether it was billed by
// meter), the documents on file (a JSON list of wire names, growing as they are supplied), its
// state, and the decision with its settlement (fen; null unless approved by area). `version`
// counts its steps, so that every step is compare-and-set. Times are Unix seconds; days are
// ISO dates.
#pragma once

namespace hearth::adapters::storage {

inline constexpr const char* kHeatingChangesSql = R"sql(
CREATE TABLE heating_changes (
  id {{ID}},
  company_id BIGINT NOT NULL REFERENCES companies(id),
  household_id BIGINT NOT NULL REFERENCES households(id),
  applicant TEXT NOT NULL,
  kind TEXT NOT NULL,
  received_at BIGINT NOT NULL,
  received_day TEXT NOT NULL,
  effective TEXT NOT NULL,
  heated INTEGER NOT NULL,
  area_before BIGINT NOT NULL,
  area_after BIGINT NOT NULL,
  metered INTEGER NOT NULL,
  documents TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL,
  decided_at BIGINT,
  decided_by TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL DEFAULT '',
  decision_note TEXT NOT NULL DEFAULT '',
  settlement_fen BIGINT,
  settlement_area BIGINT,
  settlement_days BIGINT,
  season_days BIGINT,
  season BIGINT,
  price_fen BIGINT,
  version BIGINT NOT NULL,
  created_by TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX heating_changes_company ON heating_changes (company_id, id);
CREATE INDEX heating_changes_household ON heating_changes (household_id, id);
)sql";

}  // namespace hearth::adapters::storage
