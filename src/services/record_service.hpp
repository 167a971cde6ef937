// Writing records through the record API, checked (issue 11, "Records that are not checked"),
// and finding a caller among the households ("Operators' daily views").
//
// Create and Update run, in one RecordStore::Transact:
//   1. the pure checks of rules/record_checks.hpp on the record as it will be stored (for an
//      update: the stored record with the changes applied, so no change leaves it invalid);
//   2. the store's write (types, unique keys, references, scope, same company, audit);
//   3. the checks that need other records, on the written record:
//      - payments: a fee_id is a fee of the payment's own household (invalid_argument, fee_id);
//        the payments against one fee add up to at most the fee (invalid_argument, amount);
//      - fees: a changed amount is not below what was paid against the fee (invalid_argument,
//        amount);
//      - buildings: the building's district is licensed to its company (a licensed_districts
//        record, Z 3.4, R-REG-1: a company's works stay inside its licensed service area), on
//        create and on an update that changes district_id or company_id (permission_denied,
//        district_id). An update of other fields of a building left outside a licence later
//        withdrawn is not refused. season_announcements likewise (R-SEASON-1: a company
//        announces the seasons of the districts it is licensed in);
//   A failed check rolls the write back: nothing is half-written, nothing is audited.
//
// Contract versions (R-ACCT-1; services/contract_versions.hpp): an update that changes a
// household's agreed temperature, billing basis or contract keeps the terms it replaces, with
// the clock's local day of the change as their last day, in the same transaction.
//
// Billed evidence is kept as billed (R-BILL-1, R-METER-1; given the bill store): a fee issued by
// a billing run (it has a bill) and the meter reading of a household's billed season can be
// neither changed nor deleted (failed_precondition): the bill's lines were computed from them,
// and a bill never changes once issued. A fee becomes billed only when the run creates it, and a
// reading is billed once its season's bill is issued; an update or delete racing the run that
// bills that very season is not guarded beyond this check.
//
// Decision (issue 11): a payment against a fee may not exceed what is still owed on it: the
// payments recorded against one fee never add up to more than the fee's amount. Money paid beyond
// a fee (an advance, a deposit) is a payment without fee_id. Refunds are not payments: they are
// the refund ledger's (ports/refund_ledger.hpp).
//
// Thread-safe (the store is; the service keeps nothing).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/result.hpp"
#include "model/resources.hpp"
#include "ports/bill_store.hpp"
#include "ports/clock.hpp"
#include "ports/record_store.hpp"
#include "services/auth_service.hpp"

namespace hearth::services {

/// GET /api/v1/households/search: the text and the page.
struct HouseholdSearchRequest {
  std::string q;                 ///< terms separated by spaces; 2–100 characters in all
  std::optional<int64_t> after;  ///< the cursor of the page before
  int limit = 50;                ///< 1..1000
};

class RecordService {
 public:
  /// `store`, `clock` and `bills` (optional: without it nothing is kept as billed) must outlive
  /// the service.
  RecordService(ports::RecordStore& store, const ports::Clock& clock,
                ports::BillStore* bills = nullptr)
      : store_(store), clock_(clock), bills_(bills) {}

  /// RecordStore::Create with the checks above. Errors: the store's, and invalid_argument or
  /// permission_denied naming the field at fault.
  Result<ports::Record> Create(const model::Resource& r, const ports::Fields& fields,
                               const ports::Scope& scope, const std::string& actor);
  /// RecordStore::Update with the checks above, on the stored record merged with `changes`.
  Result<ports::Record> Update(const model::Resource& r, int64_t id, const ports::Fields& changes,
                               const ports::Scope& scope, const std::string& actor);
  /// RecordStore::Delete, refusing billed evidence (above).
  Status Delete(const model::Resource& r, int64_t id, const ports::Scope& scope,
                const std::string& actor);

  /// Finds callers: the households `p` may see whose code, address, building community or
  /// building address holds every space-separated term of `req.q` (ASCII case ignored), masked
  /// for `p` as the record API masks them (MaskRecord).
  ///
  /// Decision (W 12.1): the phone number is searched only for roles that see it in full (admin,
  /// manager, agent, technician). A role that sees it masked (regulator) searches codes and
  /// addresses only: a search by phone digits would reveal the number the mask hides (each
  /// answered query tells whether the digits are in it). A household has no one to look up:
  /// permission_denied. Errors: invalid_argument (field "q") for a text shorter than 2 or longer
  /// than 100 characters (UTF-8), with a control character, or with more than 8 terms.
  Result<ports::Page> SearchHouseholds(const Principal& p, const HouseholdSearchRequest& req);

 private:
  /// failed_precondition when `record` (of `r`, as stored) is billed evidence (above).
  Status CheckNotBilled(const model::Resource& r, const ports::Record& record) const;

  ports::RecordStore& store_;
  const ports::Clock& clock_;
  ports::BillStore* bills_;
};

}  // namespace hearth::services
