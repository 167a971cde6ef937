// Port: room-temperature readings, as sensors send them (issue 5).
//
// A reading is keyed by (sensor, ts): storing the same key again never makes a second reading and
// never changes the first one's value. The same value again is a duplicate (a redelivery); another
// value is a conflict (issue 12: a forged or a faulty reading, or the genuine one after a forged
// one): counted apart and kept in reading_conflicts for review, once per distinct value.
// A reading of a known sensor that ingest refuses for its time (issue 18: a device whose clock
// runs fast) is not stored as a reading but kept in quarantine with its reason, in the batch's
// transaction, once per (sensor, ts): so the quarantine grows at most by one row per distinct
// reading a device sends, as readings would, and a redelivery adds nothing.
// Insert returns only after the batch is durably committed (it survives kill -9 of the
// process): an acknowledgement to a sensor or an HTTP client may follow it. Values are held in
// hundredths of a degree Celsius, exactly as sent.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace hearth::ports {

struct Reading {
  int64_t sensor_id = 0;
  int64_t ts = 0;     ///< Unix seconds (UTC)
  int32_t centi = 0;  ///< °C × 100
};

struct InsertCounts {
  int64_t inserted = 0;
  /// already stored under the same (sensor, ts) with the same value, including within the batch
  int64_t duplicate = 0;
  /// already stored under the same (sensor, ts) with another value (within the batch too: the
  /// first of the batch is stored); each is kept as a ReadingConflict
  int64_t conflicting = 0;
  /// quarantined readings newly kept: a (sensor, ts) already in quarantine is not kept again
  int64_t quarantined = 0;
};

/// Where a batch came from: recorded with its conflicts.
struct InsertSource {
  std::string_view channel = "unknown";  ///< "mqtt", "http", "sim", …
  int64_t received_at = 0;               ///< Unix seconds
};

/// A reading that disagreed with the stored one, kept for review.
struct ReadingConflict {
  int64_t id = 0;  ///< in the order conflicts were kept
  int64_t sensor_id = 0;
  int64_t ts = 0;
  int32_t stored_centi = 0;  ///< the value that stays in readings
  int32_t centi = 0;         ///< the other value received
  int64_t received_at = 0;   ///< when it was first received (Unix seconds)
  std::string source;        ///< InsertSource::channel
};

/// A reading of a known sensor that is kept in quarantine instead of stored (see above).
struct QuarantinedReading {
  int64_t sensor_id = 0;
  int64_t ts = 0;     ///< Unix seconds, as sent
  int32_t centi = 0;  ///< °C × 100
  std::string_view reason;  ///< why it is not a reading, e.g. "time in the future"
};

/// A quarantined reading as kept, for review and for the alerts.
struct QuarantineEntry {
  int64_t id = 0;  ///< in the order they were kept
  int64_t sensor_id = 0;
  int64_t ts = 0;
  int32_t centi = 0;
  std::string reason;
  int64_t received_at = 0;  ///< when it was first received (Unix seconds)
  std::string source;       ///< InsertSource::channel
};

/// What ingest needs to know about a sensor, by its device code (the MQTT topic's last level).
struct SensorInfo {
  int64_t id = 0;
  int64_t room_id = 0;
  int64_t household_id = 0;
  int64_t company_id = 0;
};

/// Thread-safe.
class ReadingStore {
 public:
  virtual ~ReadingStore() = default;

  /// Stores the batch and keeps `quarantine` in one transaction, all or nothing, with the
  /// batch's conflicts (see above). Precondition: every sensor_id exists.
  virtual Result<InsertCounts> Insert(std::span<const Reading> batch,
                                      std::span<const QuarantinedReading> quarantine,
                                      const InsertSource& source) = 0;
  Result<InsertCounts> Insert(std::span<const Reading> batch, const InsertSource& source) {
    return Insert(batch, {}, source);
  }
  Result<InsertCounts> Insert(std::span<const Reading> batch) { return Insert(batch, {}, {}); }

  /// The conflicts kept for one sensor with id > after_id, by id: the first `limit` (>= 1).
  virtual Result<std::vector<ReadingConflict>> Conflicts(int64_t sensor_id, int64_t after_id,
                                                         int64_t limit) = 0;

  /// The quarantined readings of one sensor with id > after_id, by id: the first `limit` (>= 1).
  virtual Result<std::vector<QuarantineEntry>> Quarantined(int64_t sensor_id, int64_t after_id,
                                                           int64_t limit) = 0;

  /// The readings of one sensor with from <= ts < to, in time order: the first `limit` (>= 1)
  /// of them.
  virtual Result<std::vector<Reading>> Range(int64_t sensor_id, int64_t from, int64_t to,
                                             int64_t limit) = 0;

  /// The sensors with these device codes, in the same order: nullopt for an unknown code. One
  /// statement for all of them (a batch names each of its sensors once). Errors: the engine's.
  virtual Result<std::vector<std::optional<SensorInfo>>> FindSensors(
      std::span<const std::string> codes) = 0;

  /// The sensor with this device code, or not_found.
  Result<SensorInfo> FindSensor(const std::string& code) {
    auto found = FindSensors({&code, 1});
    if (!found.ok()) return found.error();
    if (!(*found)[0]) return Error::NotFound("unknown sensor", "sensor");
    return *(*found)[0];
  }
};

}  // namespace hearth::ports
