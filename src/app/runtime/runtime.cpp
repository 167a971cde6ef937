#include "app/runtime/runtime.hpp"

#include <algorithm>
#include <filesystem>
#include <thread>

#include "adapters/json/calendar_json.hpp"
#include "adapters/policy/policy_loader.hpp"
#include "adapters/storage/reading_store_sql.hpp"

namespace hearth::app::runtime {
namespace {

// The schema was migrated by SqlStore::Open, before these.
Result<Connections> OpenConnections(const std::string& url) {
  Connections c;
  c.url = url;
  for (auto* conn :
       {&c.records, &c.users, &c.monitoring, &c.ledger, &c.tokens, &c.work_orders, &c.partners,
        &c.outages, &c.findings, &c.energy, &c.indicators, &c.mass_complaints, &c.licences,
        &c.insurance, &c.connections, &c.meter_disputes, &c.heating_changes, &c.bills, &c.arrears,
        &c.price_notices, &c.contracts, &c.jobs}) {
    auto opened = adapters::storage::Connect(url, false);
    if (!opened.ok()) return opened.error();
    *conn = std::move(*opened);
  }
  auto readings = adapters::storage::OpenReadingStore(url);
  if (!readings.ok()) return readings.error();
  c.readings = std::move(*readings);
  return c;
}

}  // namespace

adapters::crypto::HashingPoolOptions HashingPoolFor(unsigned cores) {
  unsigned threads = std::max(1u, cores / 4);
  return {threads, 4 * threads, 1};
}

Database::Database(Connections c, const ports::Clock& clock,
                   const services::PolicyRegistry& policies,
                   const services::DeadlineService& deadlines, services::CalendarService& calendar,
                   const adapters::crypto::Argon2Cost& password_cost)
    : url(c.url),
      watch(c.url),
      records(std::move(c.records)),
      users(std::move(c.users)),
      hasher(password_cost),
      hashing(hasher, HashingPoolFor(std::thread::hardware_concurrency())),
      auth(users, clock, hashing, tokens),
      accounts(users, auth, clock, hashing),
      readings(std::move(c.readings)),
      ingest(*readings, clock),
      monitoring(std::move(c.monitoring)),
      rollups(monitoring, records, policies),
      outage_store(std::move(c.outages)),
      finding_store(std::move(c.findings)),
      heating_change_store(std::move(c.heating_changes)),
      contract_history(std::move(c.contracts)),
      judging(monitoring, records, policies, &rollups,
              {&outage_store, &finding_store, &clock, &heating_change_store, &contract_history}),
      measurements(monitoring, records, policies, clock),
      alerts(monitoring, records, policies, judging, &rollups, clock),
      refund_ledger(std::move(c.ledger)),
      refunds(refund_ledger, records, judging, deadlines, policies, clock),
      weather(monitoring, records),
      device_token_store(std::move(c.tokens)),
      device_tokens(device_token_store, *readings, tokens, clock),
      work_order_store(std::move(c.work_orders)),
      mass_complaint_store(std::move(c.mass_complaints)),
      mass_complaints(mass_complaint_store, records, policies, clock),
      work_orders(work_order_store, records, judging, policies, calendar, clock, &mass_complaints),
      outages(outage_store, records, policies, calendar, clock),
      findings(finding_store, records, clock),
      insurance_store(std::move(c.insurance)),
      insurance(insurance_store, records, policies, calendar, clock),
      connection_store(std::move(c.connections)),
      connections(connection_store, records, policies, calendar, clock),
      bill_store(std::move(c.bills)),
      billing(bill_store, records, policies, clock, &heating_change_store, &contract_history),
      meter_dispute_store(std::move(c.meter_disputes)),
      meter_disputes(meter_dispute_store, records, clock, &billing),
      heating_changes(heating_change_store, records, judging, clock, &billing),
      arrears_store(std::move(c.arrears)),
      arrears(arrears_store, records, heating_changes, clock),
      price_notice_store(std::move(c.price_notices)),
      price_notices(price_notice_store, records, clock),
      energy_store(std::move(c.energy)),
      energy(energy_store, records, policies, clock),
      reports(work_order_store, records, policies, clock, &outage_store, &judging),
      indicator_store(std::move(c.indicators)),
      indicators(indicator_store, reports, records, clock),
      licence_store(std::move(c.licences)),
      season_duties(records, policies, clock),
      sample_plans(records, policies, clock),
      sample_plan_adoption(records, users, monitoring, clock),
      regulator(reports, records, refund_ledger, licence_store, season_duties, policies, clock),
      partner_keys(std::move(c.partners)),
      job_store(std::move(c.jobs)),
      jobs(job_store, clock) {}

Runtime::Runtime(services::PolicyRegistry loaded,
                 std::unique_ptr<adapters::storage::SqlStore> opened,
                 std::optional<Connections> connections,
                 const adapters::crypto::Argon2Cost& password_cost)
    : policies(std::move(loaded)),
      store(std::move(opened)),
      calendar(adapters::json::EmbeddedCalendarFile(), store.get()),
      deadlines(policies, calendar),
      db(connections ? std::make_unique<Database>(std::move(*connections), clock, policies,
                                                  deadlines, calendar, password_cost)
                     : nullptr) {}

Result<services::PolicyRegistry> LoadPolicies(const std::string& dir, bool missing_ok) {
  auto profiles = adapters::policy::LoadPolicyDir(dir);
  if (!profiles.ok() && !(missing_ok && profiles.error().code == ErrorCode::kNotFound)) {
    return profiles.error();
  }
  return services::PolicyRegistry(
      profiles.ok() ? std::move(*profiles) : std::map<std::string, rules::Policy>{},
      [](const std::string& path) { return adapters::policy::LoadPolicyFile(path); });
}

Result<std::unique_ptr<Runtime>> Runtime::Open(const RuntimeOptions& options) {
  std::unique_ptr<adapters::storage::SqlStore> store;
  std::optional<Connections> connections;
  if (options.mode == DbMode::kRequired || adapters::storage::IsPostgresUrl(options.db) ||
      std::filesystem::exists(options.db)) {
    auto opened = adapters::storage::SqlStore::Open(
        options.db, options.create || options.mode == DbMode::kIfPresent);
    if (!opened.ok()) return opened.error();
    store = std::move(*opened);
    auto c = OpenConnections(options.db);
    if (!c.ok()) return c.error();
    connections = std::move(*c);
  }
  auto policies = LoadPolicies(options.policy_dir, options.mode == DbMode::kIfPresent);
  if (!policies.ok()) return policies.error();
  auto rt = std::unique_ptr<Runtime>(new Runtime(std::move(*policies), std::move(store),
                                                 std::move(connections), options.password_cost));
  rt->policy_dir = options.policy_dir;
  return rt;
}

}  // namespace hearth::app::runtime
