// hearth refunds run --season YEAR [--db URL] [--company CODE]: writes the refund ledger's drafts
// for a season (R-REFUND-6), as POST /api/v1/refunds/runs does, and prints the run's summary.
#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/cli/commands.hpp"
#include "app/cli/environment.hpp"
#include "app/runtime/runtime.hpp"

namespace hearth::app::cli {
namespace {

struct RefundFlags {
  std::string db = DefaultDbPath();
  std::string policies = DefaultPolicyDir().string();
  int season = 0;
  std::string company;  ///< empty: every company
};

int RunRefunds(const RefundFlags& f) {
  auto opened = runtime::Runtime::Open({f.db, f.policies, runtime::DbMode::kIfPresent});
  if (!opened.ok()) return Fail(opened.error());
  runtime::Runtime& rt = **opened;
  if (!rt.db) {
    return Fail(Error::InvalidArgument("no database at '" + f.db + "' (--db)", "db"));
  }
  ports::Scope scope;
  if (!f.company.empty()) {
    auto company = CompanyByCode(rt.db->records, f.company);
    if (!company.ok()) return Fail(company.error());
    scope.company_id = *company;
  }
  auto summary = rt.db->refunds.Run(f.season, scope, CliActor());
  if (!summary.ok()) return Fail(summary.error());
  nlohmann::ordered_json out{{"season", summary->season_start_year},
                             {"covered_to", FormatDate(summary->covered_to)},
                             {"households", summary->households},
                             {"written", summary->written},
                             {"kept", summary->kept},
                             {"without_fee", summary->without_fee},
                             {"refund_fen", summary->refund_fen}};
  std::cout << out.dump() << "\n";
  return 0;
}

}  // namespace

void AddRefundCommands(CLI::App& app, int* exit_code) {
  auto* group = app.add_subcommand("refunds", "The refund ledger (R-REFUND-6)");
  group->require_subcommand(1);
  auto f = std::make_shared<RefundFlags>();
  auto* run = group->add_subcommand(
      "run",
      "Write one draft entry per heated household with a fee for the season; approved "
      "and paid entries are kept");
  run->add_option("--season", f->season, "The year the season starts (2025: 2025-2026)")
      ->required()
      ->check(CLI::Range(2000, 2200));
  auto* db = run->add_option("--db", f->db, "Database: a SQLite file or a postgresql:// URL");
  run->add_option("--company", f->company, "Only this company (its code)");
  run->add_option("--policies", f->policies, "Directory of policy profiles");
  run->callback([f, db, exit_code] {
    NoteDefaultDb(db->count() > 0, f->db);
    *exit_code = RunRefunds(*f);
  });
}

}  // namespace hearth::app::cli
