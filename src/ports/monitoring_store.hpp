// Port: what judging household-days needs stored (issue 5, R-TEMP-1..5, R-REFUND-5): the dirty
// marks that make rollups incremental, the rolled-up household-days (R-TEMP-3), outdoor daily
// means per district (R-TEMP-1) and manual measurements (R-TEMP-4).
//
// Dirty marks. The reading store marks (sensor, local day) in the transaction that inserts a
// reading, bumping the mark's `seq` when it exists (adapters/storage/reading_store_*.cpp). A
// rollup takes marks with their seq, recomputes the household-days they touch, and commits the
// results together with clearing exactly the marks whose seq is still the one it took: a reading
// that arrived meanwhile bumped its mark, which therefore stays, and the day is rolled up again
// ("a late reading re-opens its day").
//
// Days are local (UTC+08:00) dates. Methods take no scope: callers (services) check access first.
// Thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <utility>
#include <span>
#include <string>
#include <vector>

#include "core/civil_time.hpp"
#include "core/result.hpp"
#include "rules/manual_measurement.hpp"
#include "rules/policy.hpp"
#include "rules/temperature.hpp"

namespace hearth::ports {

/// The local (UTC+08:00) day of Unix time `ts`, in days since 1970-01-01 (floored): the day a
/// reading marks dirty.
inline int64_t LocalDayNumber(int64_t ts) {
  const int64_t s = ts + kChinaOffset.count();
  return (s >= 0 ? s : s - 86399) / 86400;
}
/// "YYYY-MM-DD" of a LocalDayNumber: dirty_sensor_days.day.
inline std::string DayText(int64_t day_number) {
  return FormatDate(Date{std::chrono::days{day_number}});
}

/// A sensor got readings on a local day since its household-day was last rolled up.
struct DirtyMark {
  int64_t sensor_id = 0;
  Date day;
  int64_t seq = 0;
  int64_t household_id = 0;  ///< the sensor's room's household (joined when taken)
};

/// Which dirty marks a rollup takes: those of the households first..last and of the local days
/// from..to (each both included), when given; every mark when neither is.
struct MarkRange {
  std::optional<std::pair<int64_t, int64_t>> households;
  std::optional<std::pair<Date, Date>> days;
};

/// One reading of a household's sensor, with its room (rooms.name, unique in the household).
struct RoomReading {
  int64_t sensor_id = 0;
  std::string room;
  std::string room_kind;  ///< rooms.kind: "bedroom", "living", "other"
  int64_t ts = 0;         ///< Unix seconds
  int32_t centi = 0;      ///< °C × 100
};

/// One room's part of a household-day (R-TEMP-3), kept with the day to show why it has its value.
struct RoomSummary {
  std::string room;
  rules::RoomKind kind = rules::RoomKind::kBedroom;
  int valid_hours = 0;                 ///< local hours with at least one valid reading
  bool counted = false;                ///< enough valid hours to count
  std::optional<rules::Tenths> value;  ///< the room's daily value; set when counted

  bool operator==(const RoomSummary&) const = default;
};

/// The R-TEMP-3 result of one household-day.
struct HouseholdDay {
  int64_t household_id = 0;
  Date day;
  std::optional<rules::Tenths> value;  ///< none: no guaranteed room counted
  std::string room;                    ///< the counted room with the minimum; "" without value
  std::vector<RoomSummary> rooms;      ///< every room with readings that day
  std::string computed_at;  ///< RFC 3339, local
};

/// The days of a read of household-days whose rooms (HouseholdDay::rooms) are wanted; the other
/// days come without them. Judging reads a whole season for the evidence of the days it judges
/// (R-REFUND-5) but shows the rooms of those days only, and reading the rooms of every stored day
/// was most of its time.
struct RoomsWanted {
  Date from, to;
  bool Holds(Date day) const { return day >= from && day <= to; }
};

struct OutdoorMean {
  int64_t district_id = 0;
  Date day;
  rules::Tenths mean = 0;  ///< the day's mean outdoor temperature
};

/// An outdoor mean a heating company submitted (issue 11): kept apart from the means used in
/// judging until the regulator confirms it, since the company is the party the means judge.
struct OutdoorMeanSubmission {
  int64_t id = 0;
  OutdoorMean mean;
  std::string submitted_by, submitted_at;
  std::string status;  ///< "pending", "confirmed", "rejected"
  std::string decided_by, decided_at;
};

struct SubmissionQuery {
  std::optional<std::string> status;
  std::optional<int64_t> district_id;
  std::optional<int64_t> after;  ///< cursor: ids greater than this
  int limit = 50;                ///< 1..1000
};

/// Who signed or refused a measurement's result, when and how (R-TEMP-4).
struct SignatureRecord {
  std::string by;   ///< the household's username, or the signer's name as given on the device
  Instant at;
  std::string via;  ///< "household-login" or "device"

  bool operator==(const SignatureRecord&) const = default;
};

/// A manual measurement as stored. The signature and overridden flag may change later; the rest
/// is fixed when it is added.
struct Measurement {
  int64_t id = 0;
  int64_t household_id = 0;
  std::string room;
  Instant taken_at;          ///< the time of its first reading
  std::string instrument;    ///< "glass-thermometer", "digital-thermometer", "infrared-gun"
  std::string payload_json;  ///< the measurement as submitted
  std::string signature;     ///< "signed", "pending", "refused"
  bool third_party = false;
  bool overridden = false;
  bool valid = false;
  std::string violations_json;  ///< [{"rule","check","message"}]; "[]" when valid
  std::optional<rules::Tenths> value;
  std::string created_by;
  std::string created_at;
  std::optional<SignatureRecord> signed_record;  ///< set once signed or refused
};

/// Which measurements to list (MonitoringStore::ListMeasurements); every filter optional.
struct MeasurementQuery {
  std::optional<int64_t> household_id, company_id, district_id;
  std::optional<Instant> from, to;  ///< taken_at within [from, to]
  std::optional<int64_t> after;     ///< cursor: ids greater than this
  int limit = 50;                   ///< 1..1000
};

/// A change of a measurement's status (MonitoringStore::UpdateMeasurement).
struct MeasurementChange {
  std::optional<std::string> signature;         ///< "signed", "refused"
  std::optional<SignatureRecord> signed_record;  ///< with a signature
  std::optional<bool> overridden;
};

/// A manual measurement as submitted (decoded by adapters/json/measurement_json.hpp).
struct MeasurementInput {
  int64_t household_id = 0;
  std::string room;
  rules::ManualMeasurement measurement;
  std::string payload_json;  ///< the body, normalised (dumped again)
  /// The household's signature recorded on the device at the visit: required when the
  /// measurement arrives signed or refused (R-TEMP-4).
  std::optional<SignatureRecord> signature_record;
};

/// The newest reading of each sensor (for alerts), with whose sensor it is.
struct SensorLast {
  int64_t sensor_id = 0;
  std::string sensor_code;
  int64_t household_id = 0;
  std::string household_code;
  int64_t company_id = 0;
  std::string room;       ///< the room it measures
  std::string room_kind;  ///< "bedroom", "living", "other"
  std::optional<int64_t> last_ts;  ///< none: the sensor never sent a reading
  std::optional<int32_t> last_centi;
};

/// A sensor with readings kept in quarantine (ports/reading_store.hpp, issue 18), for alerts.
struct SensorQuarantine {
  int64_t sensor_id = 0;
  std::string sensor_code;
  int64_t household_id = 0;
  std::string household_code;
  int64_t company_id = 0;
  int64_t count = 0;             ///< readings quarantined in the window asked for
  int64_t latest_ts = 0;         ///< the latest time among them (Unix seconds, as sent)
  int64_t last_received_at = 0;  ///< when the last of them was received
  std::string reason;            ///< the reason of the last received
};

class MonitoringStore {
 public:
  virtual ~MonitoringStore() = default;

  // ---- rollups -------------------------------------------------------------------------------

  /// Up to `limit` dirty marks in `range`, ordered by household and day. Marks of sensors
  /// without a household cannot exist (sensors belong to rooms).
  virtual Result<std::vector<DirtyMark>> DirtyMarks(int limit, const MarkRange& range) = 0;

  /// How many dirty marks wait for a rollup (the rollups' backlog, for /metrics).
  virtual Result<int64_t> DirtyMarkCount() = 0;

  /// Every reading of `household_id`'s sensors with from <= ts < to, in no particular order.
  virtual Result<std::vector<RoomReading>> HouseholdReadings(int64_t household_id, int64_t from,
                                                             int64_t to) = 0;

  /// In one transaction: stores (replacing) `days`, and deletes each of `done` whose seq is still
  /// the one given. Returns how many marks were deleted (the rest were re-opened meanwhile).
  virtual Result<int64_t> CommitRollup(std::span<const HouseholdDay> days,
                                       std::span<const DirtyMark> done) = 0;

  /// `household_id`'s stored days with from <= day <= to, in date order. Only the days of
  /// `rooms` come with their rooms (every day when none).
  virtual Result<std::vector<HouseholdDay>> HouseholdDays(int64_t household_id, Date from, Date to,
                                                          std::optional<RoomsWanted> rooms) = 0;
  /// The same for every household whose id is in [first, last] (a page of households at once),
  /// by household, then date.
  virtual Result<std::vector<HouseholdDay>> HouseholdDaysOf(int64_t first, int64_t last, Date from,
                                                            Date to,
                                                            std::optional<RoomsWanted> rooms) = 0;

  // ---- outdoor means -------------------------------------------------------------------------

  /// Stores (replacing) the means used in judging, all or nothing, with an audit entry (resource
  /// "weather") per district and day in the same transaction. already_exists when a district is
  /// unknown.
  virtual Status PutOutdoorMeans(std::span<const OutdoorMean> means,
                                 const std::string& actor) = 0;
  /// Keeps the means as pending submissions, all or nothing, audited; returns their ids.
  virtual Result<std::vector<int64_t>> SubmitOutdoorMeans(std::span<const OutdoorMean> means,
                                                          const std::string& actor) = 0;
  virtual Result<std::vector<OutdoorMeanSubmission>> OutdoorMeanSubmissions(
      const SubmissionQuery& query) = 0;
  /// pending -> confirmed (its mean then replaces the district-day's, as PutOutdoorMeans) or
  /// rejected, in one transaction with its audit entries. not_found, or failed_precondition
  /// when it is not pending.
  virtual Result<OutdoorMeanSubmission> DecideOutdoorMean(int64_t id, bool confirm,
                                                          const std::string& actor) = 0;
  /// `district_id`'s means with from <= day <= to, in date order.
  virtual Result<std::vector<OutdoorMean>> OutdoorMeans(int64_t district_id, Date from,
                                                        Date to) = 0;

  // ---- manual measurements -------------------------------------------------------------------

  /// Adds `m` (its id, created_at ignored) with its audit entry (resource "measurements", actor
  /// m.created_by) in one transaction; returns it as stored.
  virtual Result<Measurement> AddMeasurement(const Measurement& m) = 0;
  /// not_found when there is none.
  virtual Result<Measurement> GetMeasurement(int64_t id) = 0;
  /// `household_id`'s measurements by time taken, then id.
  virtual Result<std::vector<Measurement>> Measurements(int64_t household_id) = 0;
  /// The measurements matching `query`, by id (the district is the household's building's).
  virtual Result<std::vector<Measurement>> ListMeasurements(const MeasurementQuery& query) = 0;
  /// Applies `change` with its audit entry in one transaction; returns the measurement after it.
  /// not_found when there is none. The caller decides who may change what.
  virtual Result<Measurement> UpdateMeasurement(int64_t id, const MeasurementChange& change,
                                                const std::string& actor) = 0;

  // ---- alerts --------------------------------------------------------------------------------

  /// Households (within `company_id` when given) with at least one valid manual measurement, by
  /// id.
  virtual Result<std::vector<int64_t>> MeasuredHouseholds(std::optional<int64_t> company_id) = 0;

  /// Every sensor (within `company_id` when given) with its newest reading, by sensor id.
  virtual Result<std::vector<SensorLast>> LastReadings(std::optional<int64_t> company_id) = 0;
  /// Every sensor (within `company_id` when given) with readings kept in quarantine that were
  /// received at or after `since` (Unix seconds), with their count, by sensor id.
  virtual Result<std::vector<SensorQuarantine>> QuarantinedSensors(
      std::optional<int64_t> company_id, int64_t since) = 0;
  /// Households (within `company_id` when given) with a household-day from..to, by id.
  virtual Result<std::vector<int64_t>> HouseholdsWithDays(Date from, Date to,
                                                          std::optional<int64_t> company_id) = 0;
};

}  // namespace hearth::ports
