#include "adapters/storage/indicator_publication_sql.hpp"

#include <algorithm>
#include <chrono>
#include <map>

#include <nlohmann/json.hpp>

#include "adapters/storage/audit_sql.hpp"

namespace hearth::adapters::storage {
namespace {

using ports::IndicatorPublication;
using ports::IndicatorRecord;
using ports::PublishedIndicator;

// Rows per INSERT of records: 6 parameters each, well inside both engines' limits.
constexpr size_t kRecordsPerInsert = 400;

std::string AuditJson(const IndicatorPublication& p, size_t records) {
  nlohmann::json indicators = nlohmann::json::array();
  for (const auto& i : p.indicators) {
    indicators.push_back({{"rule", i.rule},
                          {"numerator", i.numerator},
                          {"denominator", i.denominator},
                          {"display", i.display},
                          {"status", i.status}});
  }
  return nlohmann::json{{"company_id", p.company_id},
                        {"month", p.month},
                        {"policy", p.policy},
                        {"indicators", std::move(indicators)},
                        {"records", records}}
      .dump();
}

}  // namespace

Result<std::vector<IndicatorPublication>> SqlIndicatorPublicationStore::Select(
    const std::string& where, const std::vector<Value>& params, const std::string& tail) {
  auto heads = conn_->Query(
      "SELECT id, company_id, month, policy, computed_at, published_by FROM "
      "indicator_publications WHERE " + where + tail,
      params);
  if (!heads.ok()) return heads.error();
  std::vector<IndicatorPublication> out;
  std::map<int64_t, size_t> index;
  std::string ids;
  for (size_t i = 0; i < heads->rows.size(); ++i) {
    IndicatorPublication p;
    p.id = heads->Int(i, 0);
    p.company_id = heads->Int(i, 1);
    p.month = heads->Text(i, 2);
    p.policy = heads->Text(i, 3);
    p.computed_at = Instant{std::chrono::seconds{heads->Int(i, 4)}};
    p.published_by = heads->Text(i, 5);
    index[p.id] = out.size();
    ids += (ids.empty() ? "" : ", ") + std::to_string(p.id);  // integers from the database
    out.push_back(std::move(p));
  }
  if (out.empty()) return out;
  auto rows = conn_->Query(
      "SELECT publication_id, rule, name, numerator, denominator, display, target_per_mille, "
      "target_kind, basis, status, records FROM published_indicators WHERE publication_id IN (" +
      ids + ") ORDER BY publication_id, position");
  if (!rows.ok()) return rows.error();
  for (size_t i = 0; i < rows->rows.size(); ++i) {
    PublishedIndicator ind;
    ind.rule = rows->Text(i, 1);
    ind.name = rows->Text(i, 2);
    ind.numerator = rows->Int(i, 3);
    ind.denominator = rows->Int(i, 4);
    ind.display = rows->Text(i, 5);
    ind.target_per_mille = static_cast<int>(rows->Int(i, 6));
    ind.target_kind = rows->Text(i, 7);
    ind.basis = rows->Text(i, 8);
    ind.status = rows->Text(i, 9);
    ind.records = rows->Int(i, 10);
    out[index.at(rows->Int(i, 0))].indicators.push_back(std::move(ind));
  }
  return out;
}

Result<IndicatorPublication> SqlIndicatorPublicationStore::Publish(
    const IndicatorPublication& in, const std::vector<IndicatorRecord>& records) {
  MutexLock lock(mutex_);
  int64_t id = 0;
  Status s = InTransaction(*conn_, [&]() REQUIRES(mutex_) -> Status {
    auto head = conn_->Query(
        "INSERT INTO indicator_publications (company_id, month, policy, computed_at, "
        "published_by) VALUES ($1, $2, $3, $4, $5) RETURNING id",
        {in.company_id, in.month, in.policy, in.computed_at.time_since_epoch().count(),
         in.published_by});
    if (!head.ok()) {
      if (head.error().code == ErrorCode::kAlreadyExists) {
        return Error::AlreadyExists("the indicators of " + in.month +
                                    " are published already for this company; a published "
                                    "figure does not change");
      }
      return head.error();
    }
    id = head->Int(0, 0);
    for (size_t i = 0; i < in.indicators.size(); ++i) {
      const PublishedIndicator& ind = in.indicators[i];
      auto row = conn_->Query(
          "INSERT INTO published_indicators (publication_id, position, rule, name, numerator, "
          "denominator, display, target_per_mille, target_kind, basis, status, records) VALUES "
          "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
          {id, static_cast<int64_t>(i), ind.rule, ind.name, ind.numerator, ind.denominator,
           ind.display, int64_t{ind.target_per_mille}, ind.target_kind, ind.basis, ind.status,
           ind.records});
      if (!row.ok()) return row.error();
    }
    std::map<std::string, int64_t> position;  // per rule, in the order given
    for (size_t from = 0; from < records.size(); from += kRecordsPerInsert) {
      const size_t to = std::min(records.size(), from + kRecordsPerInsert);
      std::string sql =
          "INSERT INTO indicator_records (publication_id, rule, position, record, numerator, "
          "denominator) VALUES ";
      std::vector<Value> params;
      for (size_t i = from; i < to; ++i) {
        const IndicatorRecord& r = records[i];
        const size_t n = params.size();
        sql += (i == from ? "(" : ", (");
        for (size_t k = 1; k <= 6; ++k) sql += "$" + std::to_string(n + k) + (k < 6 ? ", " : ")");
        params.insert(params.end(), {id, r.rule, position[r.rule]++, r.record, r.numerator,
                                     r.denominator});
      }
      auto ins = conn_->Query(sql, params);
      if (!ins.ok()) return ins.error();
    }
    return InsertAudit(*conn_, {0, "", in.published_by, "create", "indicator_publications", id,
                                "", AuditJson(in, records.size())});
  });
  if (!s.ok()) return s.error();
  auto stored = Select("id = $1", {id}, "");
  if (!stored.ok()) return stored.error();
  if (stored->empty()) return Error::Internal("publication " + std::to_string(id) + " vanished");
  return std::move(stored->front());
}

Result<std::vector<IndicatorPublication>> SqlIndicatorPublicationStore::List(
    const ports::PublicationQuery& q) {
  Where where;
  if (q.company_id) where.And("company_id =", *q.company_id);
  if (q.month) where.And("month =", *q.month);
  const std::string tail = " ORDER BY month DESC, company_id, id LIMIT " +
                           std::to_string(std::clamp(q.limit, 1, kMaxPageRows)) + " OFFSET " +
                           std::to_string(std::max<int64_t>(0, q.offset));
  MutexLock lock(mutex_);
  return Select(where.sql(), where.params(), tail);
}

Result<IndicatorPublication> SqlIndicatorPublicationStore::Get(int64_t id) {
  MutexLock lock(mutex_);
  auto found = Select("id = $1", {id}, "");
  if (!found.ok()) return found.error();
  if (found->empty()) return Error::NotFound("no publication " + std::to_string(id), "id");
  return std::move(found->front());
}

Result<std::vector<IndicatorRecord>> SqlIndicatorPublicationStore::Records(
    int64_t id, const std::string& rule, int64_t offset, int limit) {
  Where where;
  where.And("r.publication_id =", id);
  if (!rule.empty()) where.And("r.rule =", rule);
  MutexLock lock(mutex_);
  // The rules in their published order, then each rule's records in theirs.
  auto rows = conn_->Query(
      "SELECT r.rule, r.record, r.numerator, r.denominator FROM indicator_records r JOIN "
      "published_indicators p ON p.publication_id = r.publication_id AND p.rule = r.rule WHERE " +
          where.sql() + " ORDER BY p.position, r.position LIMIT " +
          std::to_string(std::clamp(limit, 1, kMaxPageRows)) + " OFFSET " +
          std::to_string(std::max<int64_t>(0, offset)),
      where.params());
  if (!rows.ok()) return rows.error();
  std::vector<IndicatorRecord> out;
  for (size_t i = 0; i < rows->rows.size(); ++i) {
    out.push_back({rows->Text(i, 0), rows->Text(i, 1), rows->Int(i, 2), rows->Int(i, 3)});
  }
  return out;
}

}  // namespace hearth::adapters::storage
