#include "adapters/storage/reading_partitions.hpp"

#include <algorithm>
#include <cassert>
#include <cstdio>
#include <memory>

#include "adapters/storage/audit_sql.hpp"
#include "adapters/storage/pg_link.hpp"

namespace hearth::adapters::storage {
namespace {

int32_t MonthKey(Date d) { return YearOf(d) * 12 + static_cast<int32_t>(MonthOf(d)) - 1; }

int32_t MonthKeyOf(int64_t ts) { return MonthKey(LocalDate(Instant{std::chrono::seconds{ts}})); }

// readings_YYYYMM of a month's first day.
std::string PartitionName(Date first_day) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "readings_%04d%02u", YearOf(first_day), MonthOf(first_day));
  return buf;
}

}  // namespace

std::vector<int64_t> ReadingMonths::Unknown(std::span<const ports::Reading> batch) const {
  std::vector<int64_t> out;
  std::vector<int32_t> seen;
  int32_t last = -1;  // batches come in a few months at most: skip the key lookups in a run
  for (const ports::Reading& r : batch) {
    const int32_t key = MonthKeyOf(r.ts);
    if (key == last) continue;
    last = key;
    if (months_.count(key) != 0 || std::find(seen.begin(), seen.end(), key) != seen.end()) {
      continue;
    }
    seen.push_back(key);
    out.push_back(r.ts);
  }
  return out;
}

void ReadingMonths::MarkKnown(std::span<const int64_t> times) {
  for (int64_t ts : times) months_.insert(MonthKeyOf(ts));
}

Status EnsureReadingPartitions(PGconn* conn, std::span<const int64_t> times) {
  if (times.empty()) return OkStatus();
  std::string array = "{";
  for (int64_t ts : times) {
    if (array.size() > 1) array += ',';
    array += std::to_string(ts);
  }
  array += '}';
  const char* values[] = {array.c_str()};
  std::unique_ptr<PGresult, void (*)(PGresult*)> res(
      PQexecParams(conn, "SELECT hearth_readings_partition(t) FROM unnest($1::bigint[]) AS t", 1,
                   nullptr, values, nullptr, nullptr, 0),
      PQclear);
  if (PQresultStatus(res.get()) != PGRES_TUPLES_OK) {
    return PgError(conn, res.get(), "readings: create the month's partition");
  }
  return OkStatus();
}

Date FirstMonthKept(Date today, int keep_months) {
  assert(keep_months >= 1);
  const int32_t key = MonthKey(today) - (keep_months - 1);
  return *MakeDate(key / 12, static_cast<unsigned>(key % 12) + 1, 1);
}

Result<std::vector<std::string>> PruneReadingMonths(Connection& conn, Date first_kept, bool dry_run,
                                                    const std::string& actor) {
  if (conn.dialect() != Dialect::kPostgres) {
    return Error::FailedPrecondition(
        "readings are pruned by dropping PostgreSQL's monthly partitions; a SQLite database "
        "keeps its readings in one table");
  }
  const Date month = *MakeDate(YearOf(first_kept), MonthOf(first_kept), 1);
  std::vector<std::string> dropped;
  Status s = InTransaction(conn, [&]() -> Status {
    // Names of fixed width compare as their months do.
    auto rows = conn.Query(
        "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
        "WHERE i.inhparent = 'readings'::regclass AND c.relname ~ '^readings_[0-9]{6}$' "
        "AND c.relname < $1 ORDER BY c.relname",
        {PartitionName(month)});
    if (!rows.ok()) return rows.error();
    for (size_t r = 0; r < rows->rows.size(); ++r) dropped.push_back(rows->Text(r, 0));
    if (dry_run || dropped.empty()) return OkStatus();
    std::string after = "{\"first_kept\":\"" + FormatDate(month) + "\",\"dropped\":[";
    for (const std::string& name : dropped) {
      // The names came from the catalogue and match ^readings_[0-9]{6}$: safe to splice.
      if (auto d = conn.Script("DROP TABLE " + name); !d.ok()) return d;
      after += (after.back() == '[' ? "\"" : ",\"") + name + "\"";
    }
    after += "]}";
    return InsertAudit(conn, {0, "", actor, "prune", "readings", std::nullopt, "", after});
  });
  if (!s.ok()) return s.error();
  return dropped;
}

}  // namespace hearth::adapters::storage
