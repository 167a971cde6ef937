#include "adapters/storage/partner_keys_sql.hpp"

#include <nlohmann/json.hpp>

#include "adapters/storage/audit_sql.hpp"
#include "adapters/storage/sql_time.hpp"
#include "rules/deadline.hpp"

namespace hearth::adapters::storage {
namespace {

std::string AuditJson(const ports::PartnerKey& k) {  // never the secret
  return nlohmann::json{{"key_id", k.key_id},
                        {"platform", rules::ChannelName(k.platform)},
                        {"company_id", k.company_id},
                        {"disabled", k.disabled}}
      .dump();
}

}  // namespace

Result<std::vector<ports::PartnerKey>> SqlPartnerKeyStore::Select(
    const std::string& where, const std::vector<Value>& params) {
  auto rows = conn_->Query(
      "SELECT id, key_id, platform, company_id, secret, created_by, created_at, disabled FROM "
      "partner_keys " +
          where + " ORDER BY id",
      params);
  if (!rows.ok()) return rows.error();
  std::vector<ports::PartnerKey> out;
  for (size_t i = 0; i < rows->rows.size(); ++i) {
    ports::PartnerKey k;
    k.id = rows->Int(i, 0);
    k.key_id = rows->Text(i, 1);
    auto platform = rules::ParseChannel(rows->Text(i, 2));
    if (!platform) return Error::Internal("a stored partner key names no platform");
    k.platform = *platform;
    k.company_id = rows->Int(i, 3);
    k.secret = rows->Text(i, 4);
    k.created_by = rows->Text(i, 5);
    k.created_at = Instant{std::chrono::seconds{rows->Int(i, 6)}};
    k.disabled = rows->Int(i, 7) != 0;
    out.push_back(std::move(k));
  }
  return out;
}

Result<ports::PartnerKey> SqlPartnerKeyStore::Add(const ports::PartnerKey& key) {
  MutexLock lock(mutex_);
  Result<ports::PartnerKey> out = Error::Internal("not added");
  Status s = InTransaction(*conn_, [&]() REQUIRES(mutex_) -> Status {
    const Instant now =
        std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
    auto ins = conn_->Query(
        "INSERT INTO partner_keys (key_id, platform, company_id, secret, created_by, created_at, "
        "disabled) VALUES ($1, $2, $3, $4, $5, $6, 0) RETURNING id",
        {key.key_id, std::string(rules::ChannelName(key.platform)), key.company_id, key.secret,
         key.created_by, Unix(now)});
    if (!ins.ok()) {
      if (ins.error().code == ErrorCode::kAlreadyExists) {
        return Error::AlreadyExists("partner key " + key.key_id + " exists", "key");
      }
      return ins.error();
    }
    ports::PartnerKey added = key;
    added.id = ins->Int(0, 0);
    added.created_at = now;
    added.disabled = false;
    if (auto a = InsertAudit(*conn_, {0, "", key.created_by, "create", "partner-keys", added.id, "",
                                      AuditJson(added)});
        !a.ok()) {
      return a;
    }
    out = std::move(added);
    return OkStatus();
  });
  if (!s.ok()) return s.error();
  return out;
}

Result<ports::PartnerKey> SqlPartnerKeyStore::Find(const std::string& key_id) {
  MutexLock lock(mutex_);
  auto keys = Select("WHERE key_id = $1", {key_id});
  if (!keys.ok()) return keys.error();
  if (keys->empty()) return Error::NotFound("no partner key " + key_id, "key");
  return keys->front();
}

Result<std::vector<ports::PartnerKey>> SqlPartnerKeyStore::List() {
  MutexLock lock(mutex_);
  return Select("", {});
}

Status SqlPartnerKeyStore::Revoke(const std::string& key_id, const std::string& actor) {
  MutexLock lock(mutex_);
  return InTransaction(*conn_, [&]() REQUIRES(mutex_) -> Status {
    auto keys = Select("WHERE key_id = $1", {key_id});
    if (!keys.ok()) return keys.error();
    if (keys->empty()) return Error::NotFound("no partner key " + key_id, "key");
    auto r = conn_->Query("UPDATE partner_keys SET disabled = 1 WHERE key_id = $1", {key_id});
    if (!r.ok()) return r.error();
    ports::PartnerKey after = keys->front();
    after.disabled = true;
    return InsertAudit(*conn_, {0, "", actor, "update", "partner-keys", after.id,
                                AuditJson(keys->front()), AuditJson(after)});
  });
}

Status SqlPartnerKeyStore::SeeRequest(const std::string& key_id, const std::string& signature,
                                      Instant at, Instant forget_before) {
  MutexLock lock(mutex_);
  return InTransaction(*conn_, [&]() REQUIRES(mutex_) -> Status {
    auto purge =
        conn_->Query("DELETE FROM partner_requests WHERE seen_at < $1", {Unix(forget_before)});
    if (!purge.ok()) return purge.error();
    auto ins = conn_->Query(
        "INSERT INTO partner_requests (key_id, signature, seen_at) VALUES ($1, $2, $3)",
        {key_id, signature, Unix(at)});
    if (!ins.ok() && ins.error().code == ErrorCode::kAlreadyExists) {
      return Error::AlreadyExists("this request was sent before (a replay)", "signature");
    }
    if (!ins.ok()) return ins.error();
    return OkStatus();
  });
}

}  // namespace hearth::adapters::storage
