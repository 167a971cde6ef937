#include "adapters/storage/audit_sql.hpp"

#include <algorithm>

#include "core/civil_time.hpp"

namespace hearth::adapters::storage {
namespace {

constexpr const char* kInsert =
    "INSERT INTO audit_log (at, actor, action, resource, record_id, before_json, after_json) "
    "VALUES ";
constexpr size_t kColumns = 7;
// Rows per statement: 3,500 parameters, well under SQLite's 32,766.
constexpr size_t kRowsPerStatement = 500;

std::string Now() {
  return FormatLocal(
      std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()));
}

void AddParams(const ports::AuditEntry& entry, const std::string& now, std::vector<Value>& params) {
  auto text_or_null = [](const std::string& s) { return s.empty() ? Value(nullptr) : Value(s); };
  params.insert(params.end(),
                {entry.at.empty() ? now : entry.at, entry.actor, entry.action, entry.resource,
                 entry.record_id ? Value(*entry.record_id) : Value(nullptr),
                 text_or_null(entry.before_json), text_or_null(entry.after_json)});
}

}  // namespace

Status InsertAudit(Connection& conn, const ports::AuditEntry& entry) {
  return InsertAudits(conn, {&entry, 1});
}

Status InsertAudits(Connection& conn, std::span<const ports::AuditEntry> entries) {
  // Now, for the entries without a time of their own: read once, and only if one needs it.
  std::string now;
  for (const auto& e : entries) {
    if (e.at.empty()) {
      now = Now();
      break;
    }
  }
  for (size_t at = 0; at < entries.size(); at += kRowsPerStatement) {
    const size_t n = std::min(kRowsPerStatement, entries.size() - at);
    std::string sql = kInsert;
    std::vector<Value> params;
    params.reserve(n * kColumns);
    for (size_t i = 0; i < n; ++i) {
      sql += (i ? ", (" : "(") + Placeholders(params.size() + 1, kColumns) + ")";
      AddParams(entries[at + i], now, params);
    }
    if (auto res = conn.Query(sql, params); !res.ok()) return res.error();
  }
  return OkStatus();
}

}  // namespace hearth::adapters::storage
