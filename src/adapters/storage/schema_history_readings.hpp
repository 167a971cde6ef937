// The SQL of migration 26 (issue 17: city scale), kept apart from schema_history.cpp so that the
// history stays one readable list. Append only.
//
// PostgreSQL only: `readings` becomes a table partitioned by range of ts, one partition per local
// (UTC+08:00) calendar month, named readings_YYYYMM. A retention period then drops whole months
// (`hearth prune-readings`, reading_partitions.hpp) instead of deleting rows, and the months a
// query does not ask for are never read. The key stays (sensor_id, ts): it holds the partition
// key, so duplicates are still refused by ON CONFLICT.
//
// hearth_readings_partition(ts) creates the partition of ts's month unless it exists and returns
// its name. The reading store calls it for every month it has not seen yet, before the batch's
// transaction (reading_store_postgres.cpp); two instances creating one month at once are fine
// (the loser's error is caught). The rows already stored move into their months here, once.
//
// SQLite keeps one table (a city fits in it; see docs/scaling.md): its step is empty.
#pragma once

namespace hearth::adapters::storage {

inline constexpr const char* kReadingsByMonthSqlite = "";

inline constexpr const char* kReadingsByMonthPostgres = R"sql(
ALTER TABLE readings RENAME TO readings_unpartitioned;
ALTER TABLE readings_unpartitioned RENAME CONSTRAINT readings_pkey
  TO readings_unpartitioned_pkey;
CREATE TABLE readings (
  sensor_id BIGINT NOT NULL REFERENCES sensors(id),
  ts        BIGINT NOT NULL,
  centi     INTEGER NOT NULL,
  PRIMARY KEY (sensor_id, ts)
) PARTITION BY RANGE (ts);
CREATE FUNCTION hearth_readings_partition(t BIGINT) RETURNS TEXT LANGUAGE plpgsql AS $$
DECLARE
  -- The local month of t (UTC+08:00, no daylight saving), as a UTC timestamp of its first day.
  month_start TIMESTAMP := date_trunc('month', to_timestamp(t + 28800) AT TIME ZONE 'UTC');
  lo BIGINT := extract(epoch FROM month_start AT TIME ZONE 'UTC')::BIGINT - 28800;
  hi BIGINT := extract(epoch FROM (month_start + INTERVAL '1 month') AT TIME ZONE 'UTC')::BIGINT
               - 28800;
  part TEXT := 'readings_' || to_char(month_start, 'YYYYMM');
BEGIN
  IF to_regclass(part) IS NULL THEN
    BEGIN
      EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF readings '
                     'FOR VALUES FROM (%s) TO (%s)', part, lo, hi);
    EXCEPTION WHEN duplicate_table OR unique_violation THEN
      NULL;  -- another session created it meanwhile
    END;
  END IF;
  RETURN part;
END $$;
SELECT hearth_readings_partition(MIN(ts)) FROM readings_unpartitioned
  GROUP BY date_trunc('month', to_timestamp(ts + 28800) AT TIME ZONE 'UTC');
INSERT INTO readings (sensor_id, ts, centi)
  SELECT sensor_id, ts, centi FROM readings_unpartitioned ORDER BY sensor_id, ts;
DROP TABLE readings_unpartitioned;
)sql";

}  // namespace hearth::adapters::storage
