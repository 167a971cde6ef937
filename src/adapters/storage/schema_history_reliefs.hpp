// The SQL of migration 28 (issue 16: the government's temporary relief, R-BILL-1, W 9.3), kept
// apart from schema_history.cpp so that the history stays one readable list. Append only.
//
// - households.assistance: the class a relief may name (minimum-living 低保, extreme-poverty 特困,
//   entitled-group 优抚), or null for none.
// - reliefs: a company's relief as published: a percentage (hundredths of a percent) or an amount
//   (fen) per household, over a period of days (ISO dates, inclusive), for every household or one
//   class; the billing run applies those that overlap the season.
#pragma once

namespace hearth::adapters::storage {

inline constexpr const char* kReliefsSql = R"sql(
ALTER TABLE households ADD COLUMN assistance TEXT;
CREATE TABLE reliefs (
  id {{ID}},
  company_id BIGINT NOT NULL REFERENCES companies(id),
  name TEXT NOT NULL,
  reference TEXT NOT NULL,
  applies_to TEXT NOT NULL,
  percent BIGINT,
  amount BIGINT,
  valid_from TEXT NOT NULL,
  valid_to TEXT NOT NULL,
  UNIQUE (company_id, reference, applies_to)
);
)sql";

}  // namespace hearth::adapters::storage
