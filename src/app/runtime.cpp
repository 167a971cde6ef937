#include "app/runtime.hpp"

#include <filesystem>

namespace hearth::app {

Result<Runtime> MakeRuntime(const std::string& db_path, const std::string& policy_dir,
                            DbMode mode) {
  Runtime rt;
  if (mode == DbMode::kRequired || adapters::sql::IsPostgresUrl(db_path) ||
      std::filesystem::exists(db_path)) {
    auto store = adapters::SqlStore::Open(db_path, true);
    if (!store.ok()) return store.error();
    rt.store = std::move(*store);
    auto records = adapters::sql::Connect(db_path, false);  // migrated by SqlStore::Open
    if (!records.ok()) return records.error();
    rt.records = std::make_unique<adapters::SqlRecordStore>(std::move(*records));
    if (auto s = AddAuth(rt, db_path); !s.ok()) return s.error();
    if (auto s = AddIngest(rt, db_path); !s.ok()) return s.error();
  }
  rt.calendar = std::make_unique<services::CalendarService>(adapters::EmbeddedCalendarFile(),
                                                            rt.store.get());
  auto policies = services::PolicyRegistry::LoadDir(policy_dir);
  if (policies.ok()) {
    rt.policies = std::make_unique<services::PolicyRegistry>(std::move(*policies));
  } else if (mode == DbMode::kIfPresent && policies.error().code == ErrorCode::kNotFound) {
    rt.policies = std::make_unique<services::PolicyRegistry>();  // files still work
  } else {
    return policies.error();
  }
  rt.deadlines = std::make_unique<services::DeadlineService>(*rt.policies, *rt.calendar);
  if (rt.store) {
    if (auto s = AddMonitoring(rt, db_path); !s.ok()) return s.error();
    if (auto s = AddRefunds(rt, db_path); !s.ok()) return s.error();
  }
  return rt;
}

}  // namespace hearth::app
