// The SQL of migration 35 (R-SAMPLE-3 [W 5.4.4]: a season's sampling plan as adopted, with its
// collection times and staff), kept apart from schema_history.cpp so that the history stays one
// readable list. Append only.
//
// - sample_plans: one per company and season; the plan as drawn (seed, policy, the required count,
//   quotas, achieved and shortfalls as JSON text) and its collection window (ISO dates).
// - sample_points: its households, each with its cells (R-SAMPLE-2), whether a sensor or a visit
//   collects it, its day and, for a visit, the technician's username.
#pragma once

namespace hearth::adapters::storage {

inline constexpr const char* kSamplePlansSql = R"sql(
CREATE TABLE sample_plans (
  id {{ID}},
  company_id BIGINT NOT NULL REFERENCES companies(id),
  season BIGINT NOT NULL,
  seed TEXT NOT NULL,
  policy TEXT NOT NULL,
  collect_from TEXT NOT NULL,
  collect_to TEXT NOT NULL,
  heated_households BIGINT NOT NULL,
  required BIGINT NOT NULL,
  summary TEXT NOT NULL,
  adopted_by TEXT NOT NULL,
  adopted_at TEXT NOT NULL,
  UNIQUE (company_id, season)
);
CREATE TABLE sample_points (
  id {{ID}},
  plan_id BIGINT NOT NULL REFERENCES sample_plans(id),
  household_id BIGINT NOT NULL REFERENCES households(id),
  method TEXT NOT NULL,
  network_position TEXT NOT NULL,
  orientation TEXT NOT NULL,
  floor_tier TEXT NOT NULL,
  collect_on TEXT NOT NULL,
  staff TEXT,
  UNIQUE (plan_id, household_id)
);
CREATE INDEX sample_points_household_id ON sample_points (household_id);
CREATE INDEX sample_points_staff ON sample_points (staff, collect_on);
)sql";

}  // namespace hearth::adapters::storage
