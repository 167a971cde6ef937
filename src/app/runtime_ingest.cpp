// The readings part of the runtime: a reading store on connections of its own (ingest must not
// queue behind the record store's connection), and the ingest service over it.
#include "adapters/clock/system_clock.hpp"
#include "adapters/storage/reading_store_sql.hpp"
#include "app/runtime.hpp"

namespace hearth::app {

Status AddIngest(Runtime& rt, const std::string& db_url) {
  // The schema was migrated by SqlStore::Open, before this.
  auto store = adapters::OpenReadingStore(db_url);
  if (!store.ok()) return store.error();
  if (!rt.clock) rt.clock = std::make_unique<adapters::SystemClock>();
  rt.readings = std::move(*store);
  rt.ingest = std::make_unique<services::IngestService>(*rt.readings, *rt.clock);
  return OkStatus();
}

}  // namespace hearth::app
