// Port: the records of model/resources.hpp, stored and read generically.
//
// Every change is written to the audit log in the same transaction as the change itself (who,
// when, what, before and after: W 12.1). Reads and writes take a Scope: a record outside the
// caller's company or household is reported as not_found, never as forbidden, so ids of others
// are not revealed.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "core/result.hpp"
#include "model/resources.hpp"

namespace hearth::ports {

/// A stored value: null, an integer (also bools, refs, ×100 / ×10 decimals) or text.
using FieldValue = std::variant<std::nullptr_t, int64_t, std::string>;
using Fields = std::map<std::string, FieldValue>;

struct Record {
  int64_t id = 0;
  Fields fields;

  /// The field's integer, or nullopt when it is absent, null or text.
  std::optional<int64_t> Int(const std::string& name) const {
    auto it = fields.find(name);
    if (it == fields.end()) return std::nullopt;
    if (const auto* i = std::get_if<int64_t>(&it->second)) return *i;
    return std::nullopt;
  }
  /// The field's text, or "" when it is absent, null or an integer.
  std::string Text(const std::string& name) const {
    auto it = fields.find(name);
    if (it == fields.end()) return {};
    if (const auto* t = std::get_if<std::string>(&it->second)) return *t;
    return {};
  }
};

struct Page {
  std::vector<Record> items;
  std::optional<int64_t> next_cursor;  ///< pass as `after` for the next page
};

/// Whose records the caller may see. Empty: everything (admin, regulator, the CLI).
struct Scope {
  std::optional<int64_t> company_id;
  std::optional<int64_t> household_id;
};

/// An integer field from `first` to `last`, both included.
struct FieldRange {
  std::string field;
  int64_t first = 0, last = 0;
};

struct ListQuery {
  Fields equals;                ///< filters on filterable fields
  std::optional<FieldRange> range;  ///< e.g. the fees of a page of households
  std::optional<int64_t> after; ///< cursor: ids greater than this
  int limit = 50;               ///< 1..1000
  Scope scope;
};

/// A search of households by text ("find a caller"): each term must occur, as a substring, in
/// one of the household's code, its address, its building's community or address, or (when
/// `phone` is set) its phone number. ASCII letters match in either case; '%', '_' and '\' in a
/// term are plain characters. Paged by id like ListQuery.
struct HouseholdSearch {
  std::vector<std::string> terms;  ///< at least one; none empty
  bool phone = false;              ///< also match the phone number
  std::optional<int64_t> after;    ///< cursor: ids greater than this
  int limit = 50;                  ///< 1..1000
  Scope scope;
};

/// One change: `resource` names what changed (a record resource, or "weather", "measurements",
/// "refunds", "calendar", "users"), before/after are JSON objects ("" when absent).
struct AuditEntry {
  int64_t id = 0;
  std::string at, actor, action, resource;
  std::optional<int64_t> record_id;
  std::string before_json, after_json;  ///< "" when absent
};

/// R-TEMP-2: heat-usage rates, derived from the households' heating status and area (never typed
/// in). A rate is heated area / total area among the households of a heating partition or of a
/// community (buildings' `community`, within one company).
enum class UsageGrouping { kPartition, kCommunity };

struct UsageRateRow {
  int64_t company_id = 0;
  std::string community;
  int64_t partition_id = 0;   ///< by partition only (0 by community)
  int64_t building_id = 0;    ///< by partition only
  std::string partition_code; ///< by partition only
  int64_t heated_centi = 0;   ///< m² × 100 of households whose status is heated
  int64_t total_centi = 0;    ///< m² × 100 of all its households
  int64_t households = 0, heated_households = 0;
};

/// The reads and writes of one RecordStore::Transact call, all in its one transaction; the same
/// contract as RecordStore's methods of the same names. Valid only during that call; not
/// thread-safe.
class RecordTransaction {
 public:
  virtual ~RecordTransaction() = default;
  virtual Result<Record> Create(const model::Resource& r, const Fields& fields,
                                const Scope& scope, const std::string& actor) = 0;
  /// Creates each of `rows` (records of `r`) as Create would one after the other, with the same
  /// checks, audit entries and errors, but in a few statements for all of them (bulk writes: the
  /// demo city). The records come back in the order of `rows`, their ids ascending in that
  /// order. An error does not say which row failed; the transaction can then only roll back.
  virtual Result<std::vector<Record>> CreateMany(const model::Resource& r,
                                                 std::span<const Fields> rows, const Scope& scope,
                                                 const std::string& actor) = 0;
  virtual Result<Record> Get(const model::Resource& r, int64_t id, const Scope& scope) = 0;
  virtual Result<Page> List(const model::Resource& r, const ListQuery& query) = 0;
  virtual Result<Record> Update(const model::Resource& r, int64_t id, const Fields& changes,
                                const Scope& scope, const std::string& actor) = 0;
  virtual Status Delete(const model::Resource& r, int64_t id, const Scope& scope,
                        const std::string& actor) = 0;
};

/// Thread-safe.
class RecordStore {
 public:
  virtual ~RecordStore() = default;

  /// Inserts; `already_exists` (409) when a natural key is taken or a reference is dangling;
  /// `permission_denied` when the new record would fall outside `scope`.
  virtual Result<Record> Create(const model::Resource& r, const Fields& fields,
                                const Scope& scope, const std::string& actor) = 0;
  virtual Result<Record> Get(const model::Resource& r, int64_t id, const Scope& scope) = 0;
  virtual Result<Page> List(const model::Resource& r, const ListQuery& query) = 0;
  /// Changes the given fields; returns the record after the change. `permission_denied` when
  /// the change would move the record outside `scope`.
  virtual Result<Record> Update(const model::Resource& r, int64_t id, const Fields& changes,
                                const Scope& scope, const std::string& actor) = 0;
  /// `already_exists` (409) when other records still refer to it.
  virtual Status Delete(const model::Resource& r, int64_t id, const Scope& scope,
                        const std::string& actor) = 0;
  /// Newest first; `after` is a cursor on ids (entries older than it).
  virtual Result<std::vector<AuditEntry>> Audit(std::optional<int64_t> before, int limit) = 0;
  /// Appends an entry for a change that is not a record's (a refund run, a user's password):
  /// its id is assigned, an empty `at` is now. Stores that keep other things in the same
  /// database write their entries in the change's own transaction instead (see the ports).
  virtual Status AppendAudit(const AuditEntry& entry) = 0;

  /// Usage rates of every partition or community with households, within `scope`'s company
  /// (a household scope is not allowed: failed_precondition). Ordered by company, community,
  /// then partition id.
  virtual Result<std::vector<UsageRateRow>> UsageRates(UsageGrouping by, const Scope& scope) = 0;

  /// The households within `query.scope` that match every term, in id order; invalid_argument
  /// (field "q") when there is no term or an empty one.
  virtual Result<Page> SearchHouseholds(const HouseholdSearch& query) = 0;

  /// Runs `fn` in one transaction, for many records at once (imports, the demo city): commits
  /// everything it wrote, with its audit entries, when it returns ok; writes nothing when it
  /// returns an error, which Transact returns. Once a write on the transaction has failed, or a
  /// read for another reason than not_found or invalid_argument, the transaction can only roll
  /// back (PostgreSQL aborts it at a failed statement): if `fn` still returns ok, Transact rolls
  /// back and returns that first error. Other callers of the store wait until it ends, so `fn`
  /// must use only its RecordTransaction, never the store itself (that would deadlock). An
  /// exception thrown by `fn` rolls back and propagates.
  virtual Status Transact(const std::function<Status(RecordTransaction&)>& fn) = 0;
};

}  // namespace hearth::ports
