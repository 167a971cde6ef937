// hearth migrate | hearth backup FILE
#include <iostream>

#include "adapters/storage/migrations.hpp"
#include "app/cli/commands.hpp"
#include "app/cli/environment.hpp"
#include "app/runtime/runtime.hpp"

namespace hearth::app::cli {

void AddDbCommands(CLI::App& app, int* exit_code) {
  auto db = std::make_shared<std::string>(DefaultDbPath());
  auto* migrate = app.add_subcommand("migrate", "Create or upgrade the database schema");
  auto* migrate_db =
      migrate->add_option("--db", *db, "Database: a SQLite file or a postgresql:// URL");
  migrate->callback([db, migrate_db, exit_code] {
    NoteDefaultDb(migrate_db->count() > 0, *db);
    auto store = adapters::storage::SqlStore::Open(*db, true);
    if (!store.ok()) {
      *exit_code = Fail(store.error());
      return;
    }
    std::cout << *db << ": schema version " << adapters::storage::LatestSchemaVersion() << "\n";
    *exit_code = 0;
  });

  auto target = std::make_shared<std::string>();
  auto* backup = app.add_subcommand("backup", "Copy the database consistently, even while serving");
  backup->add_option("FILE", *target, "Where to write the copy")->required();
  auto* backup_db =
      backup->add_option("--db", *db, "Database: a SQLite file or a postgresql:// URL");
  backup->callback([db, backup_db, target, exit_code] {
    NoteDefaultDb(backup_db->count() > 0, *db);
    auto store = adapters::storage::SqlStore::Open(*db, false);
    if (!store.ok()) {
      *exit_code = Fail(store.error());
      return;
    }
    if (auto s = (*store)->Backup(*target); !s.ok()) {
      *exit_code = Fail(s.error());
      return;
    }
    std::cout << "backed up " << *db << " to " << *target << "\n";
    *exit_code = 0;
  });
}

}  // namespace hearth::app::cli
