// hearth user add --username U (--password P | --password-stdin) --role R [--company CODE]
//                 [--household ID] [--db URL]
#include <iostream>

#include "adapters/clock/system_clock.hpp"
#include "adapters/crypto/password_hash.hpp"
#include "adapters/crypto/tokens.hpp"
#include "adapters/storage/record_store_sql.hpp"
#include "adapters/storage/sql_store.hpp"
#include "adapters/storage/user_store_sql.hpp"
#include "app/cli/commands.hpp"
#include "app/cli/environment.hpp"
#include "services/auth_service.hpp"

namespace hearth::app::cli {
namespace {

struct UserAddFlags {
  std::string db = DefaultDbPath();
  std::string username;
  std::string password;
  bool password_stdin = false;
  std::string role;
  std::string company;  // code
  std::optional<int64_t> household;
};

// The flags that carry each field of the service's errors.
int FailWithFlag(Error e) {
  if (e.field == "company_id") e.message += " (--company CODE)";
  if (e.field == "household_id") e.message += " (--household ID)";
  // A taken username is the caller's input to fix, like any other bad flag: exit 2.
  if (e.code == ErrorCode::kAlreadyExists) e.code = ErrorCode::kInvalidArgument;
  return Fail(e);
}

Result<int64_t> CompanyByCode(const std::string& db, const std::string& code) {
  auto conn = adapters::storage::Connect(db, false);
  if (!conn.ok()) return conn.error();
  adapters::storage::SqlRecordStore records(std::move(*conn));
  ports::ListQuery q;
  q.equals = {{"code", code}};
  auto page = records.List(*model::FindResource("companies"), q);
  if (!page.ok()) return page.error();
  if (page->items.empty()) {
    return Error::NotFound("no company with code '" + code + "' (--company)", "company");
  }
  return page->items.front().id;
}

int RunUserAdd(const UserAddFlags& f) {
  services::NewAccount account;
  account.username = f.username;
  account.role = f.role;
  account.household_id = f.household;
  if (f.password_stdin == !f.password.empty()) {
    return Fail(Error::InvalidArgument("give the password with --password or --password-stdin",
                                       "password"));
  }
  account.password = f.password;
  if (f.password_stdin && !std::getline(std::cin, account.password)) {
    return Fail(Error::InvalidArgument("no password on standard input", "password"));
  }
  if (!account.password.empty() && account.password.back() == '\r') account.password.pop_back();

  auto store = adapters::storage::SqlStore::Open(f.db, true);  // creates and migrates
  if (!store.ok()) return Fail(store.error());
  if (!f.company.empty()) {
    auto company = CompanyByCode(f.db, f.company);
    if (!company.ok()) return Fail(company.error());
    account.company_id = *company;
  }
  auto conn = adapters::storage::Connect(f.db, false);
  if (!conn.ok()) return Fail(conn.error());
  adapters::storage::SqlUserStore users(std::move(*conn));
  adapters::clock::SystemClock clock;
  adapters::crypto::Argon2Hasher hasher;
  adapters::crypto::RandomTokenIssuer tokens;
  services::AuthService auth(users, clock, hasher, tokens);
  auto user = auth.AddUser(account);
  if (!user.ok()) return FailWithFlag(user.error());
  std::cout << "added user " << user->username << " (id " << user->id << ", role "
            << rules::RoleName(user->role);
  if (!f.company.empty()) std::cout << ", company " << f.company;
  if (user->household_id) std::cout << ", household " << *user->household_id;
  std::cout << ")\n";
  return 0;
}

}  // namespace

void AddUserCommands(CLI::App& app, int* exit_code) {
  auto* user = app.add_subcommand("user", "Manage user accounts");
  user->require_subcommand(1);
  auto f = std::make_shared<UserAddFlags>();
  auto* add = user->add_subcommand("add", "Add a user who can log in to the HTTP API");
  add->add_option("--db", f->db, "Database: a SQLite file or a postgresql:// URL");
  add->add_option("--username", f->username,
                  "1-64 characters of a-z 0-9 . _ - @ (upper case is folded to lower)")
      ->required();
  add->add_option("--password", f->password,
                  "The password (8-1024 bytes); visible to other local users, so prefer "
                  "--password-stdin");
  add->add_flag("--password-stdin", f->password_stdin, "Read the password from standard input");
  add->add_option("--role", f->role, "admin, regulator, manager, agent, technician or household")
      ->required();
  add->add_option("--company", f->company,
                  "Company code: required for manager, agent and technician");
  add->add_option("--household", f->household, "Household id: required for role household");
  add->callback([f, exit_code] { *exit_code = RunUserAdd(*f); });
}

}  // namespace hearth::app::cli
