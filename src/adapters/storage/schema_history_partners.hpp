// The SQL of migration 13 (issue 13: the hotline platforms' partner endpoint), kept apart from
// schema_history.cpp so that the history stays one readable list. Append only.
//
// partner_keys: one key per (platform, company): the platform signs each request with the
// secret (HMAC-SHA256), so the secret is kept as given, readable by the server only; key_id is
// what the platform names in X-Hearth-Key. A revoked key stays, disabled, for the audit.
// partner_requests: the signatures seen, so that a request sent again is refused as a replay;
// rows older than the timestamp window are purged (seen_at is indexed for that).
#pragma once

namespace hearth::adapters::storage {

inline constexpr const char* kPartnersSql = R"sql(
CREATE TABLE partner_keys (
  id {{ID}},
  key_id TEXT NOT NULL UNIQUE,
  platform TEXT NOT NULL,
  company_id BIGINT NOT NULL REFERENCES companies(id),
  secret TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  disabled INTEGER NOT NULL
);
CREATE TABLE partner_requests (
  key_id TEXT NOT NULL,
  signature TEXT NOT NULL,
  seen_at BIGINT NOT NULL,
  PRIMARY KEY (key_id, signature)
);
CREATE INDEX partner_requests_seen_at ON partner_requests (seen_at);
)sql";

}  // namespace hearth::adapters::storage
