// Port: the hotline platforms' keys (issue 13). A platform (12345, the provincial hotline, …)
// pushes orders for one company with a key of its own, signing each request; the store keeps
// the keys and the signatures seen, so that a replayed request is refused. Thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/civil_time.hpp"
#include "core/result.hpp"
#include "rules/policy.hpp"

namespace hearth::ports {

struct PartnerKey {
  int64_t id = 0;
  std::string key_id;
  rules::Channel platform = rules::Channel::kCityHotline;
  int64_t company_id = 0;
  std::string secret;
  std::string created_by;
  Instant created_at;
  bool disabled = false;
};

class PartnerKeyStore {
 public:
  virtual ~PartnerKeyStore() = default;
  /// Adds a key (id and created_at assigned), audited. already_exists when key_id is taken.
  virtual Result<PartnerKey> Add(const PartnerKey& key) = 0;
  /// The key named `key_id` (disabled ones too); not_found.
  virtual Result<PartnerKey> Find(const std::string& key_id) = 0;
  virtual Result<std::vector<PartnerKey>> List() = 0;
  /// Disables the key, audited; not_found.
  virtual Status Revoke(const std::string& key_id, const std::string& actor) = 0;
  /// Records a request's signature as seen at `at`, after deleting those seen before
  /// `forget_before`. already_exists when it was seen (a replay).
  virtual Status SeeRequest(const std::string& key_id, const std::string& signature, Instant at,
                            Instant forget_before) = 0;
};

}  // namespace hearth::ports
