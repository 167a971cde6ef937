// The SQL of migration 11 (issue 18, item 5: a device whose clock runs fast), kept apart from
// schema_history.cpp so that the history stays one readable list. Append only.
//
// reading_quarantine keeps the readings of known sensors that ingest refuses for their time (more
// than max_future_skew_s ahead of the server's clock), instead of dropping them: with the reason,
// when and over which channel they came. One row per (sensor, ts), the first kept stays: a
// redelivered message adds nothing, so a device with a fast clock grows the table by one row per
// distinct reading it sends, no faster than a correct device grows readings, until the operator
// (told by the clock-skew alert) fixes its clock. received_at is indexed for the alerts, which
// look at the last day only.
#pragma once

namespace hearth::adapters::storage {

inline constexpr const char* kReadingQuarantineSql = R"sql(
CREATE TABLE reading_quarantine (
  id {{ID}},
  sensor_id BIGINT NOT NULL REFERENCES sensors(id),
  ts BIGINT NOT NULL,
  centi INTEGER NOT NULL,
  reason TEXT NOT NULL,
  received_at BIGINT NOT NULL,
  source TEXT NOT NULL,
  UNIQUE (sensor_id, ts)
);
CREATE INDEX reading_quarantine_received_at ON reading_quarantine (received_at);
)sql";

}  // namespace hearth::adapters::storage
