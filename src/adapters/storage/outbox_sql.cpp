#include "adapters/storage/outbox_sql.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace hearth::adapters::storage {

std::string OutboxPayloadText(const ports::OutboxMessage& m) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (const auto& [key, value] : m.fields) j[key] = value;
  return j.dump();
}

Status InsertOutbox(Connection& conn, std::span<const ports::OutboxMessage> outbox) {
  auto opt = [](const std::optional<int64_t>& v) { return v ? Value(*v) : Value(nullptr); };
  for (const ports::OutboxMessage& m : outbox) {
    auto r = conn.Query(
        "INSERT INTO outbox (message_id, receiver, topic, company_id, household_id, order_id, "
        "payload, created_at, attempts, next_attempt_at, delivered_at, last_error) VALUES ($1, "
        "$2, $3, $4, $5, $6, $7, $8, 0, $8, NULL, '')",
        {m.message_id, m.receiver, m.topic, m.company_id, opt(m.household_id), opt(m.order_id),
         OutboxPayloadText(m), m.created_at.time_since_epoch().count()});
    if (!r.ok()) return r.error();
  }
  return OkStatus();
}

Status InsertOutbox(Connection& conn, std::string_view kind, int64_t id,
                    std::span<const ports::OutboxMessage> outbox) {
  std::vector<ports::OutboxMessage> named(outbox.begin(), outbox.end());
  const std::string prefix = std::string(kind) + "-" + std::to_string(id) + "-";
  for (ports::OutboxMessage& m : named) m.message_id = prefix + m.message_id;
  return InsertOutbox(conn, named);
}

}  // namespace hearth::adapters::storage
