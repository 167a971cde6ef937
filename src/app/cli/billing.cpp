// hearth billing run --season YEAR --company CODE [--due-on DAY] [--db URL]: issues the company's
// season bills (R-BILL-1), as POST /api/v1/billing-runs does, and prints the run's counts.
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/cli/commands.hpp"
#include "app/cli/environment.hpp"
#include "app/runtime/runtime.hpp"

namespace hearth::app::cli {
namespace {

struct BillingFlags {
  std::string db = DefaultDbPath();
  std::string policies = DefaultPolicyDir().string();
  int season = 0;
  std::string company;
  std::string due_on;  ///< empty: the season's first day
};

int RunBilling(const BillingFlags& f) {
  services::BillingRunRequest request;
  request.season = f.season;
  if (!f.due_on.empty()) {
    auto due = ParseDate(f.due_on);
    if (!due.ok()) {
      return Fail(Error::InvalidArgument("--due-on must be a day, YYYY-MM-DD", "due-on"));
    }
    request.due_on = *due;
  }
  auto opened = runtime::Runtime::Open({f.db, f.policies, runtime::DbMode::kIfPresent});
  if (!opened.ok()) return Fail(opened.error());
  runtime::Runtime& rt = **opened;
  if (!rt.db) {
    return Fail(Error::InvalidArgument("no database at '" + f.db + "' (--db)", "db"));
  }
  auto company = CompanyByCode(rt.db->records, f.company);
  if (!company.ok()) return Fail(company.error());
  request.company_id = *company;
  auto run = rt.db->billing.Run(request, {CliActor(), rules::Role::kAdmin, {}});
  if (!run.ok()) return Fail(run.error());
  nlohmann::ordered_json out{{"run", run->id},
                             {"company", f.company},
                             {"season", run->season},
                             {"due_on", FormatDate(run->due_on)},
                             {"issued", run->issued},
                             {"already_billed", run->already_billed},
                             {"not_heated", run->not_heated},
                             {"meter_by_area", run->meter_by_area},
                             {"offsets_fen", run->offsets_fen},
                             {"total_fen", run->total_fen}};
  std::cout << out.dump() << "\n";
  return 0;
}

}  // namespace

void AddBillingCommands(CLI::App& app, int* exit_code) {
  auto* group = app.add_subcommand("billing", "Season bills (R-BILL-1)");
  group->require_subcommand(1);
  auto f = std::make_shared<BillingFlags>();
  auto* run = group->add_subcommand(
      "run",
      "Bill every heated household of a company without a fee for the season; running "
      "it again bills only those left");
  run->add_option("--season", f->season, "The year the season starts (2026: 2026-2027)")
      ->required()
      ->check(CLI::Range(2000, 2200));
  run->add_option("--company", f->company, "The company (its code)")->required();
  run->add_option("--due-on", f->due_on, "When the fee is due (default: the season's first day)");
  auto* db = run->add_option("--db", f->db, "Database: a SQLite file or a postgresql:// URL");
  run->add_option("--policies", f->policies, "Directory of policy profiles");
  run->callback([f, db, exit_code] {
    NoteDefaultDb(db->count() > 0, f->db);
    *exit_code = RunBilling(*f);
  });
}

}  // namespace hearth::app::cli
