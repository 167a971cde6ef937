// The SQL of migration 16 (issue 15: a company's daily dispatch reports of fuel, R-ENERGY-1),
// kept apart from schema_history.cpp so that the history stays one readable list. Append only.
//
// One row per company, day ("YYYY-MM-DD" text) and fuel; amounts in hundredths of the fuel's
// unit (tonnes, or cubic metres of gas); reported_at in Unix seconds. A correction replaces the
// row; the audit log keeps what it replaced.
#pragma once

namespace hearth::adapters::storage {

inline constexpr const char* kEnergySql = R"sql(
CREATE TABLE energy_reports (
  id {{ID}},
  company_id BIGINT NOT NULL REFERENCES companies(id),
  day TEXT NOT NULL,
  fuel TEXT NOT NULL,
  stock BIGINT NOT NULL,
  consumption BIGINT NOT NULL,
  note TEXT NOT NULL,
  reported_by TEXT NOT NULL,
  reported_at BIGINT NOT NULL,
  UNIQUE (company_id, day, fuel)
);
CREATE INDEX energy_reports_day ON energy_reports (day, company_id);
)sql";

}  // namespace hearth::adapters::storage
