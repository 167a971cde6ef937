// The SQL of migration 33 (issue 16: contract versions, R-ACCT-1), kept apart from
// schema_history.cpp so that the history stays one readable list. Append only.
//
// - contract_versions: a household's terms (agreed temperature, billing basis, contract JSON) as
//   they held until a change, with the last day they held (an ISO date). The records hold the
//   terms now; a past day's are those of the earliest version whose last day is on or after it.
#pragma once

namespace hearth::adapters::storage {

inline constexpr const char* kContractVersionsSql = R"sql(
CREATE TABLE contract_versions (
  id {{ID}},
  household_id BIGINT NOT NULL REFERENCES households(id),
  valid_until TEXT NOT NULL,
  agreed_temp BIGINT,
  billing TEXT NOT NULL,
  contract TEXT
);
CREATE INDEX contract_versions_household ON contract_versions (household_id, valid_until);
CREATE INDEX contract_versions_valid_until ON contract_versions (valid_until);
)sql";

}  // namespace hearth::adapters::storage
