// The judging part of the runtime: a monitoring store on a connection of its own, and the
// rollup, judging, measurement and alert services over it.
#include "adapters/clock/system_clock.hpp"
#include "adapters/storage/monitoring_store_sql.hpp"
#include "app/runtime.hpp"

namespace hearth::app {

Status AddMonitoring(Runtime& rt, const std::string& db_url) {
  auto conn = adapters::sql::Connect(db_url, false);  // migrated by SqlStore::Open
  if (!conn.ok()) return conn.error();
  if (!rt.clock) rt.clock = std::make_unique<adapters::SystemClock>();
  rt.monitoring = std::make_unique<adapters::SqlMonitoringStore>(std::move(*conn));
  rt.rollups = std::make_unique<services::RollupService>(*rt.monitoring, *rt.records, *rt.policies);
  rt.judging = std::make_unique<services::JudgingService>(*rt.monitoring, *rt.records, *rt.policies,
                                                          rt.rollups.get());
  rt.measurements =
      std::make_unique<services::MeasurementService>(*rt.monitoring, *rt.records, *rt.policies);
  rt.alerts = std::make_unique<services::AlertService>(*rt.monitoring, *rt.records, *rt.policies,
                                                       *rt.judging, rt.rollups.get(), *rt.clock);
  return OkStatus();
}

}  // namespace hearth::app
