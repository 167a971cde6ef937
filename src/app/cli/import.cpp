// hearth import households --company CODE FILE.csv [--db URL]
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>

#include "adapters/clock/system_clock.hpp"
#include "adapters/csv/household_import_csv.hpp"
#include "adapters/storage/record_store_sql.hpp"
#include "adapters/storage/sql_store.hpp"
#include "app/cli/commands.hpp"
#include "app/cli/environment.hpp"
#include "services/import_service.hpp"

namespace hearth::app::cli {
namespace {

struct ImportFlags {
  std::string db = DefaultDbPath();
  std::string company;
  std::string file;
};

// The whole file, or stdin for "-".
Result<std::string> ReadFile(const std::string& path) {
  if (path == "-") {
    return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  if (in) text << in.rdbuf();
  if (!in || in.bad()) return Error::InvalidArgument("cannot read '" + path + "'", "file");
  return text.str();
}

int RunImportHouseholds(const ImportFlags& f) {
  auto text = ReadFile(f.file);
  if (!text.ok()) return Fail(text.error());
  // An import needs the company's buildings: it never creates a database.
  auto store = adapters::storage::SqlStore::Open(f.db, false);  // migrates
  if (!store.ok()) return Fail(store.error());
  auto conn = adapters::storage::Connect(f.db, false);
  if (!conn.ok()) return Fail(conn.error());
  adapters::storage::SqlRecordStore records(std::move(*conn));
  adapters::clock::SystemClock clock;
  auto counts = services::ImportService(records, clock, adapters::csv::ReadHouseholdImport)
                    .ImportHouseholds(f.company, *text, {}, CliActor());
  if (!counts.ok()) {
    Error e = counts.error();
    if (e.field == "company") e.message += " (--company)";
    return Fail(e);
  }
  nlohmann::ordered_json out{
      {"created", counts->created}, {"updated", counts->updated}, {"unchanged", counts->unchanged}};
  std::cout << out.dump() << "\n";
  return 0;
}

}  // namespace

void AddImportCommands(CLI::App& app, int* exit_code) {
  auto* group = app.add_subcommand("import", "Import records from files, all or nothing");
  group->require_subcommand(1);
  auto f = std::make_shared<ImportFlags>();
  auto* households = group->add_subcommand(
      "households",
      "Create or update a company's households and their rooms from a CSV file "
      "(building,partition,code,address,area_m2,floor,orientation,billing,agreed_temp,"
      "heating_status,phone,id_number,rooms[,floor_tier])");
  households->add_option("--company", f->company, "Code of the company")->required();
  households->add_option("file", f->file, "The CSV file ('-': stdin)")->required();
  auto* db =
      households->add_option("--db", f->db, "Database: a SQLite file or a postgresql:// URL");
  households->callback([f, db, exit_code] {
    NoteDefaultDb(db->count() > 0, f->db);
    *exit_code = RunImportHouseholds(*f);
  });
}

}  // namespace hearth::app::cli
