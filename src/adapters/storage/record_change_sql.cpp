#include "adapters/storage/record_change_sql.hpp"

#include <nlohmann/json.hpp>

#include "adapters/storage/audit_sql.hpp"
#include "adapters/storage/outbox_sql.hpp"

namespace hearth::adapters::storage {

Status FinishChange(Connection& conn, const RecordChange& change,
                    std::span<const ports::OutboxMessage> outbox) {
  if (auto w = InsertOutbox(conn, change.kind, change.id, outbox); !w.ok()) return w;
  return InsertAudit(conn, {0, "", change.actor, change.before.empty() ? "create" : "update",
                            std::string(change.table), change.id, change.before, change.after});
}

std::string WithStep(const std::string& state_json, std::string_view action,
                     const std::string& note) {
  nlohmann::json j = nlohmann::json::parse(state_json);
  j["action"] = action;
  j["note"] = note;
  return j.dump();
}

Error ChangedMeanwhile(std::string_view what, int64_t id, std::string_view state_now) {
  return Error::FailedPrecondition(std::string(what) + " " + std::to_string(id) +
                                   " changed since it was read (" + std::string(state_now) +
                                   " now); read it again");
}

}  // namespace hearth::adapters::storage
