// ctest-labels: e2e
// `hearth user add` end to end: accounts of each role, and every refusal as one line on stderr
// with exit status 2 and nothing on stdout.
#include <gtest/gtest.h>

#include <fstream>

#include "adapters/storage/migrations.hpp"
#include "adapters/storage/record_store_sql.hpp"
#include "adapters/storage/user_store_sql.hpp"
#include "support/test_process.hpp"

namespace hearth::e2e {
namespace {

using support::RunHearth;
using support::TempDir;

// `hearth ARGS...` with `input` on its standard input.
support::RunResult RunWithStdin(const std::vector<std::string>& args, const std::string& input,
                                const TempDir& dir) {
  std::string in_path = dir / "stdin.txt";
  std::ofstream(in_path) << input;
  std::vector<std::string> full{HEARTH_BINARY};
  full.insert(full.end(), args.begin(), args.end());
  std::string out_path = dir / "stdout.txt", err_path = dir / "stderr.txt";
  int in_fd = open(in_path.c_str(), O_RDONLY);
  int out_fd = open(out_path.c_str(), O_RDWR | O_CREAT | O_TRUNC, 0600);
  int err_fd = open(err_path.c_str(), O_RDWR | O_CREAT | O_TRUNC, 0600);
  pid_t pid = fork();
  if (pid == 0) {
    dup2(in_fd, 0);
    dup2(out_fd, 1);
    dup2(err_fd, 2);
    std::vector<char*> argv;
    for (const auto& a : full) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  support::RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  lseek(out_fd, 0, SEEK_SET);
  lseek(err_fd, 0, SEEK_SET);
  r.out = support::ReadAll(out_fd);
  r.err = support::ReadAll(err_fd);
  for (int fd : {in_fd, out_fd, err_fd}) close(fd);
  return r;
}

class UserCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_ / "h.db";
    auto conn = adapters::storage::Connect(db_);
    ASSERT_TRUE(conn.ok());
    ASSERT_TRUE(adapters::storage::Migrate(**conn).ok());
    adapters::storage::SqlRecordStore records(std::move(*conn));
    auto company =
        records.Create(*model::FindResource("companies"),
                       {{"code", "c1"}, {"name", "C"}, {"policy", "weihai"}}, {}, "test");
    ASSERT_TRUE(company.ok());
    company_ = company->id;
  }

  std::vector<std::string> Add(std::vector<std::string> extra) {
    std::vector<std::string> args{"user", "add", "--db", db_};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
  }

  Result<ports::User> Stored(const std::string& username) {
    auto conn = adapters::storage::Connect(db_, false);
    if (!conn.ok()) return conn.error();
    return adapters::storage::SqlUserStore(std::move(*conn)).FindUser(username);
  }

  TempDir dir_;
  std::string db_;
  int64_t company_ = 0;
};

TEST_F(UserCliTest, AddsUsersOfEachKind) {
  auto admin =
      RunHearth(Add({"--username", "Root", "--password", "s3cret-pass-24", "--role", "admin"}));
  ASSERT_EQ(admin.exit_code, 0) << admin.err;
  EXPECT_EQ(admin.out, "added user root (id 1, role admin)\n");
  EXPECT_EQ(admin.err, "");

  auto manager = RunHearth(Add(
      {"--username", "li", "--password", "s3cret-pass-24", "--role", "manager", "--company", "c1"}));
  ASSERT_EQ(manager.exit_code, 0) << manager.err;
  EXPECT_EQ(manager.out, "added user li (id 2, role manager, company c1)\n");
  auto stored = Stored("li");
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->role, rules::Role::kManager);
  EXPECT_EQ(stored->company_id, company_);
  EXPECT_EQ(stored->password_hash.rfind("$argon2id$v=19$m=65536,t=3,p=1$", 0), 0u);

  auto piped = RunWithStdin(Add({"--username", "wang", "--password-stdin", "--role", "regulator"}),
                            "from stdin 1\n", dir_);
  ASSERT_EQ(piped.exit_code, 0) << piped.err;
  EXPECT_EQ(piped.out, "added user wang (id 3, role regulator)\n");
  EXPECT_TRUE(Stored("wang").ok());
}

TEST_F(UserCliTest, Refusals) {
  ASSERT_EQ(RunHearth(Add({"--username", "root", "--password", "s3cret-pass-24", "--role", "admin"}))
                .exit_code,
            0);
  struct Case {
    const char* name;
    std::vector<std::string> args;
    std::string err;  // the whole of stderr
  };
  const Case cases[] = {
      {"unknown role",
       {"--username", "a", "--password", "s3cret-pass-24", "--role", "boss"},
       "unknown role 'boss'; known: admin, regulator, manager, agent, technician, household"},
      {"company role without company",
       {"--username", "a", "--password", "s3cret-pass-24", "--role", "agent"},
       "role agent needs a company (--company CODE)"},
      {"unknown company",
       {"--username", "a", "--password", "s3cret-pass-24", "--role", "manager", "--company", "zz"},
       "no company with code 'zz' (--company)"},
      {"household without household",
       {"--username", "a", "--password", "s3cret-pass-24", "--role", "household"},
       "role household needs a household (--household ID)"},
      {"unknown household",
       {"--username", "a", "--password", "s3cret-pass-24", "--role", "household", "--household", "99"},
       "no household 99 (--household ID)"},
      {"company for an admin",
       {"--username", "a", "--password", "s3cret-pass-24", "--role", "admin", "--company", "c1"},
       "role admin has no company (--company CODE)"},
      {"username taken",
       {"--username", "ROOT", "--password", "s3cret-pass-24", "--role", "admin"},
       "the username 'root' is taken"},
      {"bad username",
       {"--username", "li wang", "--password", "s3cret-pass-24", "--role", "admin"},
       "a username is 1 to 64 characters of a-z, 0-9, '.', '_', '-' and '@'; got 'li wang'"},
      {"short password",
       {"--username", "a", "--password", "short", "--role", "admin"},
       "a password is 12 to 1024 bytes long"},
      {"no password",
       {"--username", "a", "--role", "admin"},
       "give the password with --password or --password-stdin"},
      {"two passwords",
       {"--username", "a", "--password", "s3cret-pass-24", "--password-stdin", "--role", "admin"},
       "give the password with --password or --password-stdin"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto r = RunHearth(Add(c.args));
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, "hearth: error: " + c.err + "\n");
  }
  // Missing required flags are CLI11's to report, with the same exit status.
  auto no_role = RunHearth(Add({"--username", "a", "--password", "s3cret-pass-24"}));
  EXPECT_EQ(no_role.exit_code, 2);
  EXPECT_NE(no_role.err.find("--role"), std::string::npos) << no_role.err;
  EXPECT_FALSE(Stored("a").ok()) << "nothing half-written";
}

}  // namespace
}  // namespace hearth::e2e
