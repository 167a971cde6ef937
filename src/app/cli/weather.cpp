// hearth weather import --db … FILE.csv: outdoor daily means (R-TEMP-1), as POST
// /api/v1/weather/daily takes them.
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "adapters/csv/weather_csv.hpp"
#include "app/cli/commands.hpp"
#include "app/cli/environment.hpp"
#include "app/runtime/runtime.hpp"

namespace hearth::app::cli {
namespace {

struct WeatherFlags {
  std::string file;
  std::string db = DefaultDbPath();
};

int RunWeatherImport(const WeatherFlags& f) {
  std::ifstream in(f.file, std::ios::binary);
  if (!in) return Fail(Error::InvalidArgument("cannot read " + f.file, "FILE"));
  std::ostringstream text;
  text << in.rdbuf();
  auto means = adapters::csv::ParseWeatherCsv(text.str());
  if (!means.ok()) return Fail(Error::InvalidArgument(f.file + ": " + means.error().message));
  auto opened =
      runtime::Runtime::Open({f.db, DefaultPolicyDir().string(), runtime::DbMode::kRequired});
  if (!opened.ok()) return Fail(opened.error());
  runtime::Runtime& rt = **opened;
  auto out = rt.db->weather.Record(*means, services::WeatherAuthority::kOfficial, CliActor());
  if (!out.ok()) return Fail(Error::InvalidArgument(f.file + ": " + out.error().message));
  std::set<int64_t> districts;
  for (const auto& m : *means) districts.insert(m.district_id);
  std::cout << "imported " << means->size() << " outdoor daily means for " << districts.size()
            << (districts.size() == 1 ? " district" : " districts") << " into " << f.db << "\n";
  return 0;
}

}  // namespace

void AddWeatherCommands(CLI::App& app, int* exit_code) {
  auto* weather = app.add_subcommand("weather", "Outdoor daily means per district (R-TEMP-1)");
  weather->require_subcommand(1);
  auto flags = std::make_shared<WeatherFlags>();
  auto* imp = weather->add_subcommand(
      "import",
      "Load outdoor daily means from a CSV file: district_id,date,mean (°C); all or "
      "nothing, a day given again is replaced");
  imp->add_option("FILE", flags->file, "The CSV file")->required();
  auto* db = imp->add_option("--db", flags->db, "Database: a SQLite file or a postgresql:// URL");
  imp->callback([flags, db, exit_code] {
    NoteDefaultDb(db->count() > 0, flags->db);
    *exit_code = RunWeatherImport(*flags);
  });
}

}  // namespace hearth::app::cli
