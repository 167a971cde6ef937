// The SQL of migration 23 (issue 16: heat-meter disputes and their calibration, R-METER-1), kept
// apart from schema_history.cpp so that the history stays one readable list. Append only.
//
// meter_disputes holds each dispute as raised (the household, which side raised it, why, when)
// and the facts its one later step brings: the calibration's result, the metrology body's report
// number, its cost (integer fen) and time, or the withdrawal's time; `note` is that step's. Who
// took each step is in the audit log (resource meter_disputes). Times are Unix seconds.
#pragma once

namespace hearth::adapters::storage {

inline constexpr const char* kMeterDisputesSql = R"sql(
CREATE TABLE meter_disputes (
  id {{ID}},
  company_id BIGINT NOT NULL REFERENCES companies(id),
  household_id BIGINT NOT NULL REFERENCES households(id),
  raised_by TEXT NOT NULL,
  reason TEXT NOT NULL,
  state TEXT NOT NULL,
  result TEXT,
  reference TEXT NOT NULL DEFAULT '',
  cost_fen BIGINT CHECK (cost_fen >= 0),
  calibrated_at BIGINT,
  calibrated_by TEXT NOT NULL DEFAULT '',
  withdrawn_at BIGINT,
  note TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX meter_disputes_company ON meter_disputes (company_id, id);
CREATE INDEX meter_disputes_household ON meter_disputes (household_id, id);
)sql";

}  // namespace hearth::adapters::storage
