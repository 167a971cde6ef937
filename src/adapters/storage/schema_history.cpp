// The schema's history: every migration in order, as released, read top to bottom as the
// schema's record (the SQL of the later ones in schema_history_*.hpp). A new migration is
// appended here; migrations.cpp applies them.
//
// The SQL of migration 2 (the records) and of migrations 9 on is in schema_history_*.hpp; the
// short ones of 1 and 3 to 8 stay inline as they were released. Moving a migration's text
// unchanged does not edit it.
#include "adapters/storage/schema_history.hpp"

#include <array>

#include "adapters/storage/schema_history_bills.hpp"
#include "adapters/storage/schema_history_readings.hpp"
#include "adapters/storage/schema_history_connections.hpp"
#include "adapters/storage/schema_history_contracts.hpp"
#include "adapters/storage/schema_history_devices.hpp"
#include "adapters/storage/schema_history_energy.hpp"
#include "adapters/storage/schema_history_findings.hpp"
#include "adapters/storage/schema_history_heating_changes.hpp"
#include "adapters/storage/schema_history_indicators.hpp"
#include "adapters/storage/schema_history_insurance.hpp"
#include "adapters/storage/schema_history_jobs.hpp"
#include "adapters/storage/schema_history_mass_complaints.hpp"
#include "adapters/storage/schema_history_meters.hpp"
#include "adapters/storage/schema_history_outages.hpp"
#include "adapters/storage/schema_history_partners.hpp"
#include "adapters/storage/schema_history_quarantine.hpp"
#include "adapters/storage/schema_history_records.hpp"
#include "adapters/storage/schema_history_reliefs.hpp"
#include "adapters/storage/schema_history_sampling.hpp"
#include "adapters/storage/schema_history_seasons.hpp"
#include "adapters/storage/schema_history_work_orders.hpp"

namespace hearth::adapters::storage {
namespace {

// Append only: a released migration is never edited.
constexpr std::array<Migration, 35> kMigrations = {{
    {1, "calendar imports",
     R"sql(
CREATE TABLE calendar_imports (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  imported_at TEXT NOT NULL,
  source      TEXT NOT NULL,
  replace     INTEGER NOT NULL CHECK (replace IN (0, 1)),
  years_json  TEXT NOT NULL
);
)sql",
     R"sql(
CREATE TABLE calendar_imports (
  id          BIGSERIAL PRIMARY KEY,
  imported_at TEXT NOT NULL,
  source      TEXT NOT NULL,
  replace     INTEGER NOT NULL CHECK (replace IN (0, 1)),
  years_json  TEXT NOT NULL
);
)sql",
     nullptr},
    {2, "records and audit log", nullptr, nullptr, kRecordsSql},
    // Times are FormatLocal text (fixed +08:00 offset), so they order correctly as text.
    {3, "users, sessions and login failures", nullptr, nullptr,
     R"sql(
CREATE TABLE users (
  id {{ID}},
  username TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL
    CHECK (role IN ('admin', 'regulator', 'manager', 'agent', 'technician', 'household')),
  company_id BIGINT REFERENCES companies(id),
  household_id BIGINT REFERENCES households(id),
  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at TEXT NOT NULL,
  UNIQUE (username),
  CHECK ((role IN ('admin', 'regulator') AND company_id IS NULL AND household_id IS NULL)
      OR (role IN ('manager', 'agent', 'technician') AND company_id IS NOT NULL
          AND household_id IS NULL)
      OR (role = 'household' AND household_id IS NOT NULL AND company_id IS NULL))
);
CREATE INDEX users_company_id ON users (company_id);
CREATE INDEX users_household_id ON users (household_id);
CREATE TABLE sessions (
  token_hash TEXT NOT NULL PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE INDEX sessions_user_id ON sessions (user_id);
CREATE INDEX sessions_expires_at ON sessions (expires_at);
CREATE TABLE login_failures (
  username TEXT NOT NULL PRIMARY KEY,
  failures BIGINT NOT NULL,
  last_failure_at TEXT NOT NULL,
  locked_until TEXT
);
)sql"},
    // Room-temperature readings (issue 5), keyed by (sensor, ts) so that a re-sent reading is a
    // duplicate. ts: Unix seconds; centi: °C × 100. SQLite keeps the rows in the key's B-tree
    // itself (WITHOUT ROWID): one index to write per reading, and ranges read in order.
    {4, "readings",
     R"sql(
CREATE TABLE readings (
  sensor_id INTEGER NOT NULL REFERENCES sensors(id),
  ts        INTEGER NOT NULL,
  centi     INTEGER NOT NULL,
  PRIMARY KEY (sensor_id, ts)
) WITHOUT ROWID;
)sql",
     R"sql(
CREATE TABLE readings (
  sensor_id BIGINT NOT NULL REFERENCES sensors(id),
  ts        BIGINT NOT NULL,
  centi     INTEGER NOT NULL,
  PRIMARY KEY (sensor_id, ts)
);
)sql",
     nullptr},
    // Judging days (issue 5): what rollups still owe (dirty_sensor_days, marked by the reading
    // store in the insert's transaction; seq grows with every batch so that a rollup clears only
    // marks no reading touched meanwhile), their results (household_days, R-TEMP-3), outdoor daily
    // means (R-TEMP-1) and manual measurements (R-TEMP-4). Days are local 'YYYY-MM-DD'.
    {5, "rollups, outdoor means and manual measurements", nullptr, nullptr,
     R"sql(
CREATE TABLE dirty_sensor_days (
  sensor_id BIGINT NOT NULL REFERENCES sensors(id),
  day TEXT NOT NULL,
  seq BIGINT NOT NULL,
  PRIMARY KEY (sensor_id, day)
);
CREATE TABLE household_days (
  household_id BIGINT NOT NULL REFERENCES households(id),
  day TEXT NOT NULL,
  value_tenths BIGINT,
  room TEXT NOT NULL,
  rooms_json TEXT NOT NULL,
  computed_at TEXT NOT NULL,
  PRIMARY KEY (household_id, day)
);
CREATE INDEX household_days_day ON household_days (day);
CREATE TABLE outdoor_means (
  district_id BIGINT NOT NULL REFERENCES districts(id),
  day TEXT NOT NULL,
  mean_tenths BIGINT NOT NULL,
  PRIMARY KEY (district_id, day)
);
CREATE TABLE measurements (
  id {{ID}},
  household_id BIGINT NOT NULL REFERENCES households(id),
  room TEXT NOT NULL,
  taken_at TEXT NOT NULL,
  instrument TEXT NOT NULL,
  payload_json TEXT NOT NULL,
  signature TEXT NOT NULL CHECK (signature IN ('signed', 'pending', 'refused')),
  third_party INTEGER NOT NULL CHECK (third_party IN (0, 1)),
  overridden INTEGER NOT NULL DEFAULT 0 CHECK (overridden IN (0, 1)),
  valid INTEGER NOT NULL CHECK (valid IN (0, 1)),
  violations_json TEXT NOT NULL,
  value_tenths BIGINT,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX measurements_household_id ON measurements (household_id, taken_at);
)sql"},
    // The refund ledger (R-REFUND-6): one entry per household and season. And the indexes that
    // let a company's page of households or buildings be read in id order without sorting the
    // company's rows on every request (the (company_id, code) keys do not give that order).
    {6, "refund ledger; company indexes in id order", nullptr, nullptr,
     R"sql(
CREATE TABLE refund_entries (
  id {{ID}},
  household_id BIGINT NOT NULL REFERENCES households(id),
  company_id BIGINT NOT NULL REFERENCES companies(id),
  season_start_year INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'approved', 'paid')),
  fee_fen BIGINT NOT NULL CHECK (fee_fen >= 0),
  refund_fen BIGINT NOT NULL CHECK (refund_fen >= 0),
  official_days INTEGER NOT NULL,
  days_json TEXT NOT NULL,
  payment_deadline TEXT NOT NULL,
  choice TEXT NOT NULL DEFAULT '' CHECK (choice IN ('', 'payment', 'offset')),
  computed_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (household_id, season_start_year)
);
CREATE INDEX refund_entries_company_id ON refund_entries (company_id, id);
CREATE INDEX households_company_id_id ON households (company_id, id);
CREATE INDEX buildings_company_id_id ON buildings (company_id, id);
)sql"},
    // Evidence that holds up (issue 11): which days a ledger draft covers and when its season
    // ends (no approval before); outdoor means submitted by companies, kept apart until the
    // regulator confirms them; who signed a measurement, when and how (R-TEMP-4).
    {7, "ledger coverage, weather submissions, measurement signatures", nullptr, nullptr,
     R"sql(
ALTER TABLE refund_entries ADD COLUMN covered_to TEXT NOT NULL DEFAULT '';
ALTER TABLE refund_entries ADD COLUMN season_end TEXT NOT NULL DEFAULT '';
ALTER TABLE outdoor_means ADD COLUMN recorded_by TEXT NOT NULL DEFAULT '';
CREATE TABLE outdoor_mean_submissions (
  id {{ID}},
  district_id BIGINT NOT NULL REFERENCES districts(id),
  day TEXT NOT NULL,
  mean_tenths BIGINT NOT NULL,
  submitted_by TEXT NOT NULL,
  submitted_at TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'rejected')),
  decided_by TEXT NOT NULL DEFAULT '',
  decided_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX outdoor_mean_submissions_district ON outdoor_mean_submissions (district_id, day);
ALTER TABLE measurements ADD COLUMN signed_by TEXT NOT NULL DEFAULT '';
ALTER TABLE measurements ADD COLUMN signed_at TEXT NOT NULL DEFAULT '';
ALTER TABLE measurements ADD COLUMN signed_via TEXT NOT NULL DEFAULT '';
)sql"},
    // One name for each idea across the API (issue 11): the year a heating season starts is
    // `season` in every record, filter and flag, as the refund ledger already says. SQLite
    // (3.25+) rewrites the tables' UNIQUE clauses itself (their indexes are unnamed); PostgreSQL
    // keeps the names it gave the constraints, which name the old columns.
    {8, "the season is season everywhere",
     R"sql(
ALTER TABLE seasons RENAME COLUMN start_year TO season;
ALTER TABLE fees RENAME COLUMN season_start_year TO season;
)sql",
     R"sql(
ALTER TABLE seasons RENAME COLUMN start_year TO season;
ALTER TABLE seasons RENAME CONSTRAINT seasons_district_id_start_year_key
  TO seasons_district_id_season_key;
ALTER TABLE fees RENAME COLUMN season_start_year TO season;
ALTER TABLE fees RENAME CONSTRAINT fees_household_id_season_start_year_key
  TO fees_household_id_season_key;
)sql",
     nullptr},
    // Forged readings (issue 12): devices get MQTT credentials of their own, kept as mosquitto
    // password-file hashes (hearth devices export-mosquitto writes them for the broker), and a
    // second reading for a (sensor, ts) with another value is kept for review, not dropped.
    {9, "device credentials, reading conflicts", nullptr, nullptr, kDeviceCredentialsSql},
    {10, "HTTP tokens of devices and gateways", nullptr, nullptr, kDeviceTokensSql},
    // A device whose clock runs fast (issue 18): its future readings are kept, not dropped.
    {11, "reading quarantine", nullptr, nullptr, kReadingQuarantineSql},
    // Complaints, hotline orders, repairs, return visits, and the notifications outbox (issue 13).
    {12, "work orders and the outbox", nullptr, nullptr, kWorkOrdersSql},
    // The hotline platforms' keys, and the signatures seen (replays are refused).
    {13, "hotline partner keys", nullptr, nullptr, kPartnersSql},
    {14, "heating stops and their notices", nullptr, nullptr, kOutagesSql},  // issue 15
    {15, "household-caused findings", nullptr, nullptr, kFindingsSql},       // issue 15, R-REFUND-4
    {16, "daily dispatch reports of fuel", nullptr, nullptr, kEnergySql},    // issue 15, R-ENERGY-1
    // W 14.4.6: a month's indicators as published, never changed afterwards (issue 15).
    {17, "published monthly indicators", nullptr, nullptr, kIndicatorPublicationsSql},
    // R-REG-1: a community's complaints over the profile's threshold, flagged once (issue 15).
    {18, "mass complaints", nullptr, nullptr, kMassComplaintsSql},
    // R-SEASON-1: the districts' decisions and the companies' announcements (issue 15).
    {19, "season decisions and announcements", nullptr, nullptr, kSeasonDutiesSql},
    {20, "insurance claims", nullptr, nullptr, kInsuranceClaimsSql},           // issue 16, R-INS-1
    {21, "service numbers and halls", nullptr, nullptr, kServiceContactsSql},  // R-INFO-1
    {22, "connection applications", nullptr, nullptr, kConnectionApplicationsSql},  // R-CONN-1
    {23, "heat-meter disputes", nullptr, nullptr, kMeterDisputesSql},               // R-METER-1
    {24, "increase, decrease, stop and resume heating", nullptr, nullptr, kHeatingChangesSql},
    {25, "season bills and meter readings", nullptr, nullptr, kBillsSql},  // R-BILL-1, R-METER-1
    // City scale (issue 17): PostgreSQL keeps readings in monthly partitions.
    {26, "readings partitioned by month", kReadingsByMonthSqlite, kReadingsByMonthPostgres,
     nullptr},
    {27, "long runs as jobs with progress", nullptr, nullptr, kJobsSql},  // issue 14
    {28, "the government's temporary relief", nullptr, nullptr, kReliefsSql},  // R-BILL-1, W 9.3
    // R-BILL-1: a payment keeps its channel's reference (bank slip, WeChat or Alipay number).
    {29, "payment references", nullptr, nullptr, "ALTER TABLE payments ADD COLUMN reference TEXT;"},
    {30, "arrears reminders and stops", nullptr, nullptr, kArrearsSql},  // R-BILL-1, W 9.2.2
    {31, "refund payouts", nullptr, nullptr, kRefundPayoutsSql},           // R-REFUND-6
    {32, "price-change notices", nullptr, nullptr, kPriceNoticesSql},      // R-BILL-1, W 9.2.1
    {33, "contract versions", nullptr, nullptr, kContractVersionsSql},     // R-ACCT-1
    {34, "overpayments paid back", nullptr, nullptr, kPaybacksSql},        // R-ACCT-1, R-BILL-1
    {35, "adopted sampling plans", nullptr, nullptr, kSamplePlansSql},     // R-SAMPLE-3
}};

}  // namespace

std::span<const Migration> SchemaHistory() { return kMigrations; }

}  // namespace hearth::adapters::storage
