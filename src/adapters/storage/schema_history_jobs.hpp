// The SQL of migration 27 (issue 14: long runs as jobs with progress), kept apart from
// schema_history.cpp so that the history stays one readable list. Append only.
//
// One row per job: its kind, company (0: every company), what was asked (JSON), who started it,
// its state and progress (done of total), and how it ended (the answer as JSON, or the error's
// code, message and field). Times are Unix seconds. The partial unique index lets one job of a
// kind run per company at a time, across every instance sharing the database.
#pragma once

namespace hearth::adapters::storage {

inline constexpr const char* kJobsSql = R"sql(
CREATE TABLE jobs (
  id {{ID}},
  kind TEXT NOT NULL,
  company_id BIGINT NOT NULL,
  params TEXT NOT NULL,
  started_by TEXT NOT NULL,
  started_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  finished_at BIGINT,
  state TEXT NOT NULL CHECK (state IN ('running', 'succeeded', 'failed', 'interrupted')),
  done BIGINT NOT NULL DEFAULT 0,
  total BIGINT NOT NULL DEFAULT 0,
  result TEXT NOT NULL DEFAULT '',
  error_code TEXT NOT NULL DEFAULT '',
  error_message TEXT NOT NULL DEFAULT '',
  error_field TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX jobs_one_running ON jobs (kind, company_id) WHERE state = 'running';
CREATE INDEX jobs_company ON jobs (company_id, id);
)sql";

}  // namespace hearth::adapters::storage
