#include "adapters/storage/audit_sql.hpp"

#include "core/civil_time.hpp"

namespace hearth::adapters::storage {

Status InsertAudit(Connection& conn, const ports::AuditEntry& entry) {
  std::string at = entry.at;
  if (at.empty()) {
    at = FormatLocal(
        std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()));
  }
  auto text_or_null = [](const std::string& s) { return s.empty() ? Value(nullptr) : Value(s); };
  auto res = conn.Query(
      "INSERT INTO audit_log (at, actor, action, resource, record_id, before_json, after_json) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7)",
      {at, entry.actor, entry.action, entry.resource,
       entry.record_id ? Value(*entry.record_id) : Value(nullptr), text_or_null(entry.before_json),
       text_or_null(entry.after_json)});
  if (!res.ok()) return res.error();
  return OkStatus();
}

}  // namespace hearth::adapters::storage
