// hearth migrate | hearth backup FILE | hearth prune-readings --keep-months N
#include <iostream>

#include "adapters/clock/system_clock.hpp"
#include "adapters/storage/migrations.hpp"
#include "adapters/storage/reading_partitions.hpp"
#include "app/cli/commands.hpp"
#include "app/cli/environment.hpp"
#include "app/runtime/runtime.hpp"

namespace hearth::app::cli {

namespace {

// hearth prune-readings --keep-months N [--dry-run]: the retention of readings on PostgreSQL.
void AddPruneReadings(CLI::App& app, const std::shared_ptr<std::string>& db, int* exit_code) {
  auto keep = std::make_shared<int>(0);
  auto dry_run = std::make_shared<bool>(false);
  auto* prune = app.add_subcommand(
      "prune-readings",
      "Drop the readings of whole months past a retention period (PostgreSQL's monthly "
      "partitions); judged days, refunds and bills stay");
  prune
      ->add_option("--keep-months", *keep,
                   "Months kept, this month included (at least " +
                       std::to_string(adapters::storage::kMinReadingMonthsKept) + ")")
      ->required()
      ->check(CLI::Range(adapters::storage::kMinReadingMonthsKept, 1200));
  prune->add_flag("--dry-run", *dry_run, "Name the months that would be dropped; drop nothing");
  auto* prune_db = prune->add_option("--db", *db, "Database: a postgresql:// URL");
  prune->callback([db, prune_db, keep, dry_run, exit_code] {
    NoteDefaultDb(prune_db->count() > 0, *db);
    auto conn = adapters::storage::Connect(*db, false);
    if (!conn.ok()) {
      *exit_code = Fail(conn.error());
      return;
    }
    if (auto s = adapters::storage::Migrate(**conn); !s.ok()) {
      *exit_code = Fail(s.error());
      return;
    }
    const Date first =
        adapters::storage::FirstMonthKept(LocalDate(adapters::clock::SystemClock().Now()), *keep);
    auto dropped = adapters::storage::PruneReadingMonths(**conn, first, *dry_run, CliActor());
    if (!dropped.ok()) {
      *exit_code = Fail(dropped.error());
      return;
    }
    std::cout << (*dry_run ? "would drop" : "dropped") << " " << dropped->size()
              << " month(s) of readings before " << FormatDate(first).substr(0, 7);
    for (const std::string& name : *dropped)
      std::cout << (&name == &dropped->front() ? ": " : ", ") << name;
    std::cout << "\n";
    *exit_code = 0;
  });
}

}  // namespace

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

  AddPruneReadings(app, db, exit_code);
}

}  // namespace hearth::app::cli
