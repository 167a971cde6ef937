#include "adapters/storage/device_credentials_sql.hpp"

#include <nlohmann/json.hpp>

#include "adapters/storage/audit_sql.hpp"

namespace hearth::adapters::storage {
namespace {

constexpr const char* kResource = "device_credentials";

// What the audit log shows of an account: never its hash.
std::string Audited(const ports::DeviceCredential& c) {
  nlohmann::ordered_json j;
  j["username"] = c.username;
  j["kind"] = c.kind;
  j["sensor_id"] = c.sensor_id ? nlohmann::ordered_json(*c.sensor_id) : nullptr;
  j["issued_by"] = c.issued_by;
  j["issued_at"] = c.issued_at;
  return j.dump();
}

ports::DeviceCredential FromRow(const Rows& rows, size_t r) {
  ports::DeviceCredential c;
  c.username = rows.Text(r, 0);
  c.kind = rows.Text(r, 1);
  if (!rows.IsNull(r, 2)) c.sensor_id = rows.Int(r, 2);
  c.password_hash = rows.Text(r, 3);
  c.issued_by = rows.Text(r, 4);
  c.issued_at = rows.Text(r, 5);
  return c;
}

constexpr const char* kColumns = "username, kind, sensor_id, password_hash, issued_by, issued_at";

}  // namespace

Status SqlDeviceCredentialStore::Put(const ports::DeviceCredential& c, const std::string& actor) {
  MutexLock lock(mutex_);
  return InTransaction(*conn_, [&]() REQUIRES(mutex_) -> Status {
    // The accounts this one replaces: the same name, or the same sensor under an older name.
    auto old = conn_->Query(std::string("SELECT ") + kColumns +
                                " FROM device_credentials WHERE username = $1 OR "
                                "(sensor_id IS NOT NULL AND sensor_id = $2)",
                            {c.username, c.sensor_id ? Value(*c.sensor_id) : Value(nullptr)});
    if (!old.ok()) return old.error();
    std::string before;
    for (size_t r = 0; r < old->rows.size(); ++r) {
      auto was = FromRow(*old, r);
      auto gone =
          conn_->Query("DELETE FROM device_credentials WHERE username = $1", {was.username});
      if (!gone.ok()) return gone.error();
      if (was.username == c.username) {
        before = Audited(was);
      } else if (auto s = InsertAudit(
                     *conn_, {0, "", actor, "revoke", kResource, was.sensor_id, Audited(was), ""});
                 !s.ok()) {
        return s;
      }
    }
    auto put = conn_->Query(
        "INSERT INTO device_credentials (username, kind, sensor_id, password_hash, issued_by, "
        "issued_at) VALUES ($1, $2, $3, $4, $5, $6)",
        {c.username, c.kind, c.sensor_id ? Value(*c.sensor_id) : Value(nullptr), c.password_hash,
         c.issued_by, c.issued_at});
    if (!put.ok()) return put.error();
    return InsertAudit(*conn_, {0, "", actor, before.empty() ? "issue" : "reissue", kResource,
                                c.sensor_id, before, Audited(c)});
  });
}

Status SqlDeviceCredentialStore::Revoke(std::string_view username, const std::string& actor) {
  MutexLock lock(mutex_);
  return InTransaction(*conn_, [&]() REQUIRES(mutex_) -> Status {
    auto old = conn_->Query(
        std::string("SELECT ") + kColumns + " FROM device_credentials WHERE username = $1",
        {std::string(username)});
    if (!old.ok()) return old.error();
    if (old->empty()) {
      return Error::NotFound("no broker account " + std::string(username), "username");
    }
    auto was = FromRow(*old, 0);
    auto gone = conn_->Query("DELETE FROM device_credentials WHERE username = $1", {was.username});
    if (!gone.ok()) return gone.error();
    return InsertAudit(*conn_,
                       {0, "", actor, "revoke", kResource, was.sensor_id, Audited(was), ""});
  });
}

Result<std::vector<ports::DeviceCredential>> SqlDeviceCredentialStore::List() {
  MutexLock lock(mutex_);
  auto rows = conn_->Query(std::string("SELECT ") + kColumns +
                           " FROM device_credentials ORDER BY username");
  if (!rows.ok()) return rows.error();
  std::vector<ports::DeviceCredential> out;
  for (size_t r = 0; r < rows->rows.size(); ++r) out.push_back(FromRow(*rows, r));
  return out;
}

}  // namespace hearth::adapters::storage
