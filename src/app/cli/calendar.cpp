// hearth calendar import FILE | hearth calendar years
#include <fstream>
#include <iostream>
#include <sstream>

#include "adapters/json/calendar_json.hpp"
#include "app/cli/commands.hpp"
#include "app/cli/environment.hpp"
#include "app/runtime/runtime.hpp"

namespace hearth::app::cli {
namespace {

struct ImportFlags {
  std::string file;
  std::string db = DefaultDbPath();
  bool replace = false;
};

int RunImport(const ImportFlags& f) {
  std::ifstream in(f.file, std::ios::binary);
  if (!in) return Fail(Error::InvalidArgument("cannot read " + f.file, "FILE"));
  std::ostringstream text;
  text << in.rdbuf();
  auto file = adapters::json::ParseCalendarJson(text.str());
  if (!file.ok()) return Fail(Error::InvalidArgument(f.file + ": " + file.error().message));
  if (file->source.empty()) file->source = f.file;
  auto store = adapters::storage::SqlStore::Open(f.db, true);
  if (!store.ok()) return Fail(store.error());
  services::CalendarService calendar(adapters::json::EmbeddedCalendarFile(), store->get());
  auto id = calendar.Import(*file, f.replace);
  if (!id.ok()) return Fail(Error::InvalidArgument(f.file + ": " + id.error().message));
  std::cout << "imported " << f.file << " as import #" << *id << " into " << f.db << ": years";
  for (const auto& y : file->years) std::cout << " " << y.year;
  std::cout << (f.replace ? " (replacing those years)" : " (merged by date)") << "\n";
  return 0;
}

int RunYears(const std::string& db) {
  auto opened =
      runtime::Runtime::Open({db, DefaultPolicyDir().string(), runtime::DbMode::kIfPresent});
  if (!opened.ok()) return Fail(opened.error());
  runtime::Runtime& rt = **opened;
  auto cal = rt.calendar.Current();
  std::cout << "years loaded:";
  for (int y : cal->years()) std::cout << " " << y;
  std::cout << "\n";
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
                                  "data/calendar/cn-holidays.json)");
  imp->add_option("FILE", flags->file, "The calendar JSON file")->required();
  imp->add_option("--db", flags->db,
                  "Database to import into: a SQLite file or a postgresql:// URL");
  imp->add_flag("--replace", flags->replace,
                "Replace the given years wholly instead of merging by date");
  imp->callback([flags, exit_code] { *exit_code = RunImport(*flags); });

  auto db = std::make_shared<std::string>(DefaultDbPath());
  auto* years = cal->add_subcommand("years", "List the loaded years and warn about missing ones");
  years->add_option("--db", *db, "Database with imported years");
  years->callback([db, exit_code] { *exit_code = RunYears(*db); });
}

}  // namespace hearth::app::cli
