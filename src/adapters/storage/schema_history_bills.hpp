// The SQL of migration 25 (issue 16: season bills, R-BILL-1, R-METER-1, R-REFUND-6), kept apart
// from schema_history.cpp so that the history stays one readable list. Append only.
//
// - tariffs.base_price: a meter tariff's fixed part, yuan × 100 per m² for the season (W 9.2.1;
//   null for none); its `price` stays the price per GJ.
// - meter_readings: a meter-billed household's heat used in a season (GJ × 100), the day it was
//   read, and the meter's fault if any (W 10.3 (10.3 c): a fault bills the season by area).
// - billing_runs: each run of a company's season bills, with its counts; `finished` is 0 while
//   it runs (a run stopped halfway is resumed by running it again).
// - bills: how each fee a run issued was computed: the basis, why a meter-billed household was
//   billed by area, the area, and the lines as a JSON list of {code, text, amount_fen}. Its key
//   is the fee's id (fees keep the amount and due day that payments and arrears read).
// Times are Unix seconds; days are ISO dates; money is fen.
#pragma once

namespace hearth::adapters::storage {

inline constexpr const char* kBillsSql = R"sql(
ALTER TABLE tariffs ADD COLUMN base_price BIGINT;
CREATE TABLE meter_readings (
  id {{ID}},
  household_id BIGINT NOT NULL REFERENCES households(id),
  season BIGINT NOT NULL,
  heat BIGINT NOT NULL,
  read_on TEXT NOT NULL,
  fault TEXT NOT NULL,
  UNIQUE (household_id, season)
);
CREATE TABLE billing_runs (
  id {{ID}},
  company_id BIGINT NOT NULL REFERENCES companies(id),
  season BIGINT NOT NULL,
  due_on TEXT NOT NULL,
  finished INTEGER NOT NULL,
  issued BIGINT NOT NULL,
  already_billed BIGINT NOT NULL,
  not_heated BIGINT NOT NULL,
  meter_by_area BIGINT NOT NULL,
  offsets_fen BIGINT NOT NULL,
  total_fen BIGINT NOT NULL,
  run_by TEXT NOT NULL,
  run_at BIGINT NOT NULL
);
CREATE INDEX billing_runs_company ON billing_runs (company_id, id);
CREATE TABLE bills (
  fee_id BIGINT NOT NULL PRIMARY KEY REFERENCES fees(id),
  run_id BIGINT NOT NULL REFERENCES billing_runs(id),
  company_id BIGINT NOT NULL REFERENCES companies(id),
  household_id BIGINT NOT NULL REFERENCES households(id),
  household_code TEXT NOT NULL,
  season BIGINT NOT NULL,
  basis TEXT NOT NULL,
  basis_reason TEXT NOT NULL,
  area BIGINT NOT NULL,
  lines TEXT NOT NULL,
  total_fen BIGINT NOT NULL,
  unapplied_offset_fen BIGINT NOT NULL
);
CREATE INDEX bills_company ON bills (company_id, fee_id);
CREATE INDEX bills_household ON bills (household_id, fee_id);
)sql";

// Migration 30 (R-BILL-1, W 9.2.2): a reminder of the arrears flow names its fee, says what it
// said and who sent it, and, sent by the platform, its outbox message (whose delivery proves it);
// a stop for arrears is an approved heating change naming the fee.
inline constexpr const char* kArrearsSql = R"sql(
ALTER TABLE reminders ADD COLUMN fee_id BIGINT REFERENCES fees(id);
ALTER TABLE reminders ADD COLUMN content TEXT;
ALTER TABLE reminders ADD COLUMN sent_by TEXT;
ALTER TABLE reminders ADD COLUMN message_id TEXT;
CREATE INDEX reminders_fee_id ON reminders (fee_id);
ALTER TABLE heating_changes ADD COLUMN arrears_fee_id BIGINT REFERENCES fees(id);
CREATE INDEX heating_changes_arrears_fee ON heating_changes (arrears_fee_id);
CREATE INDEX fees_due_on ON fees (due_on);
)sql";

// Migration 31 (R-REFUND-6): a refund paid keeps how, the channel's reference and when (the
// server's time); one settled by a bill's offset says "offset".
inline constexpr const char* kRefundPayoutsSql = R"sql(
ALTER TABLE refund_entries ADD COLUMN payout_method TEXT;
ALTER TABLE refund_entries ADD COLUMN payout_reference TEXT;
ALTER TABLE refund_entries ADD COLUMN paid_at TEXT;
)sql";

// Migration 32 (R-BILL-1, W 9.2.1): a tariff announced to the households it concerns, once.
inline constexpr const char* kPriceNoticesSql = R"sql(
CREATE TABLE price_notices (
  id {{ID}},
  tariff_id BIGINT NOT NULL UNIQUE REFERENCES tariffs(id),
  company_id BIGINT NOT NULL REFERENCES companies(id),
  billing TEXT NOT NULL,
  price BIGINT NOT NULL,
  valid_from TEXT NOT NULL,
  text TEXT NOT NULL,
  households BIGINT NOT NULL,
  announced_at BIGINT NOT NULL,
  announced_by TEXT NOT NULL
);
CREATE INDEX price_notices_company ON price_notices (company_id, id);
)sql";

// Migration 34 (R-ACCT-1 with R-BILL-1): money paid back to a household whose bill was settled
// again below what it had paid: how, the channel's reference, when (the server's time) and who.
inline constexpr const char* kPaybacksSql = R"sql(
CREATE TABLE paybacks (
  id {{ID}},
  fee_id BIGINT NOT NULL REFERENCES fees(id),
  amount_fen BIGINT NOT NULL,
  method TEXT NOT NULL,
  reference TEXT,
  paid_at BIGINT NOT NULL,
  paid_by TEXT NOT NULL
);
CREATE INDEX paybacks_fee ON paybacks (fee_id);
)sql";

}  // namespace hearth::adapters::storage
