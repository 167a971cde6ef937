// The composition root: every object a command needs, built once, in the order of what needs
// what. Members are declared in that order and constructed in it, each from references to the
// members above it, so nothing can be used before what it needs exists, and everything is torn
// down in the reverse order. Only Open can fail: it opens the connections and loads the
// profiles first, then builds the objects, which cannot fail.
//
//   clock, policies -> store (migrated) -> calendar -> deadlines -> Database:
//     records, users -> hasher, tokens -> auth -> accounts -> readings -> ingest -> monitoring
//     -> rollups -> judging -> measurements, alerts -> refund_ledger -> refunds -> weather
//     -> device tokens -> work orders -> reports -> indicators, season duties, regulator
//     -> partner keys -> jobs
//
// Each store has a connection of its own, so that ingest never queues behind the records.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "adapters/clock/system_clock.hpp"
#include "adapters/crypto/hashing_pool.hpp"
#include "adapters/crypto/password_hash.hpp"
#include "adapters/crypto/tokens.hpp"
#include "adapters/storage/arrears_sql.hpp"
#include "adapters/storage/bill_sql.hpp"
#include "adapters/storage/connection_sql.hpp"
#include "adapters/storage/contract_history_sql.hpp"
#include "adapters/storage/database_watch.hpp"
#include "adapters/storage/device_tokens_sql.hpp"
#include "adapters/storage/energy_sql.hpp"
#include "adapters/storage/finding_sql.hpp"
#include "adapters/storage/heating_change_sql.hpp"
#include "adapters/storage/indicator_publication_sql.hpp"
#include "adapters/storage/insurance_sql.hpp"
#include "adapters/storage/job_sql.hpp"
#include "adapters/storage/licence_sql.hpp"
#include "adapters/storage/mass_complaint_sql.hpp"
#include "adapters/storage/meter_dispute_sql.hpp"
#include "adapters/storage/monitoring_store_sql.hpp"
#include "adapters/storage/outage_sql.hpp"
#include "adapters/storage/partner_keys_sql.hpp"
#include "adapters/storage/price_notice_sql.hpp"
#include "adapters/storage/record_store_sql.hpp"
#include "adapters/storage/refund_ledger_sql.hpp"
#include "adapters/storage/sql_store.hpp"
#include "adapters/storage/user_store_sql.hpp"
#include "adapters/storage/work_order_sql.hpp"
#include "services/alert_service.hpp"
#include "services/arrears_service.hpp"
#include "services/auth_service.hpp"
#include "services/billing_service.hpp"
#include "services/calendar_service.hpp"
#include "services/company_sample_plan.hpp"
#include "services/sample_plan_adoption.hpp"
#include "services/connection_service.hpp"
#include "services/deadline_service.hpp"
#include "services/device_token_service.hpp"
#include "services/energy_service.hpp"
#include "services/finding_service.hpp"
#include "services/heating_change_service.hpp"
#include "services/hotline_report_service.hpp"
#include "services/indicator_publication_service.hpp"
#include "services/ingest_service.hpp"
#include "services/insurance_service.hpp"
#include "services/job_runner.hpp"
#include "services/judging_service.hpp"
#include "services/mass_complaint_service.hpp"
#include "services/measurement_service.hpp"
#include "services/meter_dispute_service.hpp"
#include "services/outage_service.hpp"
#include "services/policy_registry.hpp"
#include "services/price_notice_service.hpp"
#include "services/refund_ledger_service.hpp"
#include "services/regulator_service.hpp"
#include "services/rollup_service.hpp"
#include "services/season_duty_service.hpp"
#include "services/user_admin_service.hpp"
#include "services/weather_service.hpp"
#include "services/work_order_service.hpp"

namespace hearth::app::runtime {

enum class DbMode {
  kRequired,   ///< open or create the database
  kIfPresent,  ///< use it when the file exists (read-only commands); else run without one
};

struct RuntimeOptions {
  std::string db;          ///< a SQLite file or a postgresql:// URL
  std::string policy_dir;  ///< policies/<name>.toml
  DbMode mode = DbMode::kRequired;
  adapters::crypto::Argon2Cost password_cost{};  ///< for new password hashes (tests lower it)
  /// kRequired: create a missing SQLite file. `hearth serve` creates one only with --init: a
  /// missing file there is a mistake (a wrong path, a deleted database), never a new city.
  bool create = true;
};

/// The connections of the database's stores, opened (and the schema migrated) before any object
/// is built.
struct Connections {
  std::string url;  ///< what they were opened on
  std::unique_ptr<adapters::storage::Connection> records, users, monitoring, ledger, tokens,
      work_orders, partners, outages, findings, energy, indicators, mass_complaints, licences,
      insurance, connections, meter_disputes, heating_changes, bills, arrears, price_notices,
      contracts, jobs;
  std::unique_ptr<ports::ReadingStore> readings;
};

/// The objects over the database, in construction order.
class Database {
 public:
  Database(Connections connections, const ports::Clock& clock,
           const services::PolicyRegistry& policies, const services::DeadlineService& deadlines,
           services::CalendarService& calendar, const adapters::crypto::Argon2Cost& password_cost);
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  const std::string url;                   ///< as opened: a SQLite path or a postgresql:// URL
  adapters::storage::DatabaseWatch watch;  ///< is the database file still there (issue 12)?
  adapters::storage::SqlRecordStore records;
  adapters::storage::SqlUserStore users;
  adapters::crypto::Argon2Hasher hasher;
  /// Logins and password changes hash here, off the HTTP threads, a bounded number at a time
  /// (issue 12, item 3; HashingPoolFor).
  adapters::crypto::HashingPool hashing;
  adapters::crypto::RandomTokenIssuer tokens;
  services::AuthService auth;
  services::UserAdminService accounts;  ///< admin's account changes (hearth user, /api/v1/users)
  std::unique_ptr<ports::ReadingStore> readings;  ///< never null (engine-specific)
  services::IngestService ingest;
  adapters::storage::SqlMonitoringStore monitoring;
  services::RollupService rollups;
  adapters::storage::SqlOutageStore outage_store;    ///< heating stops (issue 15)
  adapters::storage::SqlFindingStore finding_store;  ///< household-caused findings (issue 15)
  adapters::storage::SqlHeatingChangeStore heating_change_store;  ///< 增减停复 (R-ACCT-1)
  adapters::storage::SqlContractHistory contract_history;  ///< contract versions (R-ACCT-1)
  /// With the stops and findings (R-REFUND-2, R-REFUND-4), the heating changes and the contract
  /// versions (R-ACCT-1).
  services::JudgingService judging;
  services::MeasurementService measurements;
  services::AlertService alerts;
  adapters::storage::SqlRefundLedger refund_ledger;
  services::RefundLedgerService refunds;
  services::WeatherService weather;
  adapters::storage::SqlDeviceTokenStore device_token_store;
  services::DeviceTokenService device_tokens;  ///< HTTP tokens of devices and gateways
  adapters::storage::SqlWorkOrderStore work_order_store;
  adapters::storage::SqlMassComplaintStore mass_complaint_store;
  services::MassComplaintService mass_complaints;  ///< R-REG-1, checked as orders arrive
  services::WorkOrderService work_orders;  ///< complaints, hotline orders, repairs (issue 13)
  services::OutageService outages;         ///< heating stops and their notices (issue 15)
  services::FindingService findings;       ///< household-caused findings (R-REFUND-4)
  adapters::storage::SqlInsuranceStore insurance_store;
  services::InsuranceService insurance;  ///< insurance claims (R-INS-1)
  adapters::storage::SqlConnectionStore connection_store;
  services::ConnectionService connections;  ///< connection applications (R-CONN-1)
  adapters::storage::SqlBillStore bill_store;
  services::BillingService billing;  ///< season bills (R-BILL-1, R-METER-1, R-REFUND-6)
  adapters::storage::SqlMeterDisputeStore meter_dispute_store;
  /// Heat-meter disputes (R-METER-1); a failed calibration settles the bill again by area.
  services::MeterDisputeService meter_disputes;
  /// 增减停复 (R-ACCT-1); an approval settles the issued bill again through `billing`.
  services::HeatingChangeService heating_changes;
  adapters::storage::SqlArrearsStore arrears_store;
  services::ArrearsService arrears;  ///< reminders and stops for arrears (R-BILL-1, W 9.2.2)
  adapters::storage::SqlPriceNoticeStore price_notice_store;
  services::PriceNoticeService price_notices;  ///< price-change notices (R-BILL-1, W 9.2.1)
  adapters::storage::SqlEnergyStore energy_store;
  services::EnergyService energy;  ///< daily dispatch reports of fuel (R-ENERGY-1)
  /// The monthly reports and indicators (R-WO-7; R-KPI-S, Q, C, P, B), live.
  services::HotlineReportService reports;
  adapters::storage::SqlIndicatorPublicationStore indicator_store;
  services::IndicatorPublicationService indicators;  ///< published indicators (W 14.4.6)
  adapters::storage::SqlLicenceStore licence_store;  ///< works outside the licence (Z 3.4)
  services::SeasonDutyService season_duties;         ///< the season's announcements (R-SEASON-1)
  services::CompanySamplePlanService sample_plans;   ///< plans from the records (R-SAMPLE-1..3)
  services::SamplePlanAdoptionService sample_plan_adoption;  ///< adopted and followed (R-SAMPLE-3)
  services::RegulatorService regulator;  ///< the comparison of companies, subsidy shares (R-REG-1)
  adapters::storage::SqlPartnerKeyStore partner_keys;  ///< the hotline platforms' keys
  adapters::storage::SqlJobStore job_store;
  /// Long runs as jobs (issue 14). Last, so that it is torn down first: its runs are stopped and
  /// joined while the services they use still exist.
  services::JobRunner jobs;
};

class Runtime {
 public:
  /// Opens the database per `options.mode` (migrating it) and loads the policy profiles. With
  /// kIfPresent, a missing database gives a runtime without one (db == nullptr, store == nullptr)
  /// and a missing policy directory an empty registry (policy files still work).
  static Result<std::unique_ptr<Runtime>> Open(const RuntimeOptions& options);

  Runtime(const Runtime&) = delete;
  Runtime& operator=(const Runtime&) = delete;

  adapters::clock::SystemClock clock;
  services::PolicyRegistry policies;
  std::string policy_dir;  ///< where `policies` were loaded from (GET /api/v1/policies shows them)
  std::unique_ptr<adapters::storage::SqlStore> store;  ///< null without a database
  services::CalendarService calendar;  ///< over the store's loaded years, when it has one
  services::DeadlineService deadlines;
  std::unique_ptr<Database> db;  ///< null without a database

 private:
  Runtime(services::PolicyRegistry loaded, std::unique_ptr<adapters::storage::SqlStore> opened,
          std::optional<Connections> connections,
          const adapters::crypto::Argon2Cost& password_cost);
};

/// The hashing pool of a machine with `cores` cores: one hashing thread per 4 cores (at least
/// one), so that logins never take more than a quarter of the machine (half of a 2-core one), and
/// 4 waiting calls per thread (a login waits at most about 1 s for its turn).
adapters::crypto::HashingPoolOptions HashingPoolFor(unsigned cores);

/// The registry of `dir`'s profiles, reading policy files named by path with the same loader.
/// `missing_ok`: a missing directory gives a registry without named profiles (files still work).
Result<services::PolicyRegistry> LoadPolicies(const std::string& dir, bool missing_ok = false);

}  // namespace hearth::app::runtime
