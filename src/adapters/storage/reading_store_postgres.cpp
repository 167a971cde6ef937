// The PostgreSQL half of reading_store_sql.hpp.
#include <libpq-fe.h>

#include <charconv>
#include <cstdlib>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "adapters/storage/pg_link.hpp"
#include "adapters/storage/reading_partitions.hpp"
#include "adapters/storage/reading_store_sql.hpp"
#include "core/mutex.hpp"
#include "core/thread_annotations.hpp"
#include "ports/monitoring_store.hpp"

namespace hearth::adapters::storage {
namespace {

using PgResult = std::unique_ptr<PGresult, void (*)(PGresult*)>;

// The batch is staged here, in the batch's order (ctid), so that the merge stores the first of a
// key's readings, as SQLite does; ON COMMIT DELETE ROWS empties it at the end of every transaction.
constexpr const char* kSetUp =
    "CREATE TEMPORARY TABLE IF NOT EXISTS readings_in "
    "(sensor_id BIGINT NOT NULL, ts BIGINT NOT NULL, centi INTEGER NOT NULL) "
    "ON COMMIT DELETE ROWS";
constexpr const char* kMerge =
    "INSERT INTO readings (sensor_id, ts, centi) "
    "SELECT sensor_id, ts, centi FROM readings_in ORDER BY sensor_id, ts, ctid "
    "ON CONFLICT DO NOTHING";
// Conflicts (ports/reading_store.hpp), looked for only when the merge did not insert every row:
// each staged row whose stored value is not its own, kept once per distinct value.
constexpr const char* kKeepConflicts =
    "WITH c AS (SELECT i.sensor_id, i.ts, r.centi AS stored_centi, i.centi FROM readings_in i "
    "JOIN readings r ON r.sensor_id = i.sensor_id AND r.ts = i.ts WHERE r.centi <> i.centi), "
    "kept AS (INSERT INTO reading_conflicts (sensor_id, ts, stored_centi, centi, received_at, "
    "source) SELECT DISTINCT sensor_id, ts, stored_centi, centi, $1::bigint, $2::text FROM c "
    "ORDER BY sensor_id, ts, centi ON CONFLICT DO NOTHING) "
    "SELECT count(*) FROM c";
// Quarantine (issue 18): the batch's quarantined readings as four arrays, kept once per (sensor,
// ts) in key order (so that concurrent instances cannot deadlock), in the batch's transaction.
constexpr const char* kKeepQuarantined =
    "INSERT INTO reading_quarantine (sensor_id, ts, centi, reason, received_at, source) "
    "SELECT s, t, c, r, $5::bigint, $6::text "
    "FROM unnest($1::bigint[], $2::bigint[], $3::integer[], $4::text[]) AS q(s, t, c, r) "
    "ORDER BY s, t ON CONFLICT DO NOTHING";
constexpr const char* kQuarantined =
    "SELECT id, ts, centi, reason, received_at, source FROM reading_quarantine "
    "WHERE sensor_id = $1::bigint AND id > $2::bigint ORDER BY id LIMIT $3::bigint";
constexpr const char* kConflicts =
    "SELECT id, ts, stored_centi, centi, received_at, source FROM reading_conflicts "
    "WHERE sensor_id = $1::bigint AND id > $2::bigint ORDER BY id LIMIT $3::bigint";
// Dirty marks (ports/monitoring_store.hpp): the batch's distinct (sensor, local day) pairs as two
// arrays, upserted in key order (so that concurrent instances cannot deadlock) in one statement.
constexpr const char* kMarkDirty =
    "INSERT INTO dirty_sensor_days (sensor_id, day, seq) "
    "SELECT s, d, 1 FROM unnest($1::bigint[], $2::text[]) AS t(s, d) ORDER BY s, d "
    "ON CONFLICT (sensor_id, day) DO UPDATE SET seq = dirty_sensor_days.seq + 1";
constexpr const char* kFindSensors =
    "SELECT s.code, s.id, s.room_id, r.household_id, h.company_id FROM sensors s "
    "JOIN rooms r ON r.id = s.room_id JOIN households h ON h.id = r.household_id "
    "WHERE s.code = ANY($1::text[])";
constexpr const char* kRange =
    "SELECT ts, centi FROM readings WHERE sensor_id = $1::bigint AND ts >= $2::bigint "
    "AND ts < $3::bigint ORDER BY ts LIMIT $4::bigint";

// Appends "sensor\tts\tcenti\n" (COPY's text format) without allocating per row.
void AppendRow(std::string& out, const ports::Reading& r) {
  auto put = [&out](int64_t v, char separator) {
    char buf[32];  // an int64 takes at most 20 characters: the separator always fits
    char* end = std::to_chars(buf, buf + 24, v).ptr;
    *end++ = separator;
    out.append(buf, static_cast<size_t>(end - buf));
  };
  put(r.sensor_id, '\t');
  put(r.ts, '\t');
  put(r.centi, '\n');
}

// Appends a text[] literal's element: quoted, with " and \ escaped. A NUL cannot be sent, and no
// code or reason holds one (such a code is simply not found).
void AppendQuoted(std::string& array, std::string_view text) {
  array += '"';
  for (char c : text) {
    if (c == '\0') continue;
    if (c == '"' || c == '\\') array += '\\';
    array += c;
  }
  array += '"';
}

// One libpq connection; every call holds mutex_. Reconnects (and sets up again) after the server
// dropped it, at the start of the next call (PgLink).
class PgReadingStore final : public ports::ReadingStore {
 public:
  explicit PgReadingStore(std::string url) : link_(std::move(url), SetUp) {}

  /// Connects (OpenPostgresReadingStore); the calls below reconnect when needed.
  Status Open() {
    MutexLock lock(mutex_);
    return Connect();
  }

  Result<ports::InsertCounts> Insert(std::span<const ports::Reading> batch,
                                     std::span<const ports::QuarantinedReading> quarantine,
                                     const ports::InsertSource& source) override {
    if (batch.empty() && quarantine.empty()) return ports::InsertCounts{};
    MutexLock lock(mutex_);
    if (auto s = Connect(); !s.ok()) return s.error();
    const std::vector<int64_t> months = months_.Unknown(batch);  // partitions made first
    auto counts = InsertOnce(months, batch, quarantine, source);
    if (counts.ok() || counts.error().code == ErrorCode::kUnavailable) return counts;
    // A month this store had made sure of may have been pruned since (hearth prune-readings):
    // once more, making sure of every month of the batch, unless it made sure of them all.
    months_.Forget();
    const std::vector<int64_t> all = months_.Unknown(batch);
    if (all.size() == months.size()) return counts;
    return InsertOnce(all, batch, quarantine, source);
  }

  Result<std::vector<ports::ReadingConflict>> Conflicts(int64_t sensor_id, int64_t after_id,
                                                        int64_t limit) override {
    MutexLock lock(mutex_);
    if (auto s = Connect(); !s.ok()) return s.error();
    std::string params[] = {std::to_string(sensor_id), std::to_string(after_id),
                            std::to_string(limit)};
    const char* values[] = {params[0].c_str(), params[1].c_str(), params[2].c_str()};
    PgResult res(PQexecParams(conn_, kConflicts, 3, nullptr, values, nullptr, nullptr, 0),
                 PQclear);
    if (PQresultStatus(res.get()) != PGRES_TUPLES_OK) return PgError(conn_, res.get(), "conflicts");
    std::vector<ports::ReadingConflict> out;
    for (int r = 0; r < PQntuples(res.get()); ++r) {
      auto num = [&](int c) { return std::strtoll(PQgetvalue(res.get(), r, c), nullptr, 10); };
      out.push_back({num(0), sensor_id, num(1), static_cast<int32_t>(num(2)),
                     static_cast<int32_t>(num(3)), num(4), PQgetvalue(res.get(), r, 5)});
    }
    return out;
  }

  Result<std::vector<ports::QuarantineEntry>> Quarantined(int64_t sensor_id, int64_t after_id,
                                                          int64_t limit) override {
    MutexLock lock(mutex_);
    if (auto s = Connect(); !s.ok()) return s.error();
    std::string params[] = {std::to_string(sensor_id), std::to_string(after_id),
                            std::to_string(limit)};
    const char* values[] = {params[0].c_str(), params[1].c_str(), params[2].c_str()};
    PgResult res(PQexecParams(conn_, kQuarantined, 3, nullptr, values, nullptr, nullptr, 0),
                 PQclear);
    if (PQresultStatus(res.get()) != PGRES_TUPLES_OK) {
      return PgError(conn_, res.get(), "quarantined");
    }
    std::vector<ports::QuarantineEntry> out;
    for (int r = 0; r < PQntuples(res.get()); ++r) {
      auto num = [&](int c) { return std::strtoll(PQgetvalue(res.get(), r, c), nullptr, 10); };
      out.push_back({num(0), sensor_id, num(1), static_cast<int32_t>(num(2)),
                     PQgetvalue(res.get(), r, 3), num(4), PQgetvalue(res.get(), r, 5)});
    }
    return out;
  }

  Result<std::vector<ports::Reading>> Range(int64_t sensor_id, int64_t from, int64_t to,
                                            int64_t limit) override {
    MutexLock lock(mutex_);
    if (auto s = Connect(); !s.ok()) return s.error();
    std::string params[] = {std::to_string(sensor_id), std::to_string(from), std::to_string(to),
                            std::to_string(limit)};
    const char* values[] = {params[0].c_str(), params[1].c_str(), params[2].c_str(),
                            params[3].c_str()};
    PgResult res(PQexecPrepared(conn_, "range", 4, values, nullptr, nullptr, 0), PQclear);
    if (PQresultStatus(res.get()) != PGRES_TUPLES_OK) return PgError(conn_, res.get(), "range");
    std::vector<ports::Reading> out;
    int rows = PQntuples(res.get());
    out.reserve(static_cast<size_t>(rows));
    for (int r = 0; r < rows; ++r) {
      out.push_back({sensor_id, std::strtoll(PQgetvalue(res.get(), r, 0), nullptr, 10),
                     static_cast<int32_t>(std::strtol(PQgetvalue(res.get(), r, 1), nullptr, 10))});
    }
    return out;
  }

  Result<std::vector<std::optional<ports::SensorInfo>>> FindSensors(
      std::span<const std::string> codes) override {
    std::vector<std::optional<ports::SensorInfo>> out(codes.size());
    if (codes.empty()) return out;
    std::string array = "{";
    for (const std::string& code : codes) {
      if (array.size() > 1) array += ',';
      AppendQuoted(array, code);
    }
    array += '}';
    MutexLock lock(mutex_);
    if (auto s = Connect(); !s.ok()) return s.error();
    const char* values[] = {array.c_str()};
    PgResult res(PQexecPrepared(conn_, "find_sensors", 1, values, nullptr, nullptr, 0), PQclear);
    if (PQresultStatus(res.get()) != PGRES_TUPLES_OK) {
      return PgError(conn_, res.get(), "find sensors");
    }
    std::unordered_map<std::string_view, size_t> at;
    for (size_t i = 0; i < codes.size(); ++i) at.emplace(codes[i], i);
    for (int r = 0; r < PQntuples(res.get()); ++r) {
      auto num = [&](int c) { return std::strtoll(PQgetvalue(res.get(), r, c), nullptr, 10); };
      auto it = at.find(PQgetvalue(res.get(), r, 0));
      if (it != at.end()) out[it->second] = ports::SensorInfo{num(1), num(2), num(3), num(4)};
    }
    return out;
  }

 private:
  Result<ports::InsertCounts> InsertOnce(std::span<const int64_t> months,
                                         std::span<const ports::Reading> batch,
                                         std::span<const ports::QuarantinedReading> quarantine,
                                         const ports::InsertSource& source) REQUIRES(mutex_) {
    if (auto s = OnceMoreIfLost([&] { return EnsureReadingPartitions(conn_, months); });
        !s.ok()) {
      return s.error();
    }
    months_.MarkKnown(months);
    if (auto s = OnceMoreIfLost([&] { return Command("BEGIN"); }); !s.ok()) return s.error();
    Result<int64_t> inserted = batch.empty() ? int64_t{0} : CopyAndMerge(batch);
    Result<int64_t> conflicting = int64_t{0};
    if (inserted.ok() && *inserted < static_cast<int64_t>(batch.size())) {
      conflicting = KeepConflicts(source);
    }
    Result<int64_t> kept = int64_t{0};
    if (inserted.ok() && conflicting.ok() && !quarantine.empty()) {
      kept = KeepQuarantined(quarantine, source);
    }
    if (!inserted.ok() || !conflicting.ok() || !kept.ok()) {
      (void)Command("ROLLBACK");
      return !inserted.ok() ? inserted.error() : !conflicting.ok() ? conflicting.error()
                                                                    : kept.error();
    }
    if (auto s = Command("COMMIT"); !s.ok()) return s.error();
    ports::InsertCounts counts;
    counts.quarantined = *kept;
    counts.inserted = *inserted;
    counts.conflicting = *conflicting;
    counts.duplicate = static_cast<int64_t>(batch.size()) - *inserted - *conflicting;
    return counts;
  }

  // Connects unless connected (PgLink::Ensure); conn_ is the connection until the next call.
  Status Connect() REQUIRES(mutex_) {
    if (auto s = link_.Ensure(); !s.ok()) return s;
    conn_ = link_.get();
    return OkStatus();
  }

  // Every new session: the staging table and the prepared statements.
  static Status SetUp(PGconn* conn) {
    PgResult setup(PQexec(conn, kSetUp), PQclear);
    if (PQresultStatus(setup.get()) != PGRES_COMMAND_OK) {
      return PgError(conn, setup.get(), "readings: set up");
    }
    for (auto [name, sql, n] : {std::tuple{"find_sensors", kFindSensors, 1},
                                std::tuple{"range", kRange, 4}}) {
      PgResult res(PQprepare(conn, name, sql, n, nullptr), PQclear);
      if (PQresultStatus(res.get()) != PGRES_COMMAND_OK) return PgError(conn, res.get(), name);
    }
    return OkStatus();
  }

  // Runs `step`; a session that died under it changed nothing, so it runs once more on a new
  // one.
  template <typename Step>
  Status OnceMoreIfLost(const Step& step) REQUIRES(mutex_) {
    Status s = step();
    if (s.ok() || !link_.Lost()) return s;
    if (auto again = Connect(); !again.ok()) return again;
    return step();
  }

  Status Command(const char* sql) REQUIRES(mutex_) {
    PgResult res(PQexec(conn_, sql), PQclear);
    if (PQresultStatus(res.get()) != PGRES_COMMAND_OK) return PgError(conn_, res.get(), sql);
    return OkStatus();
  }

  // Inside the batch's transaction: COPY into readings_in, merge; returns the rows inserted.
  Result<int64_t> CopyAndMerge(std::span<const ports::Reading> batch) REQUIRES(mutex_) {
    {
      PgResult res(PQexec(conn_, "COPY readings_in FROM STDIN"), PQclear);
      if (PQresultStatus(res.get()) != PGRES_COPY_IN) return PgError(conn_, res.get(), "copy");
    }
    buffer_.clear();
    for (const ports::Reading& r : batch) {
      AppendRow(buffer_, r);
      if (buffer_.size() >= (1u << 16)) {
        if (PQputCopyData(conn_, buffer_.data(), static_cast<int>(buffer_.size())) != 1) {
          return PgError(conn_, nullptr, "copy data");
        }
        buffer_.clear();
      }
    }
    if ((!buffer_.empty() &&
         PQputCopyData(conn_, buffer_.data(), static_cast<int>(buffer_.size())) != 1) ||
        PQputCopyEnd(conn_, nullptr) != 1) {
      return PgError(conn_, nullptr, "copy data");
    }
    {
      PgResult res(PQgetResult(conn_), PQclear);
      if (PQresultStatus(res.get()) != PGRES_COMMAND_OK) return PgError(conn_, res.get(), "copy");
      while (PGresult* more = PQgetResult(conn_)) PQclear(more);
    }
    PgResult res(PQexec(conn_, kMerge), PQclear);
    if (PQresultStatus(res.get()) != PGRES_COMMAND_OK) return PgError(conn_, res.get(), "merge");
    if (auto s = MarkDirty(batch); !s.ok()) return s.error();
    return std::strtoll(PQcmdTuples(res.get()), nullptr, 10);
  }

  // Inside the batch's transaction, after the merge: keeps the conflicts of readings_in and
  // returns how many staged rows conflict.
  Result<int64_t> KeepConflicts(const ports::InsertSource& source) REQUIRES(mutex_) {
    std::string received_at = std::to_string(source.received_at);
    std::string channel(source.channel);
    const char* values[] = {received_at.c_str(), channel.c_str()};
    PgResult res(PQexecParams(conn_, kKeepConflicts, 2, nullptr, values, nullptr, nullptr, 0),
                 PQclear);
    if (PQresultStatus(res.get()) != PGRES_TUPLES_OK) {
      return PgError(conn_, res.get(), "keep conflicts");
    }
    return std::strtoll(PQgetvalue(res.get(), 0, 0), nullptr, 10);
  }

  // Inside the batch's transaction: keeps the quarantined readings once per (sensor, ts); returns
  // the rows newly kept.
  Result<int64_t> KeepQuarantined(std::span<const ports::QuarantinedReading> rows,
                                  const ports::InsertSource& source) REQUIRES(mutex_) {
    std::string sensors = "{", times = "{", centis = "{", reasons = "{";
    for (const ports::QuarantinedReading& q : rows) {
      if (sensors.size() > 1) {
        sensors += ',';
        times += ',';
        centis += ',';
        reasons += ',';
      }
      sensors += std::to_string(q.sensor_id);
      times += std::to_string(q.ts);
      centis += std::to_string(q.centi);
      AppendQuoted(reasons, q.reason);
    }
    sensors += '}';
    times += '}';
    centis += '}';
    reasons += '}';
    std::string received_at = std::to_string(source.received_at);
    std::string channel(source.channel);
    const char* values[] = {sensors.c_str(), times.c_str(),       centis.c_str(),
                            reasons.c_str(), received_at.c_str(), channel.c_str()};
    PgResult res(PQexecParams(conn_, kKeepQuarantined, 6, nullptr, values, nullptr, nullptr, 0),
                 PQclear);
    if (PQresultStatus(res.get()) != PGRES_COMMAND_OK) {
      return PgError(conn_, res.get(), "keep quarantined");
    }
    return std::strtoll(PQcmdTuples(res.get()), nullptr, 10);
  }

  // Inside the batch's transaction: marks every distinct (sensor, local day) of it dirty.
  Status MarkDirty(std::span<const ports::Reading> batch) REQUIRES(mutex_) {
    DistinctSensorDays(batch, marks_);
    std::string sensors = "{", days = "{";
    for (size_t i = 0; i < marks_.size(); ++i) {
      if (i > 0) {
        sensors += ',';
        days += ',';
      }
      sensors += std::to_string(marks_[i].first);
      days += ports::DayText(marks_[i].second);
    }
    sensors += '}';
    days += '}';
    const char* values[] = {sensors.c_str(), days.c_str()};
    PgResult res(PQexecParams(conn_, kMarkDirty, 2, nullptr, values, nullptr, nullptr, 0),
                 PQclear);
    if (PQresultStatus(res.get()) != PGRES_COMMAND_OK) {
      return PgError(conn_, res.get(), "mark dirty days");
    }
    return OkStatus();
  }

  Mutex mutex_;
  PgLink link_ GUARDED_BY(mutex_);
  PGconn* conn_ GUARDED_BY(mutex_) = nullptr;  // link_'s, set by Connect()
  std::string buffer_ GUARDED_BY(mutex_);  // COPY data, reused across batches
  ReadingMonths months_ GUARDED_BY(mutex_);
  std::vector<std::pair<int64_t, int64_t>> marks_ GUARDED_BY(mutex_);  // (sensor, day number)
};

}  // namespace

Result<std::unique_ptr<ports::ReadingStore>> OpenPostgresReadingStore(const std::string& url) {
  auto store = std::make_unique<PgReadingStore>(url);
  if (auto s = store->Open(); !s.ok()) return s.error();
  return std::unique_ptr<ports::ReadingStore>(std::move(store));
}

}  // namespace hearth::adapters::storage
