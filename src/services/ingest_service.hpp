// Ingest of room-temperature readings from any channel (HTTP JSON, HTTP CSV, MQTT): validates each
// reading, stores the valid ones in one durable batch, and reports what happened to every one.
//
// Rejections, each with its reason: an unknown sensor, a malformed time, a value that is not a
// number or is out of the accepted range, a time in the future (beyond a small clock skew). A
// reading already stored under the same (sensor, ts) counts as a duplicate when its value is the
// same, as conflicting (and is kept for review, ports/reading_store.hpp) when it is not; neither
// counts as accepted.
// A reading in the future from a sensor the caller may send for, with a plausible value, is a
// rejection too, but is kept in quarantine (issue 18, item 5: a device whose clock runs fast must
// not lose everything silently): the rejection says so (`quarantined`), and the alerts show the
// sensor (AlertService, "clock-skew"). Unknown sensors and bad values are only rejected.
// When Ingest returns ok, the accepted readings and the quarantined ones are durably stored, in
// one transaction; when it returns an error (storage unavailable), nothing of the batch was
// stored and the caller must not acknowledge it.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "ports/clock.hpp"
#include "ports/incoming_reading.hpp"
#include "ports/reading_store.hpp"

namespace hearth::services {

/// One reading as received, still text: decoders (adapters/json, adapters/csv, the MQTT topic)
/// only split the payload; all judgement is here. Defined with the ports
/// (ports/incoming_reading.hpp) so that the adapters can produce it.
using IncomingReading = ports::IncomingReading;

struct Rejection {
  int64_t index = 0;    ///< position in the batch, from 0
  std::string sensor;
  std::string reason;   ///< e.g. "unknown sensor", "time in the future", "value out of range
                        ///< [-50.00, 80.00]"
  bool quarantined = false;  ///< kept in quarantine (a time in the future), not dropped
};

struct IngestReport {
  int64_t accepted = 0;
  int64_t duplicate = 0;
  int64_t conflicting = 0;
  int64_t quarantined = 0;  ///< of `rejected`, those kept in quarantine
  std::vector<Rejection> rejected;

  /// Nothing of the batch was taken: every reading rejected (quarantined ones included, since
  /// they are not readings), none accepted, duplicate or conflicting. HTTP answers 422 then.
  bool AllRejected() const {
    return accepted == 0 && duplicate == 0 && conflicting == 0 && !rejected.empty();
  }
};

/// Whose sensors the caller may send for. Empty: any sensor (admin, MQTT, the CLI). A reading for
/// a sensor outside `company_id` is rejected as an unknown sensor, so other companies' sensor
/// codes are not revealed.
struct IngestScope {
  std::optional<int64_t> company_id;
  /// A device token's sensors (ascending): a reading for any other is an unknown sensor too.
  std::optional<std::vector<int64_t>> sensor_ids;
};

struct IngestOptions {
  int64_t max_future_skew_s = 300;  ///< a ts further ahead of the clock than this is rejected
                                    ///< (and quarantined)
  int32_t min_centi = -5000;        ///< plausible sensor range; R-TEMP-3's validity is judged later
  int32_t max_centi = 8000;
};

/// What a process has ingested since it started, by outcome (/metrics).
struct IngestTotals {
  int64_t accepted = 0, duplicate = 0, conflicting = 0, rejected = 0;
  int64_t quarantined = 0;  ///< of `rejected`, the readings kept in quarantine
};

/// Thread-safe.
class IngestService {
 public:
  /// `store` and `clock` are not owned and must outlive the service.
  IngestService(ports::ReadingStore& store, const ports::Clock& clock, IngestOptions options = {});

  /// Validates every reading and stores the valid ones in one durable batch (see above). Values
  /// are decimal text, also in JSON's exponent form ("1.82e1"); they are rounded half away from
  /// zero to hundredths of a degree (18.125 -> 18.13), since sensors send whatever resolution they
  /// have. Errors: only the store's (unavailable, internal), and then nothing was stored.
  /// `channel` ("mqtt", "http", "sim") is recorded with the batch's conflicts.
  Result<IngestReport> Ingest(const std::vector<IncomingReading>& batch,
                              const IngestScope& scope = {}, std::string_view channel = "unknown");

  /// The sums of every report this service returned (a failed batch counts nothing).
  IngestTotals Totals() const;

 private:
  ports::ReadingStore& store_;
  const ports::Clock& clock_;
  IngestOptions options_;
  struct {
    std::atomic<int64_t> accepted{0}, duplicate{0}, conflicting{0}, rejected{0}, quarantined{0};
  } totals_;
};

}  // namespace hearth::services
