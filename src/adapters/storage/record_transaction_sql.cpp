// SqlRecordStore::Transact: many records' reads and writes in one SQL transaction (imports, the
// demo city), through a RecordTransaction that lives only during the call.
#include <exception>
#include <optional>

#include "adapters/storage/record_store_sql.hpp"

namespace hearth::adapters::storage {

using ports::Fields;
using ports::Record;

// The calls of one Transact, remembering the first failure that leaves the SQL transaction
// unusable (PostgreSQL aborts it at any failed statement) or half-done (a write that failed after
// its statement ran, e.g. outside the scope). Lives only inside Transact, which holds the store's
// mutex_ throughout: every call REQUIRES it.
class SqlRecordStore::Transaction final : public ports::RecordTransaction {
 public:
  explicit Transaction(SqlRecordStore& store) : store_(store) {}

  Result<Record> Create(const model::Resource& r, const Fields& fields, const ports::Scope& scope,
                        const std::string& actor) override REQUIRES(store_.mutex_) {
    return Write(store_.CreateLocked(r, fields, scope, actor));
  }
  Result<std::vector<Record>> CreateMany(const model::Resource& r, std::span<const Fields> rows,
                                         const ports::Scope& scope,
                                         const std::string& actor) override
      REQUIRES(store_.mutex_) {
    return Write(store_.CreateManyLocked(r, rows, scope, actor));
  }
  Result<Record> Get(const model::Resource& r, int64_t id, const ports::Scope& scope) override
      REQUIRES(store_.mutex_) {
    return Read(store_.GetLocked(r, id, scope));
  }
  Result<ports::Page> List(const model::Resource& r, const ports::ListQuery& query) override
      REQUIRES(store_.mutex_) {
    return Read(store_.ListLocked(r, query));
  }
  Result<Record> Update(const model::Resource& r, int64_t id, const Fields& changes,
                        const ports::Scope& scope, const std::string& actor) override
      REQUIRES(store_.mutex_) {
    return Write(store_.UpdateLocked(r, id, changes, scope, actor));
  }
  Status Delete(const model::Resource& r, int64_t id, const ports::Scope& scope,
                const std::string& actor) override REQUIRES(store_.mutex_) {
    return Write(store_.DeleteLocked(r, id, scope, actor));
  }

  const std::optional<Error>& failure() const { return failure_; }

 private:
  template <typename T>
  T Write(T result) {
    if (!result.ok() && !failure_) failure_ = result.error();
    return result;
  }
  // A read that found nothing or was refused before any SQL ran leaves the transaction usable.
  template <typename T>
  T Read(T result) {
    if (!result.ok() && !failure_ && result.error().code != ErrorCode::kNotFound &&
        result.error().code != ErrorCode::kInvalidArgument) {
      failure_ = result.error();
    }
    return result;
  }

  SqlRecordStore& store_;
  std::optional<Error> failure_;
};

Status SqlRecordStore::Transact(const std::function<Status(ports::RecordTransaction&)>& fn) {
  MutexLock lock(mutex_);
  Transaction tx(*this);
  std::exception_ptr thrown;
  Status s = InTransaction(*conn_, [&]() REQUIRES(mutex_) -> Status {
    Status out = OkStatus();
    try {
      out = fn(tx);
    } catch (...) {
      // A bug in `fn`: roll back, so the connection is not left inside a transaction, and rethrow.
      thrown = std::current_exception();
      return Error::Internal("exception in a transaction");
    }
    if (!out.ok()) return out;
    if (tx.failure()) return *tx.failure();
    return OkStatus();
  });
  if (thrown) std::rethrow_exception(thrown);
  return s;
}

}  // namespace hearth::adapters::storage
