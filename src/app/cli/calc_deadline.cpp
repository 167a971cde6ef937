// hearth calc deadline
#include <iostream>

#include "adapters/json/deadline_json.hpp"
#include "app/cli/commands.hpp"
#include "app/cli/environment.hpp"
#include "app/runtime/runtime.hpp"

namespace hearth::app::cli {
namespace {

struct DeadlineFlags {
  services::DeadlineQuery query;
  std::string channel;
  std::string db = DefaultDbPath();
  std::string policies = DefaultPolicyDir().string();
};

int RunDeadline(const DeadlineFlags& f) {
  services::DeadlineQuery q = f.query;
  if (!f.channel.empty()) q.channel = f.channel;
  auto opened = runtime::Runtime::Open({f.db, f.policies, runtime::DbMode::kIfPresent});
  if (!opened.ok()) return Fail(opened.error());
  runtime::Runtime& rt = **opened;
  auto outcome = rt.deadlines.Compute(q, /*allow_policy_files=*/true);
  if (!outcome.ok()) return Fail(outcome.error());
  std::cout << adapters::json::DeadlineToJson(outcome->request, outcome->answer).dump() << "\n";
  return 0;
}

}  // namespace

void AddCalcDeadlineCommand(CLI::App& calc, int* exit_code) {
  auto flags = std::make_shared<DeadlineFlags>();
  auto* dl = calc.add_subcommand("deadline", "Compute a statutory deadline (R-WO, R-REPAIR, …)");
  dl->add_option("--policy", flags->query.policy, "Profile name (weihai, zibo) or a .toml file")
      ->required();
  dl->add_option("--rule", flags->query.rule,
                 "return, reply, reply-extension, response, return-visit, leak, arrival, "
                 "outage-notice, emergency-notice, refund-payment, insurance-payout, "
                 "connection-decision, connection-application")
      ->required();
  dl->add_option("--from", flags->query.from, "RFC 3339 time, e.g. 2024-09-27T16:00:00+08:00")
      ->required();
  dl->add_option("--channel", flags->channel,
                 "city-hotline, provincial-hotline, on-receipt, internet-plus, first-question, "
                 "urgent");
  dl->add_flag("--outside-works", flags->query.outside_works,
               "connection-decision: the connection needs outside works");
  dl->add_option("--db", flags->db, "Database with imported calendar years (used if present)");
  dl->add_option("--policies", flags->policies, "Directory of named policy profiles");
  dl->callback([flags, exit_code] { *exit_code = RunDeadline(*flags); });
}

}  // namespace hearth::app::cli
