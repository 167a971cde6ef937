// The SQL of migrations 20 and 21 (issue 16: insurance claims, R-INS-1; the service numbers and
// halls a company publishes, R-INFO-1), kept apart from schema_history.cpp so that the history
// stays one readable list. Append only.
//
// insurance_claims holds each claim's incident, photos and loss list as recorded (never changed
// afterwards), its state, and the facts the moves brought (the insurer notified, the amount
// agreed, the payment, the exclusion); insurance_claim_events is append-only: the recording and
// every move with who, in which role, why, when and what it brought (a JSON object). Times are
// Unix seconds, money integer fen.
#pragma once

namespace hearth::adapters::storage {

inline constexpr const char* kInsuranceClaimsSql = R"sql(
CREATE TABLE insurance_claims (
  id {{ID}},
  company_id BIGINT NOT NULL REFERENCES companies(id),
  household_id BIGINT NOT NULL REFERENCES households(id),
  incident_at BIGINT NOT NULL,
  incident TEXT NOT NULL,
  injuries INTEGER NOT NULL,
  photos TEXT NOT NULL,
  losses TEXT NOT NULL,
  state TEXT NOT NULL,
  insurer TEXT NOT NULL DEFAULT '',
  insurer_reference TEXT NOT NULL DEFAULT '',
  notified_at BIGINT,
  amount_fen BIGINT CHECK (amount_fen > 0),
  agreed_at BIGINT,
  paid_at BIGINT,
  payment_reference TEXT NOT NULL DEFAULT '',
  exclusion TEXT,
  rejected_at BIGINT,
  created_by TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX insurance_claims_company ON insurance_claims (company_id, id);
CREATE INDEX insurance_claims_household ON insurance_claims (household_id, id);
CREATE TABLE insurance_claim_events (
  claim_id BIGINT NOT NULL REFERENCES insurance_claims(id),
  seq BIGINT NOT NULL,
  action TEXT NOT NULL,
  state TEXT NOT NULL,
  actor TEXT NOT NULL,
  role TEXT NOT NULL,
  note TEXT NOT NULL,
  details TEXT NOT NULL,
  at BIGINT NOT NULL,
  PRIMARY KEY (claim_id, seq)
);
)sql";

// Migration 21 (issue 16, R-INFO-1): the service numbers and halls a company publishes.
inline constexpr const char* kServiceContactsSql = R"sql(
CREATE TABLE service_contacts (
  id {{ID}},
  company_id BIGINT NOT NULL REFERENCES companies(id),
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  phone TEXT NOT NULL,
  address TEXT,
  hours TEXT,
  UNIQUE (company_id, kind, name)
);
)sql";

}  // namespace hearth::adapters::storage
