// hearth user add --username U (--password P | --password-stdin) --role R [--company CODE]
//                 [--household ID] [--db URL]
// hearth user list [--db URL]
// hearth user disable|enable|revoke-sessions --username U [--db URL]
// hearth user reset-password --username U (--password P | --password-stdin) [--db URL]
// The same account changes as /api/v1/users (services::UserAdminService), audited as
// "cli:<os user>".
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
#include "services/user_admin_service.hpp"

namespace hearth::app::cli {
namespace {

struct UserFlags {
  std::string db = DefaultDbPath();
  bool db_given = false;  // --db was on the command line
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

// The password from --password or one line of standard input.
Result<std::string> ReadPassword(const UserFlags& f) {
  if (f.password_stdin == !f.password.empty()) {
    return Error::InvalidArgument("give the password with --password or --password-stdin",
                                  "password");
  }
  std::string password = f.password;
  if (f.password_stdin && !std::getline(std::cin, password)) {
    return Error::InvalidArgument("no password on standard input", "password");
  }
  if (!password.empty() && password.back() == '\r') password.pop_back();
  return password;
}

// The account services over the database, migrated first.
struct Accounts {
  static Result<std::unique_ptr<Accounts>> Open(const UserFlags& f) {
    NoteDefaultDb(f.db_given, f.db);
    auto store = adapters::storage::SqlStore::Open(f.db, true);  // creates and migrates
    if (!store.ok()) return store.error();
    auto conn = adapters::storage::Connect(f.db, false);
    if (!conn.ok()) return conn.error();
    return std::make_unique<Accounts>(std::move(*conn));
  }
  explicit Accounts(std::unique_ptr<adapters::storage::Connection> conn) : users(std::move(conn)) {}

  adapters::storage::SqlUserStore users;
  adapters::clock::SystemClock clock;
  adapters::crypto::Argon2Hasher hasher;
  adapters::crypto::RandomTokenIssuer tokens;
  services::AuthService auth{users, clock, hasher, tokens};
  services::UserAdminService admin{users, auth, clock, hasher};
};

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

int RunUserAdd(const UserFlags& f) {
  services::NewAccount account;
  account.username = f.username;
  account.role = f.role;
  account.household_id = f.household;
  auto password = ReadPassword(f);
  if (!password.ok()) return Fail(password.error());
  account.password = *password;
  auto accounts = Accounts::Open(f);
  if (!accounts.ok()) return Fail(accounts.error());
  if (!f.company.empty()) {
    auto company = CompanyByCode(f.db, f.company);
    if (!company.ok()) return Fail(company.error());
    account.company_id = *company;
  }
  auto user = (*accounts)->admin.Add(account, {CliActor(), std::nullopt});
  if (!user.ok()) return FailWithFlag(user.error());
  std::cout << "added user " << user->username << " (id " << user->id << ", role "
            << rules::RoleName(user->role);
  if (!f.company.empty()) std::cout << ", company " << f.company;
  if (user->household_id) std::cout << ", household " << *user->household_id;
  std::cout << ")\n";
  return 0;
}

int RunUserList(const UserFlags& f) {
  auto accounts = Accounts::Open(f);
  if (!accounts.ok()) return Fail(accounts.error());
  std::optional<int64_t> after;
  for (;;) {
    auto page = (*accounts)->admin.List(after, 1000);
    if (!page.ok()) return Fail(page.error());
    for (const auto& u : *page) {
      std::cout << u.id << "\t" << u.username << "\t" << rules::RoleName(u.role);
      if (u.company_id) std::cout << "\tcompany " << *u.company_id;
      if (u.household_id) std::cout << "\thousehold " << *u.household_id;
      std::cout << (u.disabled ? "\tdisabled" : "") << "\n";
    }
    if (page->size() < 1000) break;
    after = page->back().id;
  }
  return 0;
}

enum class Change { kDisable, kEnable, kResetPassword, kRevokeSessions };

int RunUserChange(const UserFlags& f, Change change) {
  std::string password;
  if (change == Change::kResetPassword) {
    auto read = ReadPassword(f);
    if (!read.ok()) return Fail(read.error());
    password = *read;
  }
  auto accounts = Accounts::Open(f);
  if (!accounts.ok()) return Fail(accounts.error());
  services::UserAdminService& admin = (*accounts)->admin;
  auto user = admin.Find(f.username);
  if (!user.ok()) return Fail(user.error());
  const services::Actor by{CliActor(), std::nullopt};
  switch (change) {
    case Change::kDisable:
    case Change::kEnable: {
      const bool disable = change == Change::kDisable;
      auto after = admin.SetDisabled(user->id, disable, by);
      if (!after.ok()) return Fail(after.error());
      std::cout << (disable ? "disabled user " : "enabled user ") << user->username
                << (disable ? " (its sessions are revoked)" : "") << "\n";
      return 0;
    }
    case Change::kResetPassword:
      if (auto s = admin.ResetPassword(user->id, password, by); !s.ok()) return Fail(s.error());
      std::cout << "reset the password of " << user->username << " (its sessions are revoked)\n";
      return 0;
    case Change::kRevokeSessions: {
      auto n = admin.RevokeSessions(user->id, by);
      if (!n.ok()) return Fail(n.error());
      std::cout << "revoked " << *n << (*n == 1 ? " session" : " sessions") << " of "
                << user->username << "\n";
      return 0;
    }
  }
  return 1;
}

void AddDbOption(CLI::App* cmd, const std::shared_ptr<UserFlags>& f) {
  cmd->add_option("--db", f->db, "Database: a SQLite file or a postgresql:// URL");
}

bool DbGiven(CLI::App* cmd) { return cmd->get_option("--db")->count() > 0; }

void AddPasswordOptions(CLI::App* cmd, const std::shared_ptr<UserFlags>& f) {
  cmd->add_option("--password", f->password,
                  "The password (12-1024 bytes, not a common one); visible to other local users, "
                  "so prefer --password-stdin");
  cmd->add_flag("--password-stdin", f->password_stdin, "Read the password from standard input");
}

}  // namespace

void AddUserCommands(CLI::App& app, int* exit_code) {
  auto* user = app.add_subcommand("user", "Manage user accounts (every change is audited)");
  user->require_subcommand(1);

  auto f = std::make_shared<UserFlags>();
  auto* add = user->add_subcommand("add", "Add a user who can log in to the HTTP API");
  AddDbOption(add, f);
  add->add_option("--username", f->username,
                  "1-64 characters of a-z 0-9 . _ - @ (upper case is folded to lower)")
      ->required();
  AddPasswordOptions(add, f);
  add->add_option("--role", f->role, "admin, regulator, manager, agent, technician or household")
      ->required();
  add->add_option("--company", f->company,
                  "Company code: required for manager, agent and technician");
  add->add_option("--household", f->household, "Household id: required for role household");
  add->callback([f, add, exit_code] {
    f->db_given = DbGiven(add);
    *exit_code = RunUserAdd(*f);
  });

  auto* list = user->add_subcommand("list", "List the accounts: id, username, role, scope");
  AddDbOption(list, f);
  list->callback([f, list, exit_code] {
    f->db_given = DbGiven(list);
    *exit_code = RunUserList(*f);
  });

  const struct {
    const char* name;
    const char* help;
    Change change;
  } kChanges[] = {
      {"disable", "Disable an account: it cannot log in, and its sessions are revoked",
       Change::kDisable},
      {"enable", "Enable a disabled account again", Change::kEnable},
      {"reset-password", "Set a new password; every session of the account is revoked",
       Change::kResetPassword},
      {"revoke-sessions", "Revoke every session (token) of an account", Change::kRevokeSessions},
  };
  for (const auto& c : kChanges) {
    auto* cmd = user->add_subcommand(c.name, c.help);
    AddDbOption(cmd, f);
    cmd->add_option("--username", f->username, "The account")->required();
    if (c.change == Change::kResetPassword) AddPasswordOptions(cmd, f);
    const Change change = c.change;
    cmd->callback([f, cmd, change, exit_code] {
      f->db_given = DbGiven(cmd);
      *exit_code = RunUserChange(*f, change);
    });
  }
}

}  // namespace hearth::app::cli
