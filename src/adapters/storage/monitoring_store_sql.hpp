// ports::MonitoringStore over Connection (SQLite or PostgreSQL), on the tables of migration 5
// (dirty_sensor_days, household_days, outdoor_means, measurements). Thread-safe: one connection
// of its own, guarded by mutex_ (rollups and judging are not the ingest hot path).
#pragma once

#include <memory>

#include "adapters/storage/sql.hpp"
#include "core/mutex.hpp"
#include "core/thread_annotations.hpp"
#include "ports/monitoring_store.hpp"

namespace hearth::adapters::storage {

class SqlMonitoringStore final : public ports::MonitoringStore {
 public:
  /// Takes a migrated connection.
  explicit SqlMonitoringStore(std::unique_ptr<Connection> conn) : conn_(std::move(conn)) {}

  Result<int64_t> DirtyMarkCount() override;
  Result<std::vector<ports::DirtyMark>> DirtyMarks(int limit,
                                                   const ports::MarkRange& range) override;
  Result<std::vector<ports::RoomReading>> HouseholdReadings(int64_t household_id, int64_t from,
                                                            int64_t to) override;
  Result<int64_t> CommitRollup(std::span<const ports::HouseholdDay> days,
                               std::span<const ports::DirtyMark> done) override;
  Result<std::vector<ports::HouseholdDay>> HouseholdDaysOf(
      int64_t first, int64_t last, Date from, Date to,
      std::optional<ports::RoomsWanted> rooms) override;
  Result<std::vector<ports::HouseholdDay>> HouseholdDays(
      int64_t household_id, Date from, Date to, std::optional<ports::RoomsWanted> rooms) override;
  // Outdoor means and their submissions: weather_sql.cpp.
  Status PutOutdoorMeans(std::span<const ports::OutdoorMean> means,
                         const std::string& actor) override;
  Result<std::vector<int64_t>> SubmitOutdoorMeans(std::span<const ports::OutdoorMean> means,
                                                  const std::string& actor) override;
  Result<std::vector<ports::OutdoorMeanSubmission>> OutdoorMeanSubmissions(
      const ports::SubmissionQuery& query) override;
  Result<ports::OutdoorMeanSubmission> DecideOutdoorMean(int64_t id, bool confirm,
                                                         const std::string& actor) override;
  Result<std::vector<ports::OutdoorMean>> OutdoorMeans(int64_t district_id, Date from,
                                                       Date to) override;
  Result<ports::Measurement> AddMeasurement(const ports::Measurement& m) override;
  Result<ports::Measurement> GetMeasurement(int64_t id) override;
  Result<std::vector<ports::Measurement>> Measurements(int64_t household_id) override;
  Result<std::vector<ports::Measurement>> ListMeasurements(
      const ports::MeasurementQuery& query) override;
  Result<ports::Measurement> UpdateMeasurement(int64_t id, const ports::MeasurementChange& change,
                                               const std::string& actor) override;
  Result<std::vector<int64_t>> MeasuredHouseholds(std::optional<int64_t> company_id) override;
  Result<std::vector<ports::SensorLast>> LastReadings(std::optional<int64_t> company_id) override;
  Result<std::vector<ports::SensorQuarantine>> QuarantinedSensors(std::optional<int64_t> company_id,
                                                                  int64_t since) override;
  Result<std::vector<int64_t>> HouseholdsWithDays(Date from, Date to,
                                                  std::optional<int64_t> company_id) override;

 private:
  Result<ports::Measurement> GetMeasurementLocked(int64_t id) REQUIRES(mutex_);
  // Replaces the district-day means with an audit entry each; inside the caller's transaction.
  Status PutMeansLocked(std::span<const ports::OutdoorMean> means, const std::string& actor,
                        const std::string& recorded_by) REQUIRES(mutex_);

  Mutex mutex_;
  std::unique_ptr<Connection> conn_ GUARDED_BY(mutex_);
};

}  // namespace hearth::adapters::storage
