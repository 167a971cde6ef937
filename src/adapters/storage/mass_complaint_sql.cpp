#include "adapters/storage/mass_complaint_sql.hpp"

#include <algorithm>
#include <chrono>

#include <nlohmann/json.hpp>

#include "adapters/storage/audit_sql.hpp"
#include "adapters/storage/outbox_sql.hpp"

namespace hearth::adapters::storage {
namespace {

int64_t Secs(Instant t) { return t.time_since_epoch().count(); }
Instant At(int64_t s) { return Instant{std::chrono::seconds{s}}; }

std::string IdsJson(const std::vector<int64_t>& ids) { return nlohmann::json(ids).dump(); }

/// Written by Flag from a vector of ids; a damaged text gives none rather than a throw.
std::vector<int64_t> ParseIds(const std::string& text) {
  std::vector<int64_t> out;
  const auto ids = nlohmann::json::parse(text, nullptr, false);
  if (!ids.is_array()) return out;
  for (const auto& id : ids) {
    if (id.is_number_integer()) out.push_back(id.get<int64_t>());
  }
  return out;
}

constexpr const char* kColumns =
    "id, company_id, community, reached_order_id, first_at, reached_at, last_at, order_ids, "
    "threshold, window_hours, policy, flagged_at";

ports::MassComplaintFlag FlagAt(const Rows& rows, size_t i) {
  ports::MassComplaintFlag f;
  f.id = rows.Int(i, 0);
  f.company_id = rows.Int(i, 1);
  f.community = rows.Text(i, 2);
  f.reached_order_id = rows.Int(i, 3);
  f.first_at = At(rows.Int(i, 4));
  f.reached_at = At(rows.Int(i, 5));
  f.last_at = At(rows.Int(i, 6));
  f.order_ids = ParseIds(rows.Text(i, 7));
  f.threshold = static_cast<int>(rows.Int(i, 8));
  f.window_hours = static_cast<int>(rows.Int(i, 9));
  f.policy = rows.Text(i, 10);
  f.flagged_at = At(rows.Int(i, 11));
  return f;
}

}  // namespace

Result<std::vector<ports::CommunityComplaint>> SqlMassComplaintStore::Complaints(
    const ports::CommunityComplaintQuery& q) {
  Where where;
  where.And("w.parent_id IS NULL");
  if (q.company_id) where.And("w.company_id =", *q.company_id);
  if (q.community) where.And("b.community =", *q.community);
  where.And("w.received_at >=", Secs(q.from));
  where.And("w.received_at <=", Secs(q.until));
  MutexLock lock(mutex_);
  auto rows = conn_->Query(
      "SELECT w.company_id, b.community, w.id, w.received_at FROM work_orders w JOIN households "
      "h ON h.id = w.household_id JOIN partitions p ON p.id = h.partition_id JOIN buildings b ON "
      "b.id = p.building_id WHERE " +
          where.sql() + " ORDER BY w.company_id, b.community, w.received_at, w.id",
      where.params());
  if (!rows.ok()) return rows.error();
  std::vector<ports::CommunityComplaint> out;
  out.reserve(rows->rows.size());
  for (size_t i = 0; i < rows->rows.size(); ++i) {
    out.push_back({rows->Int(i, 0), rows->Text(i, 1), rows->Int(i, 2), At(rows->Int(i, 3))});
  }
  return out;
}

Result<std::string> SqlMassComplaintStore::CommunityOf(int64_t household_id) {
  MutexLock lock(mutex_);
  auto rows = conn_->Query(
      "SELECT b.community FROM households h JOIN partitions p ON p.id = h.partition_id JOIN "
      "buildings b ON b.id = p.building_id WHERE h.id = $1",
      {household_id});
  if (!rows.ok()) return rows.error();
  if (rows->rows.empty()) {
    return Error::NotFound("no household " + std::to_string(household_id), "household");
  }
  return rows->Text(0, 0);
}

Result<bool> SqlMassComplaintStore::Flag(const ports::MassComplaintFlag& f,
                                         std::span<const ports::OutboxMessage> outbox,
                                         const std::string& actor) {
  MutexLock lock(mutex_);
  bool created = false;
  Status s = InTransaction(*conn_, [&]() REQUIRES(mutex_) -> Status {
    // The same episode seen before, maybe from a narrower window or before a late complaint
    // arrived: any flag of the community whose time span meets this one's.
    auto existing = conn_->Query(
        "SELECT id, order_ids, first_at, last_at FROM mass_complaints WHERE company_id = $1 AND "
        "community = $2 AND last_at >= $3 AND first_at <= $4 ORDER BY first_at, id LIMIT 1",
        {f.company_id, f.community, Secs(f.first_at), Secs(f.last_at)});
    if (!existing.ok()) return existing.error();
    if (!existing->rows.empty()) {
      std::vector<int64_t> ids = ParseIds(existing->Text(0, 1));
      const size_t stored = ids.size();
      ids.insert(ids.end(), f.order_ids.begin(), f.order_ids.end());
      std::sort(ids.begin(), ids.end());
      ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
      if (ids.size() == stored) return OkStatus();
      auto grown = conn_->Query(
          "UPDATE mass_complaints SET first_at = $1, last_at = $2, complaints = $3, order_ids = "
          "$4 WHERE id = $5",
          {std::min(Secs(f.first_at), existing->Int(0, 2)),
           std::max(Secs(f.last_at), existing->Int(0, 3)), static_cast<int64_t>(ids.size()),
           IdsJson(ids), existing->Int(0, 0)});
      if (!grown.ok()) return grown.error();
      return OkStatus();
    }
    const auto complaints = static_cast<int64_t>(f.order_ids.size());
    auto row = conn_->Query(
        "INSERT INTO mass_complaints (company_id, community, reached_order_id, first_at, "
        "reached_at, last_at, complaints, order_ids, threshold, window_hours, policy, "
        "flagged_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
        {f.company_id, f.community, f.reached_order_id, Secs(f.first_at), Secs(f.reached_at),
         Secs(f.last_at), complaints, IdsJson(f.order_ids), int64_t{f.threshold},
         int64_t{f.window_hours}, f.policy, Secs(f.flagged_at)});
    if (!row.ok()) return row.error();
    created = true;
    if (auto w = InsertOutbox(*conn_, outbox); !w.ok()) return w;
    const nlohmann::json after = {{"company_id", f.company_id},
                                  {"community", f.community},
                                  {"reached_order_id", f.reached_order_id},
                                  {"complaints", complaints},
                                  {"threshold", f.threshold},
                                  {"window_hours", f.window_hours},
                                  {"policy", f.policy}};
    return InsertAudit(*conn_, {0, "", actor, "create", "mass_complaints", row->Int(0, 0), "",
                                after.dump()});
  });
  // Another server flagged the same episode between our look and our insert: flagged once.
  if (!s.ok() && s.error().code == ErrorCode::kAlreadyExists) return false;
  if (!s.ok()) return s.error();
  return created;
}

Result<std::vector<ports::MassComplaintFlag>> SqlMassComplaintStore::List(
    const ports::MassComplaintQuery& q) {
  Where where;
  if (q.company_id) where.And("company_id =", *q.company_id);
  where.And("reached_at >=", Secs(q.from));
  where.And("reached_at <=", Secs(q.until));
  if (q.after) where.And("id >", *q.after);
  MutexLock lock(mutex_);
  auto rows = conn_->Query(std::string("SELECT ") + kColumns + " FROM mass_complaints WHERE " +
                               where.sql() + " ORDER BY id LIMIT " +
                               std::to_string(std::clamp(q.limit, 1, kMaxPageRows)),
                           where.params());
  if (!rows.ok()) return rows.error();
  std::vector<ports::MassComplaintFlag> out;
  for (size_t i = 0; i < rows->rows.size(); ++i) out.push_back(FlagAt(*rows, i));
  return out;
}

}  // namespace hearth::adapters::storage
