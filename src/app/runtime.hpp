// Builds the objects a command needs from its flags: the store, the calendar, the policies.
#pragma once

#include <memory>
#include <string>

#include "adapters/storage/record_store_sql.hpp"
#include "adapters/storage/sql_store.hpp"
#include "adapters/storage/user_store_sql.hpp"
#include "ports/clock.hpp"
#include "services/auth_service.hpp"
#include "services/calendar_service.hpp"
#include "services/deadline_service.hpp"
#include "services/ingest_service.hpp"
#include "services/alert_service.hpp"
#include "services/judging_service.hpp"
#include "services/measurement_service.hpp"
#include "services/rollup_service.hpp"
#include "services/refund_ledger_service.hpp"
#include "services/policy_registry.hpp"

namespace hearth::app {

struct Runtime {
  std::unique_ptr<adapters::SqlStore> store;  ///< null when no database was opened
  std::unique_ptr<adapters::SqlRecordStore> records;  ///< own connection; null without a database
  std::unique_ptr<services::CalendarService> calendar;
  std::unique_ptr<services::PolicyRegistry> policies;
  std::unique_ptr<services::DeadlineService> deadlines;
  std::unique_ptr<ports::Clock> clock;  ///< the wall clock; set by AddAuth
  std::unique_ptr<adapters::SqlUserStore> users;  ///< own connection; null without a database
  std::unique_ptr<services::AuthService> auth;    ///< over users and clock; null without one
  std::unique_ptr<ports::ReadingStore> readings;  ///< own connections; null without a database
  std::unique_ptr<services::IngestService> ingest;  ///< over readings and clock; null without one
  // Judging days (runtime_monitoring.cpp); null without a database.
  std::unique_ptr<ports::MonitoringStore> monitoring;  ///< own connection
  std::unique_ptr<services::RollupService> rollups;
  std::unique_ptr<services::JudgingService> judging;
  std::unique_ptr<services::MeasurementService> measurements;
  std::unique_ptr<services::AlertService> alerts;
  // The refund ledger (runtime_refunds.cpp); null without a database.
  std::unique_ptr<ports::RefundLedgerStore> refund_ledger;  ///< own connection
  std::unique_ptr<services::RefundLedgerService> refunds;
};

enum class DbMode {
  kRequired,     ///< open or create the database
  kIfPresent,    ///< use it when the file exists (read-only commands)
};

/// Opens the user store on its own connection to `db_url` and makes rt.auth (runtime_auth.cpp).
Status AddAuth(Runtime& rt, const std::string& db_url);

/// Opens the reading store on connections of its own to `db_url` and makes rt.ingest over it and
/// rt.clock (runtime_ingest.cpp). Call after AddAuth (which sets the clock).
Status AddIngest(Runtime& rt, const std::string& db_url);

/// Opens the monitoring store on its own connection to `db_url` and makes rt.rollups, judging,
/// measurements and alerts (runtime_monitoring.cpp). Call after the policies and the clock exist.
Status AddMonitoring(Runtime& rt, const std::string& db_url);

/// Opens the refund ledger on its own connection to `db_url` and makes rt.refunds
/// (runtime_refunds.cpp). Call after AddMonitoring.
Status AddRefunds(Runtime& rt, const std::string& db_url);

Result<Runtime> MakeRuntime(const std::string& db_path, const std::string& policy_dir, DbMode mode);

}  // namespace hearth::app
