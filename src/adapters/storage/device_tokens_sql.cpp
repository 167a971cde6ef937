#include "adapters/storage/device_tokens_sql.hpp"

#include <nlohmann/json.hpp>

#include "adapters/storage/audit_sql.hpp"

namespace hearth::adapters::storage {
namespace {

constexpr const char* kResource = "device_tokens";

// What the audit log shows of a token: never its hash.
std::string Audited(const ports::DeviceToken& t) {
  nlohmann::ordered_json j;
  j["name"] = t.name;
  j["sensor_ids"] = t.sensor_ids;
  j["issued_by"] = t.issued_by;
  j["issued_at"] = t.issued_at;
  return j.dump();
}

}  // namespace

Result<std::vector<ports::DeviceToken>> SqlDeviceTokenStore::Select(const std::string& where,
                                                                    std::vector<Value> params) {
  auto rows = conn_->Query(
      "SELECT t.name, t.token_hash, t.issued_by, t.issued_at, s.sensor_id FROM device_tokens t "
      "LEFT JOIN device_token_sensors s ON s.name = t.name" +
          where + " ORDER BY t.name, s.sensor_id",
      params);
  if (!rows.ok()) return rows.error();
  std::vector<ports::DeviceToken> out;
  for (size_t r = 0; r < rows->rows.size(); ++r) {
    if (out.empty() || out.back().name != rows->Text(r, 0)) {
      out.push_back({rows->Text(r, 0), rows->Text(r, 1), {}, rows->Text(r, 2), rows->Text(r, 3)});
    }
    if (!rows->IsNull(r, 4)) out.back().sensor_ids.push_back(rows->Int(r, 4));
  }
  return out;
}

Status SqlDeviceTokenStore::PutToken(const ports::DeviceToken& t, const std::string& actor) {
  MutexLock lock(mutex_);
  return InTransaction(*conn_, [&]() REQUIRES(mutex_) -> Status {
    auto old = Select(" WHERE t.name = $1", {t.name});
    if (!old.ok()) return old.error();
    const std::string before = old->empty() ? "" : Audited(old->front());
    if (!old->empty()) {
      auto gone = conn_->Query("DELETE FROM device_tokens WHERE name = $1", {t.name});
      if (!gone.ok()) return gone.error();
    }
    auto put = conn_->Query(
        "INSERT INTO device_tokens (name, token_hash, issued_by, issued_at) "
        "VALUES ($1, $2, $3, $4)",
        {t.name, t.token_hash, t.issued_by, t.issued_at});
    if (!put.ok()) return put.error();
    for (int64_t sensor : t.sensor_ids) {
      auto s = conn_->Query("INSERT INTO device_token_sensors (name, sensor_id) VALUES ($1, $2)",
                            {t.name, sensor});
      if (!s.ok()) return s.error();
    }
    return InsertAudit(*conn_, {0, "", actor, before.empty() ? "issue" : "reissue", kResource,
                                std::nullopt, before, Audited(t)});
  });
}

Status SqlDeviceTokenStore::RevokeToken(std::string_view name, const std::string& actor) {
  MutexLock lock(mutex_);
  return InTransaction(*conn_, [&]() REQUIRES(mutex_) -> Status {
    auto old = Select(" WHERE t.name = $1", {std::string(name)});
    if (!old.ok()) return old.error();
    if (old->empty()) return Error::NotFound("no device token " + std::string(name), "name");
    auto gone = conn_->Query("DELETE FROM device_tokens WHERE name = $1", {std::string(name)});
    if (!gone.ok()) return gone.error();
    return InsertAudit(*conn_,
                       {0, "", actor, "revoke", kResource, std::nullopt, Audited(old->front()), ""});
  });
}

Result<std::optional<ports::DeviceToken>> SqlDeviceTokenStore::FindToken(
    std::string_view token_hash) {
  MutexLock lock(mutex_);
  auto found = Select(" WHERE t.token_hash = $1", {std::string(token_hash)});
  if (!found.ok()) return found.error();
  if (found->empty()) return std::optional<ports::DeviceToken>();
  return std::optional<ports::DeviceToken>(std::move(found->front()));
}

Result<std::vector<ports::DeviceToken>> SqlDeviceTokenStore::ListTokens() {
  MutexLock lock(mutex_);
  return Select("", {});
}

}  // namespace hearth::adapters::storage
