// The SQL of migration 17 (issue 15: published monthly indicators, W 14.4.6), kept apart from
// schema_history.cpp so that the history stays one readable list. Append only.
//
// One publication per company and month ("YYYY-MM"), its indicators as published and the records
// behind each, with each record's part of the numerator and denominator. Nothing here is ever
// updated or deleted: a published figure does not change afterwards. Times are Unix seconds.
#pragma once

namespace hearth::adapters::storage {

inline constexpr const char* kIndicatorPublicationsSql = R"sql(
CREATE TABLE indicator_publications (
  id {{ID}},
  company_id BIGINT NOT NULL REFERENCES companies(id),
  month TEXT NOT NULL,
  policy TEXT NOT NULL,
  computed_at BIGINT NOT NULL,
  published_by TEXT NOT NULL,
  UNIQUE (company_id, month)
);
CREATE INDEX indicator_publications_month ON indicator_publications (month, company_id);
CREATE TABLE published_indicators (
  publication_id BIGINT NOT NULL REFERENCES indicator_publications(id),
  position INTEGER NOT NULL,
  rule TEXT NOT NULL,
  name TEXT NOT NULL,
  numerator BIGINT NOT NULL,
  denominator BIGINT NOT NULL,
  display TEXT NOT NULL,
  target_per_mille INTEGER NOT NULL,
  target_kind TEXT NOT NULL,
  basis TEXT NOT NULL,
  status TEXT NOT NULL,
  records BIGINT NOT NULL,
  PRIMARY KEY (publication_id, position)
);
CREATE TABLE indicator_records (
  publication_id BIGINT NOT NULL REFERENCES indicator_publications(id),
  rule TEXT NOT NULL,
  position BIGINT NOT NULL,
  record TEXT NOT NULL,
  numerator BIGINT NOT NULL,
  denominator BIGINT NOT NULL,
  PRIMARY KEY (publication_id, rule, position)
);
)sql";

}  // namespace hearth::adapters::storage
