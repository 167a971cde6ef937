// The SQL of migrations 9 and 10 (issue 12: devices' broker accounts, conflicting readings, and
// devices' HTTP tokens), kept apart from schema_history.cpp so that the history stays one
// readable list. Append only, like the rest of the history.
#pragma once

namespace hearth::adapters::storage {

inline constexpr const char* kDeviceCredentialsSql = R"sql(
CREATE TABLE device_credentials (
  username TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('device', 'service')),
  sensor_id BIGINT UNIQUE REFERENCES sensors(id),
  password_hash TEXT NOT NULL,
  issued_by TEXT NOT NULL,
  issued_at TEXT NOT NULL,
  CHECK ((kind = 'device') = (sensor_id IS NOT NULL))
);
CREATE TABLE reading_conflicts (
  id {{ID}},
  sensor_id BIGINT NOT NULL REFERENCES sensors(id),
  ts BIGINT NOT NULL,
  stored_centi INTEGER NOT NULL,
  centi INTEGER NOT NULL,
  received_at BIGINT NOT NULL,
  source TEXT NOT NULL,
  UNIQUE (sensor_id, ts, centi)
);
)sql";

inline constexpr const char* kDeviceTokensSql = R"sql(
CREATE TABLE device_tokens (
  name TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  issued_by TEXT NOT NULL,
  issued_at TEXT NOT NULL
);
CREATE TABLE device_token_sensors (
  name TEXT NOT NULL REFERENCES device_tokens(name) ON DELETE CASCADE,
  sensor_id BIGINT NOT NULL REFERENCES sensors(id),
  PRIMARY KEY (name, sensor_id)
);
)sql";

}  // namespace hearth::adapters::storage
