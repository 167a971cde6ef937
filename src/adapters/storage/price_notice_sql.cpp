#include "adapters/storage/price_notice_sql.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "adapters/storage/audit_sql.hpp"
#include "adapters/storage/outbox_sql.hpp"
#include "adapters/storage/sql_time.hpp"

namespace hearth::adapters::storage {
namespace {

constexpr const char* kSelect =
    "SELECT id, tariff_id, company_id, billing, price, valid_from, text, households, "
    "announced_at, announced_by FROM price_notices WHERE ";

}  // namespace

Result<std::vector<ports::PriceNotice>> SqlPriceNoticeStore::Read(const Where& where,
                                                                  const std::string& tail) {
  auto rows = conn_->Query(kSelect + where.sql() + tail, where.params());
  if (!rows.ok()) return rows.error();
  std::vector<ports::PriceNotice> out;
  out.reserve(rows->rows.size());
  for (size_t i = 0; i < rows->rows.size(); ++i) {
    ports::PriceNotice n;
    n.id = rows->Int(i, 0);
    n.tariff_id = rows->Int(i, 1);
    n.company_id = rows->Int(i, 2);
    n.billing = rows->Text(i, 3);
    n.price_fen = rows->Int(i, 4);
    auto from = ParseDate(rows->Text(i, 5));
    if (!from.ok()) return Error::Internal("a stored price notice is malformed: valid_from");
    n.valid_from = *from;
    n.text = rows->Text(i, 6);
    n.households = rows->Int(i, 7);
    n.announced_at = FromUnix(rows->Int(i, 8));
    n.announced_by = rows->Text(i, 9);
    out.push_back(std::move(n));
  }
  return out;
}

Result<ports::PriceNotice> SqlPriceNoticeStore::Announce(
    const ports::PriceNotice& in,
    const std::vector<std::pair<std::string, std::string>>& fields) {
  MutexLock lock(mutex_);
  int64_t id = 0;
  Status s = InTransaction(*conn_, [&]() REQUIRES(mutex_) -> Status {
    auto dup = conn_->Query("SELECT id FROM price_notices WHERE tariff_id = $1", {in.tariff_id});
    if (!dup.ok()) return dup.error();
    if (!dup->empty()) {
      return Error::AlreadyExists("tariff " + std::to_string(in.tariff_id) +
                                      " was announced already (price notice " +
                                      std::to_string(dup->Int(0, 0)) + ")",
                                  "tariff");
    }
    auto ins = conn_->Query(
        "INSERT INTO price_notices (tariff_id, company_id, billing, price, valid_from, text, "
        "households, announced_at, announced_by) VALUES ($1, $2, $3, $4, $5, $6, 0, $7, $8) "
        "RETURNING id",
        {in.tariff_id, in.company_id, in.billing, in.price_fen, FormatDate(in.valid_from), in.text,
         Unix(in.announced_at), in.announced_by});
    if (!ins.ok()) return ins.error();
    id = ins->Int(0, 0);
    ports::OutboxMessage m;
    m.fields = fields;
    // One statement for every household told, however many (a city's company has 10⁵ or more).
    auto told = conn_->Query(
        "INSERT INTO outbox (message_id, receiver, topic, company_id, household_id, order_id, "
        "payload, created_at, attempts, next_attempt_at, delivered_at, last_error) "
        "SELECT $1 || CAST(h.id AS TEXT), 'household', 'tariff.changed', h.company_id, h.id, "
        "NULL, $2, $3, 0, $3, NULL, '' FROM households h WHERE h.company_id = $4 AND "
        "h.billing = $5",
        {"price-notice-" + std::to_string(id) + "-household-", OutboxPayloadText(m),
         Unix(in.announced_at), in.company_id, in.billing});
    if (!told.ok()) return told.error();
    auto counted = conn_->Query("UPDATE price_notices SET households = $1 WHERE id = $2",
                                {told->affected, id});
    if (!counted.ok()) return counted.error();
    const nlohmann::json after = {{"tariff_id", in.tariff_id},
                                  {"billing", in.billing},
                                  {"price", in.price_fen},
                                  {"valid_from", FormatDate(in.valid_from)},
                                  {"households", told->affected}};
    return InsertAudit(*conn_,
                       {0, "", in.announced_by, "create", "price_notices", id, "", after.dump()});
  });
  if (!s.ok()) return s.error();
  Where where;
  where.And("id =", id);
  auto read = Read(where, "");
  if (!read.ok()) return read.error();
  if (read->empty()) return Error::Internal("price notice " + std::to_string(id) + " vanished");
  return std::move(read->front());
}

Result<ports::PriceNotice> SqlPriceNoticeStore::OfTariff(int64_t tariff_id) {
  Where where;
  where.And("tariff_id =", tariff_id);
  MutexLock lock(mutex_);
  auto read = Read(where, "");
  if (!read.ok()) return read.error();
  if (read->empty()) {
    return Error::NotFound("tariff " + std::to_string(tariff_id) + " was not announced",
                           "tariff");
  }
  return std::move(read->front());
}

Result<std::vector<ports::PriceNotice>> SqlPriceNoticeStore::List(
    const ports::PriceNoticeQuery& q) {
  Where where;
  if (q.company_id) where.And("company_id =", *q.company_id);
  if (q.before) where.And("id <", *q.before);
  MutexLock lock(mutex_);
  return Read(where, " ORDER BY id DESC LIMIT " +
                         std::to_string(std::clamp(q.limit, 1, kMaxPageRows)));
}

}  // namespace hearth::adapters::storage
