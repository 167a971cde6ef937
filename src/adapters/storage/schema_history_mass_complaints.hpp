// The SQL of migration 18 (issue 15, R-REG-1: mass complaints), kept apart from
// schema_history.cpp so that the history stays one readable list. Append only.
//
// One row per flagged episode of a community's complaints, identified by the complaint that
// reached the threshold; the episode's complaints and last time grow as more arrive (no new row,
// no new message). The profile's threshold and window it was judged by are kept with it. The
// index on work orders serves the window queries (a company's orders by reception time).
// Times are Unix seconds.
#pragma once

namespace hearth::adapters::storage {

inline constexpr const char* kMassComplaintsSql = R"sql(
CREATE TABLE mass_complaints (
  id {{ID}},
  company_id BIGINT NOT NULL REFERENCES companies(id),
  community TEXT NOT NULL,
  reached_order_id BIGINT NOT NULL REFERENCES work_orders(id),
  first_at BIGINT NOT NULL,
  reached_at BIGINT NOT NULL,
  last_at BIGINT NOT NULL,
  complaints INTEGER NOT NULL,
  order_ids TEXT NOT NULL,
  threshold INTEGER NOT NULL,
  window_hours INTEGER NOT NULL,
  policy TEXT NOT NULL,
  flagged_at BIGINT NOT NULL,
  UNIQUE (company_id, community, reached_order_id)
);
CREATE INDEX mass_complaints_reached ON mass_complaints (reached_at, company_id);
CREATE INDEX work_orders_received ON work_orders (company_id, received_at);
)sql";

}  // namespace hearth::adapters::storage
