// hearth calendar import FILE [--replace] [--db URL] | hearth calendar years [--db URL]
// The import validates the file as POST /api/v1/calendar/imports does (every problem listed)
// and is audited as "cli:<os user>".
#include <fstream>
#include <iostream>
#include <sstream>

#include "adapters/json/calendar_import_json.hpp"
#include "adapters/json/calendar_json.hpp"
#include "app/cli/commands.hpp"
#include "app/cli/environment.hpp"
#include "app/runtime/runtime.hpp"

namespace hearth::app::cli {
namespace {

struct ImportFlags {
  std::string file;
  std::string db = DefaultDbPath();
  bool db_given = false;
  bool replace = false;
};

int RunImport(const ImportFlags& f) {
  std::ifstream in(f.file, std::ios::binary);
  if (!in) return Fail(Error::InvalidArgument("cannot read " + f.file, "FILE"));
  std::ostringstream text;
  text << in.rdbuf();
  NoteDefaultDb(f.db_given, f.db);
  auto store = adapters::storage::SqlStore::Open(f.db, true);
  if (!store.ok()) return Fail(store.error());
  services::CalendarService calendar(adapters::json::EmbeddedCalendarFile(), store->get());
  auto imported = calendar.Import(text.str(), adapters::json::DecodeCalendarImport, f.file,
                                  f.replace, CliActor());
  if (!imported.ok()) {
    Error e = imported.error();
    e.message = f.file + ": " + e.message;
    return Fail(e);
  }
  std::cout << "imported " << f.file << " as import #" << imported->id << " into " << f.db
            << ": years";
  for (const auto& y : imported->years) std::cout << " " << y.year;
  std::cout << (f.replace ? " (replacing those years)" : " (merged by date)") << "\n";
  return 0;
}

int RunYears(const std::string& db, bool db_given) {
  NoteDefaultDb(db_given, db);
  auto opened =
      runtime::Runtime::Open({db, DefaultPolicyDir().string(), runtime::DbMode::kIfPresent});
  if (!opened.ok()) return Fail(opened.error());
  runtime::Runtime& rt = **opened;
  auto cal = rt.calendar.Current();
  std::cout << "years loaded:";
  for (int y : cal->years()) std::cout << " " << y;
  std::cout << "\n";
  auto imports = rt.calendar.Imports();
  if (!imports.ok()) return Fail(imports.error());
  for (const auto& imp : *imports) {
    std::cout << "import #" << imp.id << " at " << imp.imported_at << ": years";
    for (const auto& y : imp.years) std::cout << " " << y.year;
    std::cout << (imp.replace ? " (replacing)" : " (merged)") << " from " << imp.source << "\n";
  }
  auto missing = rt.calendar.MissingYears(
      std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()));
  for (int y : missing) {
    std::cout << "warning: the calendar lacks " << y
              << "; deadlines in it follow Mon–Fri and are marked calendar_incomplete\n";
  }
  return 0;
}

}  // namespace

void AddCalendarCommands(CLI::App& app, int* exit_code) {
  auto* cal = app.add_subcommand("calendar", "China's working-day calendar (R-CAL-1)");
  cal->require_subcommand(1);

  auto flags = std::make_shared<ImportFlags>();
  auto* imp = cal->add_subcommand("import",
                                  "Load holiday years (same JSON shape as the shipped "
                                  "data/calendar/cn-holidays.json); every problem is listed");
  imp->add_option("FILE", flags->file, "The calendar JSON file")->required();
  auto* imp_db = imp->add_option("--db", flags->db,
                                 "Database to import into: a SQLite file or a postgresql:// URL");
  imp->add_flag("--replace", flags->replace,
                "Replace the given years wholly instead of merging by date");
  imp->callback([flags, imp_db, exit_code] {
    flags->db_given = imp_db->count() > 0;
    *exit_code = RunImport(*flags);
  });

  auto db = std::make_shared<std::string>(DefaultDbPath());
  auto* years = cal->add_subcommand(
      "years", "List the loaded years and the imports, and warn about missing years");
  auto* years_db = years->add_option("--db", *db, "Database with imported years");
  years->callback([db, years_db, exit_code] { *exit_code = RunYears(*db, years_db->count() > 0); });
}

}  // namespace hearth::app::cli
