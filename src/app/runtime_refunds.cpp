// The refund ledger part of the runtime: the ledger store on a connection of its own, and the
// ledger service over it and the judging service.
#include "adapters/storage/refund_ledger_sql.hpp"
#include "app/runtime.hpp"

namespace hearth::app {

Status AddRefunds(Runtime& rt, const std::string& db_url) {
  auto conn = adapters::sql::Connect(db_url, false);  // migrated by SqlStore::Open
  if (!conn.ok()) return conn.error();
  rt.refund_ledger = std::make_unique<adapters::SqlRefundLedger>(std::move(*conn));
  rt.refunds = std::make_unique<services::RefundLedgerService>(
      *rt.refund_ledger, *rt.records, *rt.judging, *rt.deadlines, *rt.policies);
  return OkStatus();
}

}  // namespace hearth::app
