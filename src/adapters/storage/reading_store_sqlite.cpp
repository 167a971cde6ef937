// The SQLite half of reading_store_sql.hpp.
#include <sqlite3.h>

#include <array>
#include <filesystem>

#include "adapters/storage/group_commit.hpp"
#include "adapters/storage/reading_store_sql.hpp"
#include "adapters/storage/sql_sqlite.hpp"
#include "core/mutex.hpp"
#include "core/thread_annotations.hpp"
#include "ports/monitoring_store.hpp"

namespace hearth::adapters::storage {
namespace {

// Rows per multi-row INSERT: fewer statement steps per batch; 3 × 128 parameters stays far below
// SQLite's limit (32766).
constexpr int kChunk = 128;

constexpr const char* kFindSensor =
    "SELECT s.id, s.room_id, r.household_id, h.company_id FROM sensors s "
    "JOIN rooms r ON r.id = s.room_id JOIN households h ON h.id = r.household_id "
    "WHERE s.code = ?1";
// Conflicts (ports/reading_store.hpp): looked for only in a batch that did not insert every row,
// so the common batch pays nothing for them.
constexpr const char* kStoredValue = "SELECT centi FROM readings WHERE sensor_id = ?1 AND ts = ?2";
constexpr const char* kKeepConflict =
    "INSERT INTO reading_conflicts (sensor_id, ts, stored_centi, centi, received_at, source) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING";
constexpr const char* kConflicts =
    "SELECT id, ts, stored_centi, centi, received_at, source FROM reading_conflicts "
    "WHERE sensor_id = ?1 AND id > ?2 ORDER BY id LIMIT ?3";
// Quarantine (issue 18): once per (sensor, ts), in the batch's transaction.
constexpr const char* kKeepQuarantined =
    "INSERT INTO reading_quarantine (sensor_id, ts, centi, reason, received_at, source) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING";
constexpr const char* kQuarantined =
    "SELECT id, ts, centi, reason, received_at, source FROM reading_quarantine "
    "WHERE sensor_id = ?1 AND id > ?2 ORDER BY id LIMIT ?3";
constexpr const char* kRange =
    "SELECT ts, centi FROM readings WHERE sensor_id = ?1 AND ts >= ?2 AND ts < ?3 ORDER BY ts "
    "LIMIT ?4";

std::string InsertSql(int rows) {
  std::string sql = "INSERT INTO readings (sensor_id, ts, centi) VALUES ";
  for (int i = 0; i < rows; ++i) sql += i == 0 ? "(?,?,?)" : ",(?,?,?)";
  return sql + " ON CONFLICT DO NOTHING";
}

// Dirty marks (ports/monitoring_store.hpp): one row per distinct (sensor, local day) of a batch,
// upserted in the batch's transaction. Statements for 1, 2, 4, … 128 rows, so that any count
// takes at most a few steps.
constexpr size_t kMarkSizes = 8;

std::string MarkSql(size_t rows) {
  std::string sql = "INSERT INTO dirty_sensor_days (sensor_id, day, seq) VALUES ";
  for (size_t i = 0; i < rows; ++i) sql += i == 0 ? "(?,?,1)" : ",(?,?,1)";
  return sql + " ON CONFLICT (sensor_id, day) DO UPDATE SET seq = dirty_sensor_days.seq + 1";
}

using Statement = std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)>;

// One connection and its prepared statements. Not thread-safe: each is guarded by its owner.
class Db {
 public:
  ~Db() {
    statements_.clear();  // finalized before the connection closes
    if (db_) sqlite3_close_v2(db_);
  }

  Status Open(const std::string& path) {
    int rc = sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                             nullptr);
    if (rc != SQLITE_OK) return SqliteError(db_, rc, "open");
    sqlite3_busy_timeout(db_, 5000);
    return Exec(kReadingSqlitePragmas);
  }

  Status Exec(const char* sql) {
    int rc = sqlite3_exec(db_, sql, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) return SqliteError(db_, rc, sql);
    return OkStatus();
  }

  Result<sqlite3_stmt*> Prepare(const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()),
                                SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) return SqliteError(db_, rc, "prepare");
    statements_.emplace_back(stmt, sqlite3_finalize);
    return stmt;
  }

  sqlite3* raw() const { return db_; }

 private:
  sqlite3* db_ = nullptr;
  std::vector<Statement> statements_;
};

class SqliteReadingStore final : public ports::ReadingStore {
 public:
  // Before the store is shared; takes both locks all the same, so that the analysis sees every
  // guarded member touched under its own.
  Status Open(const std::string& path) {
    MutexLock write(write_mutex_);
    MutexLock read(read_mutex_);
    if (auto s = writer_.Open(path); !s.ok()) return s;
    if (auto s = reader_.Open(path); !s.ok()) return s;
    auto chunk = writer_.Prepare(InsertSql(kChunk));
    if (!chunk.ok()) return chunk.error();
    auto one = writer_.Prepare(InsertSql(1));
    if (!one.ok()) return one.error();
    auto find = reader_.Prepare(kFindSensor);
    if (!find.ok()) return find.error();
    auto range = reader_.Prepare(kRange);
    if (!range.ok()) return range.error();
    auto stored = writer_.Prepare(kStoredValue);
    if (!stored.ok()) return stored.error();
    auto keep = writer_.Prepare(kKeepConflict);
    if (!keep.ok()) return keep.error();
    auto conflicts = reader_.Prepare(kConflicts);
    if (!conflicts.ok()) return conflicts.error();
    auto keep_quarantined = writer_.Prepare(kKeepQuarantined);
    if (!keep_quarantined.ok()) return keep_quarantined.error();
    auto quarantined = reader_.Prepare(kQuarantined);
    if (!quarantined.ok()) return quarantined.error();
    keep_quarantined_ = *keep_quarantined;
    quarantined_ = *quarantined;
    insert_chunk_ = *chunk;
    insert_one_ = *one;
    stored_value_ = *stored;
    keep_conflict_ = *keep;
    conflicts_ = *conflicts;
    for (size_t i = 0; i < kMarkSizes; ++i) {
      auto mark = writer_.Prepare(MarkSql(size_t{1} << i));
      if (!mark.ok()) return mark.error();
      mark_[i] = *mark;
    }
    find_ = *find;
    range_ = *range;
    return OkStatus();
  }

  // Batches that arrive while one commits wait and share the next transaction (group_commit.hpp).
  Result<ports::InsertCounts> Insert(std::span<const ports::Reading> batch,
                                     std::span<const ports::QuarantinedReading> quarantine,
                                     const ports::InsertSource& source) override {
    if (batch.empty() && quarantine.empty()) return ports::InsertCounts{};
    return group_.Insert(batch, quarantine, source);
  }

  Result<std::vector<ports::ReadingConflict>> Conflicts(int64_t sensor_id, int64_t after_id,
                                                        int64_t limit) override {
    MutexLock lock(read_mutex_);
    sqlite3_bind_int64(conflicts_, 1, sensor_id);
    sqlite3_bind_int64(conflicts_, 2, after_id);
    sqlite3_bind_int64(conflicts_, 3, limit);
    std::vector<ports::ReadingConflict> out;
    int rc;
    while ((rc = sqlite3_step(conflicts_)) == SQLITE_ROW) {
      const auto* source = reinterpret_cast<const char*>(sqlite3_column_text(conflicts_, 5));
      out.push_back({sqlite3_column_int64(conflicts_, 0), sensor_id,
                     sqlite3_column_int64(conflicts_, 1),
                     static_cast<int32_t>(sqlite3_column_int64(conflicts_, 2)),
                     static_cast<int32_t>(sqlite3_column_int64(conflicts_, 3)),
                     sqlite3_column_int64(conflicts_, 4), source ? source : ""});
    }
    sqlite3_reset(conflicts_);
    if (rc != SQLITE_DONE) return SqliteError(reader_.raw(), rc, "conflicts");
    return out;
  }

  Result<std::vector<ports::QuarantineEntry>> Quarantined(int64_t sensor_id, int64_t after_id,
                                                          int64_t limit) override {
    MutexLock lock(read_mutex_);
    sqlite3_bind_int64(quarantined_, 1, sensor_id);
    sqlite3_bind_int64(quarantined_, 2, after_id);
    sqlite3_bind_int64(quarantined_, 3, limit);
    std::vector<ports::QuarantineEntry> out;
    int rc;
    while ((rc = sqlite3_step(quarantined_)) == SQLITE_ROW) {
      auto text = [&](int c) {
        const auto* t = reinterpret_cast<const char*>(sqlite3_column_text(quarantined_, c));
        return std::string(t ? t : "");
      };
      out.push_back({sqlite3_column_int64(quarantined_, 0), sensor_id,
                     sqlite3_column_int64(quarantined_, 1),
                     static_cast<int32_t>(sqlite3_column_int64(quarantined_, 2)), text(3),
                     sqlite3_column_int64(quarantined_, 4), text(5)});
    }
    sqlite3_reset(quarantined_);
    if (rc != SQLITE_DONE) return SqliteError(reader_.raw(), rc, "quarantined");
    return out;
  }

  Result<std::vector<ports::Reading>> Range(int64_t sensor_id, int64_t from, int64_t to,
                                            int64_t limit) override {
    MutexLock lock(read_mutex_);
    sqlite3_bind_int64(range_, 1, sensor_id);
    sqlite3_bind_int64(range_, 2, from);
    sqlite3_bind_int64(range_, 3, to);
    sqlite3_bind_int64(range_, 4, limit);
    std::vector<ports::Reading> out;
    int rc;
    while ((rc = sqlite3_step(range_)) == SQLITE_ROW) {
      out.push_back({sensor_id, sqlite3_column_int64(range_, 0),
                     static_cast<int32_t>(sqlite3_column_int64(range_, 1))});
    }
    sqlite3_reset(range_);
    if (rc != SQLITE_DONE) return SqliteError(reader_.raw(), rc, "range");
    return out;
  }

  // In process, a prepared lookup per code costs about what one statement for all would.
  Result<std::vector<std::optional<ports::SensorInfo>>> FindSensors(
      std::span<const std::string> codes) override {
    MutexLock lock(read_mutex_);
    std::vector<std::optional<ports::SensorInfo>> out;
    out.reserve(codes.size());
    for (const std::string& code : codes) {
      sqlite3_bind_text(find_, 1, code.data(), static_cast<int>(code.size()), SQLITE_STATIC);
      int rc = sqlite3_step(find_);
      if (rc == SQLITE_ROW) {
        out.push_back(ports::SensorInfo{
            sqlite3_column_int64(find_, 0), sqlite3_column_int64(find_, 1),
            sqlite3_column_int64(find_, 2), sqlite3_column_int64(find_, 3)});
      } else {
        out.push_back(std::nullopt);
      }
      sqlite3_reset(find_);
      sqlite3_clear_bindings(find_);  // `code` is bound without a copy
      if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        return SqliteError(reader_.raw(), rc, "find sensor");
      }
    }
    return out;
  }

 private:
  // GroupCommit's commit: the group in one transaction, each batch counted as if alone.
  Status CommitGroup(std::span<PendingBatch* const> group) {
    MutexLock lock(write_mutex_);
    if (auto s = writer_.Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
    Status s = OkStatus();
    for (size_t b = 0; s.ok() && b < group.size(); ++b) s = InsertBatch(*group[b]);
    if (s.ok()) s = MarkDirty(group);
    if (s.ok()) s = writer_.Exec("COMMIT");
    if (!s.ok()) (void)writer_.Exec("ROLLBACK");  // fails harmlessly when COMMIT already ended it
    return s;
  }

  // Inside the group's transaction: one batch's readings (conflicts kept) and its quarantine.
  Status InsertBatch(PendingBatch& b) REQUIRES(write_mutex_) {
    const std::span<const ports::Reading> batch = b.readings;
    ports::InsertCounts& counts = b.counts;
    Status s = OkStatus();
    for (size_t i = 0; s.ok() && i < batch.size();) {
      size_t n = batch.size() - i >= kChunk ? kChunk : 1;
      s = Step(n == 1 ? insert_one_ : insert_chunk_, batch.subspan(i, n), counts.inserted);
      i += n;
    }
    if (s.ok() && counts.inserted < static_cast<int64_t>(batch.size())) {
      s = KeepConflicts(batch, *b.source, counts.conflicting);
    }
    if (s.ok()) s = KeepQuarantined(b.quarantine, *b.source, counts.quarantined);
    counts.duplicate = static_cast<int64_t>(batch.size()) - counts.inserted - counts.conflicting;
    return s;
  }

  // Marks every distinct (sensor, local day) of the group dirty, inside its transaction.
  Status MarkDirty(std::span<PendingBatch* const> group) REQUIRES(write_mutex_) {
    group_readings_.clear();
    for (const PendingBatch* b : group) group_readings_.push_back(b->readings);
    DistinctSensorDays(group_readings_, marks_);
    size_t done = 0;
    for (size_t i = kMarkSizes; i-- > 0;) {
      const size_t n = size_t{1} << i;
      while (marks_.size() - done >= n) {
        sqlite3_stmt* stmt = mark_[i];
        int p = 1;
        for (size_t k = done; k < done + n; ++k) {
          sqlite3_bind_int64(stmt, p++, marks_[k].first);
          std::string day = ports::DayText(marks_[k].second);
          sqlite3_bind_text(stmt, p++, day.data(), static_cast<int>(day.size()), SQLITE_TRANSIENT);
        }
        int rc = sqlite3_step(stmt);
        sqlite3_reset(stmt);
        if (rc != SQLITE_DONE) return SqliteError(writer_.raw(), rc, "mark dirty days");
        done += n;
      }
    }
    return OkStatus();
  }

  // Inside the batch's transaction, after its inserts: every reading whose stored value is not
  // its own lost to an earlier one (stored before, or earlier in the batch) and is kept.
  Status KeepConflicts(std::span<const ports::Reading> batch, const ports::InsertSource& source,
                       int64_t& conflicting) REQUIRES(write_mutex_) {
    for (const ports::Reading& r : batch) {
      sqlite3_bind_int64(stored_value_, 1, r.sensor_id);
      sqlite3_bind_int64(stored_value_, 2, r.ts);
      int rc = sqlite3_step(stored_value_);
      int64_t stored = rc == SQLITE_ROW ? sqlite3_column_int64(stored_value_, 0) : r.centi;
      sqlite3_reset(stored_value_);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        return SqliteError(writer_.raw(), rc, "stored value");
      }
      if (stored == r.centi) continue;
      ++conflicting;
      sqlite3_bind_int64(keep_conflict_, 1, r.sensor_id);
      sqlite3_bind_int64(keep_conflict_, 2, r.ts);
      sqlite3_bind_int64(keep_conflict_, 3, stored);
      sqlite3_bind_int(keep_conflict_, 4, r.centi);
      sqlite3_bind_int64(keep_conflict_, 5, source.received_at);
      sqlite3_bind_text(keep_conflict_, 6, source.channel.data(),
                        static_cast<int>(source.channel.size()), SQLITE_TRANSIENT);
      rc = sqlite3_step(keep_conflict_);
      sqlite3_reset(keep_conflict_);
      if (rc != SQLITE_DONE) return SqliteError(writer_.raw(), rc, "keep conflict");
    }
    return OkStatus();
  }

  // Inside the batch's transaction: keeps each quarantined reading once per (sensor, ts); adds
  // the rows newly kept.
  Status KeepQuarantined(std::span<const ports::QuarantinedReading> rows,
                         const ports::InsertSource& source, int64_t& kept)
      REQUIRES(write_mutex_) {
    sqlite3_stmt* stmt = keep_quarantined_;
    for (const ports::QuarantinedReading& q : rows) {
      sqlite3_bind_int64(stmt, 1, q.sensor_id);
      sqlite3_bind_int64(stmt, 2, q.ts);
      sqlite3_bind_int(stmt, 3, q.centi);
      sqlite3_bind_text(stmt, 4, q.reason.data(), static_cast<int>(q.reason.size()),
                        SQLITE_TRANSIENT);
      sqlite3_bind_int64(stmt, 5, source.received_at);
      sqlite3_bind_text(stmt, 6, source.channel.data(), static_cast<int>(source.channel.size()),
                        SQLITE_TRANSIENT);
      int rc = sqlite3_step(stmt);
      sqlite3_reset(stmt);
      if (rc != SQLITE_DONE) return SqliteError(writer_.raw(), rc, "keep quarantined");
      kept += sqlite3_changes64(writer_.raw());
    }
    return OkStatus();
  }

  // Runs `stmt` (rows.size() rows of 3 parameters) once; adds the rows it inserted.
  Status Step(sqlite3_stmt* stmt, std::span<const ports::Reading> rows, int64_t& inserted)
      REQUIRES(write_mutex_) {
    int p = 1;
    for (const ports::Reading& r : rows) {
      sqlite3_bind_int64(stmt, p++, r.sensor_id);
      sqlite3_bind_int64(stmt, p++, r.ts);
      sqlite3_bind_int(stmt, p++, r.centi);
    }
    int rc = sqlite3_step(stmt);
    sqlite3_reset(stmt);
    if (rc != SQLITE_DONE) return SqliteError(writer_.raw(), rc, "insert");
    inserted += sqlite3_changes64(writer_.raw());
    return OkStatus();
  }

  Mutex write_mutex_;
  Db writer_ GUARDED_BY(write_mutex_);
  sqlite3_stmt* insert_chunk_ GUARDED_BY(write_mutex_) = nullptr;
  sqlite3_stmt* insert_one_ GUARDED_BY(write_mutex_) = nullptr;
  sqlite3_stmt* stored_value_ GUARDED_BY(write_mutex_) = nullptr;
  sqlite3_stmt* keep_conflict_ GUARDED_BY(write_mutex_) = nullptr;
  sqlite3_stmt* keep_quarantined_ GUARDED_BY(write_mutex_) = nullptr;
  std::array<sqlite3_stmt*, kMarkSizes> mark_ GUARDED_BY(write_mutex_) = {};
  std::vector<std::pair<int64_t, int64_t>> marks_ GUARDED_BY(write_mutex_);  // reused
  std::vector<std::span<const ports::Reading>> group_readings_ GUARDED_BY(write_mutex_);
  // Declared after what CommitGroup uses: destroyed first.
  GroupCommit group_{[this](std::span<PendingBatch* const> g) { return CommitGroup(g); }};
  Mutex read_mutex_;
  Db reader_ GUARDED_BY(read_mutex_);
  sqlite3_stmt* find_ GUARDED_BY(read_mutex_) = nullptr;
  sqlite3_stmt* range_ GUARDED_BY(read_mutex_) = nullptr;
  sqlite3_stmt* conflicts_ GUARDED_BY(read_mutex_) = nullptr;
  sqlite3_stmt* quarantined_ GUARDED_BY(read_mutex_) = nullptr;
};

}  // namespace

Result<std::unique_ptr<ports::ReadingStore>> OpenSqliteReadingStore(const std::string& path) {
  if (!std::filesystem::exists(path)) return Error::NotFound("no database at " + path, "db");
  auto store = std::make_unique<SqliteReadingStore>();
  if (auto s = store->Open(path); !s.ok()) return s.error();
  return std::unique_ptr<ports::ReadingStore>(std::move(store));
}

}  // namespace hearth::adapters::storage
