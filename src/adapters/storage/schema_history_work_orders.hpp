// The SQL of migration 12 (issue 13: complaints, hotline orders, repairs and return visits), kept
// apart from schema_history.cpp so that the history stays one readable list. Append only.
//
// work_orders holds what an order is (fixed at receipt) and the projection of its events (state,
// deadlines as JSON, last_seq), rewritten with each append. (channel, external_id) is unique: a
// hotline platform's re-send finds its order; orders of the company's own channels have no
// external id (NULL, never equal). work_order_events is the append-only timeline: one row per
// (order, seq). work_order_deadlines keeps one row per deadline of each order so that the overdue
// scan and the list filters read an index: `open` (not met, not lapsed) and `alerted` (the
// managers were told once) — the partial index holds only open, unalerted deadlines, so the scan
// does not grow with the orders that are done. outbox holds the messages to deliver (to hotline
// platforms, households, managers), written in the transaction of the change that caused them;
// message_id is what receivers deduplicate by. Times are Unix seconds.
#pragma once

namespace hearth::adapters::storage {

inline constexpr const char* kWorkOrdersSql = R"sql(
CREATE TABLE work_orders (
  id {{ID}},
  company_id BIGINT NOT NULL REFERENCES companies(id),
  household_id BIGINT NOT NULL REFERENCES households(id),
  channel TEXT NOT NULL,
  external_id TEXT,
  category TEXT NOT NULL,
  received_at BIGINT NOT NULL,
  content TEXT NOT NULL,
  caller_phone TEXT NOT NULL,
  parent_id BIGINT REFERENCES work_orders(id),
  second_complaint INTEGER NOT NULL,
  season INTEGER NOT NULL,
  official_start TEXT,
  state TEXT NOT NULL,
  extended INTEGER NOT NULL,
  deadlines TEXT NOT NULL,
  last_seq BIGINT NOT NULL,
  created_by TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  UNIQUE (channel, external_id)
);
CREATE INDEX work_orders_company ON work_orders (company_id, id);
CREATE INDEX work_orders_household ON work_orders (household_id, category, season);
CREATE INDEX work_orders_parent ON work_orders (parent_id);
CREATE TABLE work_order_events (
  order_id BIGINT NOT NULL REFERENCES work_orders(id),
  seq BIGINT NOT NULL,
  type TEXT NOT NULL,
  at BIGINT NOT NULL,
  actor TEXT NOT NULL,
  data TEXT NOT NULL,
  recorded_at BIGINT NOT NULL,
  PRIMARY KEY (order_id, seq)
);
CREATE TABLE work_order_deadlines (
  order_id BIGINT NOT NULL REFERENCES work_orders(id),
  name TEXT NOT NULL,
  company_id BIGINT NOT NULL,
  due BIGINT NOT NULL,
  open INTEGER NOT NULL,
  alerted INTEGER NOT NULL,
  PRIMARY KEY (order_id, name)
);
CREATE INDEX work_order_deadlines_unalerted ON work_order_deadlines (due)
  WHERE open = 1 AND alerted = 0;
CREATE INDEX work_order_deadlines_open ON work_order_deadlines (order_id, due) WHERE open = 1;
CREATE TABLE outbox (
  id {{ID}},
  message_id TEXT NOT NULL UNIQUE,
  receiver TEXT NOT NULL,
  topic TEXT NOT NULL,
  company_id BIGINT NOT NULL,
  household_id BIGINT,
  order_id BIGINT,
  payload TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  attempts INTEGER NOT NULL,
  next_attempt_at BIGINT NOT NULL,
  delivered_at BIGINT,
  last_error TEXT NOT NULL
);
CREATE INDEX outbox_pending ON outbox (next_attempt_at) WHERE delivered_at IS NULL;
CREATE INDEX outbox_household ON outbox (household_id, id);
)sql";

}  // namespace hearth::adapters::storage
