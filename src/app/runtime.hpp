// Builds the objects a command needs from its flags: the store, the calendar, the policies.
#pragma once

#include <memory>
#include <string>

#include "adapters/storage/sql_store.hpp"
#include "services/calendar_service.hpp"
#include "services/deadline_service.hpp"
#include "services/policy_registry.hpp"

namespace hearth::app {

struct Runtime {
  std::unique_ptr<adapters::SqlStore> store;  ///< null when no database was opened
  std::unique_ptr<services::CalendarService> calendar;
  std::unique_ptr<services::PolicyRegistry> policies;
  std::unique_ptr<services::DeadlineService> deadlines;
};

enum class DbMode {
  kRequired,     ///< open or create the database
  kIfPresent,    ///< use it when the file exists (read-only commands)
};

Result<Runtime> MakeRuntime(const std::string& db_path, const std::string& policy_dir, DbMode mode);

}  // namespace hearth::app
