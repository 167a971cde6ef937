// The user store contract on SQLite and on a real PostgreSQL cluster: users and their scopes,
// sessions, and the login failure records several server processes share.
#include <gtest/gtest.h>

#include <thread>

#include "adapters/storage/migrations.hpp"
#include "adapters/storage/record_store_sql.hpp"
#include "support/test_database.hpp"
#include "adapters/storage/user_store_sql.hpp"

namespace hearth::adapters::storage {
namespace {

using ports::Session;
using ports::User;
using rules::Role;
using std::chrono::hours;
using std::chrono::seconds;

using support::Engine;
using support::EngineName;

Instant T0() { return *ParseRfc3339("2025-01-10T09:00:00+08:00"); }

class UserStoreContract : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<support::TestDatabase>(GetParam());
    url_ = db_->url();
    store_ = Open();
    MakeFixtures();
  }
  void TearDown() override {
    store_.reset();
    db_.reset();
  }

  std::unique_ptr<SqlUserStore> Open() {
    auto conn = Connect(url_);
    EXPECT_TRUE(conn.ok());
    EXPECT_TRUE(Migrate(**conn).ok());
    return std::make_unique<SqlUserStore>(std::move(*conn));
  }

  // One company with one household, through the record store.
  void MakeFixtures() {
    auto conn = Connect(url_);
    ASSERT_TRUE(conn.ok());
    SqlRecordStore records(std::move(*conn));
    auto make = [&](const char* resource, ports::Fields fields) {
      auto rec = records.Create(*model::FindResource(resource), fields, {}, "test");
      EXPECT_TRUE(rec.ok()) << resource << ": " << rec.error().detail;
      return rec.ok() ? rec->id : 0;
    };
    int64_t district =
        make("districts", {{"code", "d"}, {"name", "D"}, {"city", "Weihai"}, {"policy", "weihai"}});
    company_ = make("companies", {{"code", "c1"}, {"name", "C"}, {"policy", "weihai"}});
    int64_t src =
        make("heat_sources",
             {{"company_id", company_}, {"code", "hs"}, {"name", "plant"}, {"kind", "chp"}});
    int64_t sec = make(
        "network_sections",
        {{"company_id", company_}, {"heat_source_id", src}, {"code", "n1"}, {"name", "north"}});
    int64_t sub = make(
        "substations",
        {{"company_id", company_}, {"network_section_id", sec}, {"code", "s1"}, {"name", "s"}});
    int64_t building = make("buildings", {{"company_id", company_},
                                          {"district_id", district},
                                          {"substation_id", sub},
                                          {"code", "b1"},
                                          {"community", "Sunny"},
                                          {"floors", int64_t{6}}});
    int64_t partition =
        make("partitions", {{"company_id", company_}, {"building_id", building}, {"code", "u1"}});
    household_ = make("households", {{"company_id", company_},
                                     {"partition_id", partition},
                                     {"code", "h1"},
                                     {"area_m2", int64_t{8550}},
                                     {"floor", int64_t{1}},
                                     {"orientation", "sun"},
                                     {"billing", "area"},
                                     {"heating_status", "heated"}});
  }

  User NewUser(std::string name, Role role, std::optional<int64_t> company = std::nullopt,
               std::optional<int64_t> household = std::nullopt) {
    User u;
    u.username = std::move(name);
    u.password_hash = "$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$aGFzaA";
    u.role = role;
    u.company_id = company;
    u.household_id = household;
    u.created_at = T0();
    return u;
  }

  User Add(User u) {
    auto added = store_->AddUser(u, "test");
    EXPECT_TRUE(added.ok()) << added.error().message << " " << added.error().detail;
    return added.ok() ? *added : User{};
  }

  Session NewSession(const std::string& hash, int64_t user, Instant expires) {
    return {hash, user, T0(), expires, std::nullopt};
  }

  std::unique_ptr<support::TestDatabase> db_;
  std::string url_;
  int64_t company_ = 0, household_ = 0;
  std::unique_ptr<SqlUserStore> store_;
};

TEST_P(UserStoreContract, UsersRoundTrip) {
  User admin = Add(NewUser("root", Role::kAdmin));
  User manager = Add(NewUser("li.manager", Role::kManager, company_));
  User home = Add(NewUser("home-1", Role::kHousehold, std::nullopt, household_));
  EXPECT_GT(admin.id, 0);
  EXPECT_NE(admin.id, manager.id);

  auto found = store_->FindUser("li.manager");
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->id, manager.id);
  EXPECT_EQ(found->role, Role::kManager);
  EXPECT_EQ(found->company_id, company_);
  EXPECT_FALSE(found->household_id);
  EXPECT_FALSE(found->disabled);
  EXPECT_EQ(found->created_at, T0());
  EXPECT_EQ(found->password_hash, manager.password_hash);

  auto by_id = store_->GetUser(home.id);
  ASSERT_TRUE(by_id.ok());
  EXPECT_EQ(by_id->username, "home-1");
  EXPECT_EQ(by_id->household_id, household_);
  EXPECT_FALSE(by_id->company_id);

  auto missing = store_->FindUser("nobody");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(missing.error().field, "username");
  EXPECT_EQ(store_->FindUser("Root").error().code, ErrorCode::kNotFound) << "exact match";
  EXPECT_EQ(store_->GetUser(999999).error().code, ErrorCode::kNotFound);
}

TEST_P(UserStoreContract, AddUserRefusals) {
  Add(NewUser("taken", Role::kAgent, company_));
  struct Case {
    const char* name;
    User user;
    ErrorCode code;
    const char* field;
  };
  const Case cases[] = {
      {"username taken", NewUser("taken", Role::kAdmin), ErrorCode::kAlreadyExists, "username"},
      {"manager without company", NewUser("m", Role::kManager), ErrorCode::kInvalidArgument,
       "company_id"},
      {"technician with household", NewUser("t", Role::kTechnician, company_, household_),
       ErrorCode::kInvalidArgument, "household_id"},
      {"admin with company", NewUser("a", Role::kAdmin, company_), ErrorCode::kInvalidArgument,
       "company_id"},
      {"regulator with household", NewUser("r", Role::kRegulator, std::nullopt, household_),
       ErrorCode::kInvalidArgument, "household_id"},
      {"household without household", NewUser("h", Role::kHousehold), ErrorCode::kInvalidArgument,
       "household_id"},
      {"household with company", NewUser("h", Role::kHousehold, company_, household_),
       ErrorCode::kInvalidArgument, "company_id"},
      {"unknown company", NewUser("m", Role::kManager, int64_t{424242}), ErrorCode::kNotFound,
       "company_id"},
      {"unknown household", NewUser("h", Role::kHousehold, std::nullopt, int64_t{424242}),
       ErrorCode::kNotFound, "household_id"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto r = store_->AddUser(c.user, "test");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, c.code);
    EXPECT_EQ(r.error().field, c.field);
  }
  EXPECT_EQ(store_->AddUser(NewUser("taken", Role::kAdmin), "test").error().message,
            "the username 'taken' is taken");
}

// The schema itself refuses a user whose scope does not fit its role, so that a company role
// can never end up with no company (which would mean an unscoped, see-everything principal).
TEST_P(UserStoreContract, SchemaRefusesInconsistentScopes) {
  auto conn = Connect(url_);
  ASSERT_TRUE(conn.ok());
  struct Case {
    const char* role;
    Value company, household;
  };
  const Case cases[] = {
      {"manager", nullptr, nullptr},    {"agent", company_, household_},
      {"household", company_, nullptr}, {"admin", company_, nullptr},
      {"root", nullptr, nullptr},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.role);
    auto r = (*conn)->Query(
        "INSERT INTO users (username, password_hash, role, company_id, household_id, created_at) "
        "VALUES ('x', 'h', $1, $2, $3, 't')",
        {std::string(c.role), c.company, c.household});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);  // a CHECK, not a taken key
  }
}

// The audit entries of one user, oldest first: "actor action before after".
std::vector<std::string> AuditOf(const std::string& url, int64_t user) {
  auto conn = Connect(url, false);
  EXPECT_TRUE(conn.ok());
  auto rows = (*conn)->Query(
      "SELECT actor, action, COALESCE(before_json, ''), COALESCE(after_json, '') FROM audit_log "
      "WHERE resource = 'users' AND record_id = $1 ORDER BY id",
      {user});
  EXPECT_TRUE(rows.ok());
  std::vector<std::string> out;
  for (size_t r = 0; rows.ok() && r < rows->rows.size(); ++r) {
    out.push_back(rows->Text(r, 0) + " " + rows->Text(r, 1) + " " + rows->Text(r, 2) + " " +
                  rows->Text(r, 3));
  }
  return out;
}

TEST_P(UserStoreContract, DisablingRevokesSessionsAndIsAudited) {
  User u = Add(NewUser("agent-7", Role::kAgent, company_));
  ASSERT_TRUE(store_->AddSession(NewSession("aa", u.id, T0() + hours{12})).ok());
  auto off = store_->SetDisabled(u.id, true, T0() + hours{1}, "root");
  ASSERT_TRUE(off.ok()) << off.error().detail;
  EXPECT_TRUE(off->disabled);
  EXPECT_TRUE(store_->GetUser(u.id)->disabled);
  EXPECT_EQ(store_->FindSession("aa")->session.revoked_at, T0() + hours{1});
  ASSERT_TRUE(store_->SetDisabled(u.id, false, T0() + hours{2}, "root").ok());
  EXPECT_FALSE(store_->FindUser("agent-7")->disabled);
  EXPECT_EQ(store_->FindSession("aa")->session.revoked_at, T0() + hours{1})
      << "enabling does not revive a session";
  auto missing = store_->SetDisabled(999999, true, T0(), "root");
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(missing.error().field, "id");

  const std::string base = R"({"id":)" + std::to_string(u.id) +
                           R"(,"username":"agent-7","role":"agent","company_id":)" +
                           std::to_string(company_) + R"(,"household_id":null,"disabled":)";
  const std::string created = R"(,"created_at":"2025-01-10T09:00:00+08:00")";
  EXPECT_EQ(AuditOf(url_, u.id),
            (std::vector<std::string>{
                "test create  " + base + "false" + created + "}",
                "root disable " + base + "false" + created + "} " + base + "true" + created +
                    R"(,"sessions_revoked":1})",
                "root enable " + base + "true" + created + "} " + base + "false" + created +
                    "}"}));
}

TEST_P(UserStoreContract, PasswordResetRevokesSessionsWithoutAuditingHashes) {
  User u = Add(NewUser("li", Role::kAdmin));
  ASSERT_TRUE(store_->AddSession(NewSession("aa", u.id, T0() + hours{12})).ok());
  ASSERT_TRUE(store_->AddSession(NewSession("bb", u.id, T0() + hours{12})).ok());
  ASSERT_TRUE(store_->RevokeSession("bb", T0()).ok());
  const std::string hash = "$argon2id$v=19$m=64,t=1,p=1$bmV3c2FsdA$bmV3";
  ASSERT_TRUE(store_->SetPasswordHash(u.id, hash, T0() + hours{1}, "cli:ops").ok());
  EXPECT_EQ(store_->GetUser(u.id)->password_hash, hash);
  EXPECT_EQ(store_->FindSession("aa")->session.revoked_at, T0() + hours{1});
  EXPECT_EQ(store_->FindSession("bb")->session.revoked_at, T0()) << "kept as it was";
  EXPECT_EQ(store_->SetPasswordHash(999999, hash, T0(), "x").error().code, ErrorCode::kNotFound);

  auto audit = AuditOf(url_, u.id);
  ASSERT_EQ(audit.size(), 2u);
  EXPECT_EQ(audit[1].rfind("cli:ops reset_password ", 0), 0u) << audit[1];
  EXPECT_NE(audit[1].find(R"("password":"changed","sessions_revoked":1})"), std::string::npos)
      << audit[1];
  for (const auto& entry : audit) {
    EXPECT_EQ(entry.find("argon2"), std::string::npos) << entry;
    EXPECT_EQ(entry.find("password_hash"), std::string::npos) << entry;
  }
}

TEST_P(UserStoreContract, RevokingSessions) {
  User u = Add(NewUser("tech", Role::kTechnician, company_));
  User other = Add(NewUser("other", Role::kAdmin));
  for (const char* hash : {"aa", "bb"}) {
    ASSERT_TRUE(store_->AddSession(NewSession(hash, u.id, T0() + hours{12})).ok());
  }
  ASSERT_TRUE(store_->AddSession(NewSession("cc", other.id, T0() + hours{12})).ok());
  EXPECT_EQ(*store_->RevokeSessions(u.id, T0() + hours{1}, "root"), 2);
  EXPECT_EQ(*store_->RevokeSessions(u.id, T0() + hours{2}, "root"), 0);
  EXPECT_TRUE(store_->FindSession("aa")->session.revoked_at);
  EXPECT_FALSE(store_->FindSession("cc")->session.revoked_at) << "another user's session";
  EXPECT_EQ(store_->RevokeSessions(999999, T0(), "root").error().code, ErrorCode::kNotFound);
  auto audit = AuditOf(url_, u.id);
  ASSERT_EQ(audit.size(), 3u);
  EXPECT_NE(audit[1].find(R"("sessions_revoked":2})"), std::string::npos) << audit[1];
  EXPECT_NE(audit[2].find(R"("sessions_revoked":0})"), std::string::npos) << audit[2];
}

TEST_P(UserStoreContract, ListingInIdOrder) {
  std::vector<int64_t> ids;
  for (const char* name : {"a", "b", "c", "d", "e"}) ids.push_back(Add(NewUser(name, Role::kAdmin)).id);
  auto first = store_->ListUsers(std::nullopt, 2);
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->size(), 2u);
  EXPECT_EQ((*first)[0].username, "a");
  EXPECT_EQ((*first)[1].id, ids[1]);
  auto rest = store_->ListUsers((*first)[1].id, 10);
  ASSERT_TRUE(rest.ok());
  ASSERT_EQ(rest->size(), 3u);
  EXPECT_EQ((*rest)[0].username, "c");
  EXPECT_EQ((*rest)[2].username, "e");
  EXPECT_TRUE(store_->ListUsers(ids.back(), 10)->empty());
}

TEST_P(UserStoreContract, StaffOfACompanyEnabledOnlyByUsername) {
  Add(NewUser("zhao.tech", Role::kTechnician, company_));
  Add(NewUser("an.tech", Role::kTechnician, company_));
  User off = Add(NewUser("qian.tech", Role::kTechnician, company_));
  ASSERT_TRUE(store_->SetDisabled(off.id, true, T0(), "root").ok());
  Add(NewUser("li.manager", Role::kManager, company_));
  Add(NewUser("root", Role::kAdmin));
  Add(NewUser("home-1", Role::kHousehold, std::nullopt, household_));

  auto techs = store_->ListStaff(company_, Role::kTechnician);
  ASSERT_TRUE(techs.ok()) << techs.error().detail;
  ASSERT_EQ(techs->size(), 2u) << "the disabled one is left out";
  EXPECT_EQ((*techs)[0].username, "an.tech");
  EXPECT_EQ((*techs)[1].username, "zhao.tech");
  EXPECT_EQ((*techs)[1].role, Role::kTechnician);
  auto all = store_->ListStaff(company_, std::nullopt);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[1].username, "li.manager");
  EXPECT_TRUE(store_->ListStaff(company_ + 1000, std::nullopt)->empty());
  EXPECT_TRUE(store_->ListStaff(company_, Role::kAgent)->empty());
}

TEST_P(UserStoreContract, Sessions) {
  User u = Add(NewUser("tech", Role::kTechnician, company_));
  ASSERT_TRUE(store_->AddSession(NewSession("aa", u.id, T0() + hours{12})).ok());
  ASSERT_TRUE(store_->AddSession(NewSession("bb", u.id, T0() + hours{1})).ok());

  auto s = store_->FindSession("aa");
  ASSERT_TRUE(s.ok()) << s.error().detail;
  EXPECT_EQ(s->session.token_hash, "aa");
  EXPECT_EQ(s->session.user_id, u.id);
  EXPECT_EQ(s->session.created_at, T0());
  EXPECT_EQ(s->session.expires_at, T0() + hours{12});
  EXPECT_FALSE(s->session.revoked_at);
  EXPECT_EQ(s->user.username, "tech");
  EXPECT_EQ(s->user.role, Role::kTechnician);
  EXPECT_EQ(s->user.company_id, company_);
  EXPECT_EQ(store_->FindSession("zz").error().code, ErrorCode::kNotFound);

  EXPECT_EQ(store_->AddSession(NewSession("aa", u.id, T0())).error().code,
            ErrorCode::kAlreadyExists);
  auto orphan = store_->AddSession(NewSession("cc", 999999, T0()));
  EXPECT_EQ(orphan.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(orphan.error().field, "user_id");

  ASSERT_TRUE(store_->RevokeSession("aa", T0() + hours{2}).ok());
  EXPECT_EQ(store_->FindSession("aa")->session.revoked_at, T0() + hours{2});
  EXPECT_EQ(store_->RevokeSession("aa", T0() + hours{3}).error().code, ErrorCode::kNotFound)
      << "revoking twice";
  EXPECT_EQ(store_->FindSession("aa")->session.revoked_at, T0() + hours{2}) << "first one kept";
  EXPECT_EQ(store_->RevokeSession("zz", T0()).error().code, ErrorCode::kNotFound);

  // bb expired at T0 + 1 h, aa at T0 + 12 h.
  EXPECT_EQ(*store_->PurgeSessions(T0() + hours{1}), 0);
  EXPECT_EQ(*store_->PurgeSessions(T0() + hours{1} + seconds{1}), 1);
  EXPECT_FALSE(store_->FindSession("bb").ok());
  EXPECT_TRUE(store_->FindSession("aa").ok());
}

TEST_P(UserStoreContract, LoginFailures) {
  rules::ThrottleSettings settings;
  auto fail_at = [&](Instant at) {
    return [at, &settings](const std::optional<rules::LoginFailures>& before) {
      return rules::AfterFailure(before, at, settings);
    };
  };
  EXPECT_FALSE(store_->GetLoginFailures("li")->has_value());
  for (int i = 0; i < 5; ++i) {
    auto r = store_->UpdateLoginFailures("li", fail_at(T0() + seconds{i}));
    ASSERT_TRUE(r.ok()) << r.error().detail;
    EXPECT_EQ(r->failures, i + 1);
  }
  auto f = store_->GetLoginFailures("li");
  ASSERT_TRUE(f.ok());
  ASSERT_TRUE(f->has_value());
  EXPECT_EQ((*f)->failures, 5);
  EXPECT_EQ((*f)->last_failure, T0() + seconds{4});
  EXPECT_EQ((*f)->locked_until, T0() + seconds{34});
  EXPECT_FALSE(store_->GetLoginFailures("LI")->has_value()) << "per exact username";

  ASSERT_TRUE(store_->UpdateLoginFailures("wang", fail_at(T0() + hours{1})).ok());
  // li's lock ended at T0 + 34 s and its last failure was at T0 + 4 s; wang's is at T0 + 1 h.
  EXPECT_EQ(*store_->PurgeLoginFailures(T0() + seconds{34}), 0);
  EXPECT_EQ(*store_->PurgeLoginFailures(T0() + seconds{35}), 1);
  EXPECT_FALSE(store_->GetLoginFailures("li")->has_value());
  EXPECT_TRUE(store_->GetLoginFailures("wang")->has_value());
  ASSERT_TRUE(store_->ClearLoginFailures("wang").ok());
  EXPECT_FALSE(store_->GetLoginFailures("wang")->has_value());
  EXPECT_TRUE(store_->ClearLoginFailures("wang").ok()) << "clearing nothing is fine";
}

// Several server processes share the database: concurrent failures, each through its own
// connection, are all counted.
TEST_P(UserStoreContract, ConcurrentFailuresAreAllCounted) {
  constexpr int kStores = 4, kEach = 10;
  std::vector<std::thread> threads;
  std::vector<std::string> errors(kStores);
  for (int t = 0; t < kStores; ++t) {
    threads.emplace_back([&, t] {
      auto store = Open();
      for (int i = 0; i < kEach; ++i) {
        auto r = store->UpdateLoginFailures("shared",
                                            [](const std::optional<rules::LoginFailures>& before) {
                                              rules::LoginFailures next;
                                              next.failures = before ? before->failures + 1 : 1;
                                              next.last_failure = T0();
                                              return next;
                                            });
        if (!r.ok()) errors[static_cast<size_t>(t)] = r.error().message + r.error().detail;
      }
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& e : errors) EXPECT_EQ(e, "");
  EXPECT_EQ((*store_->GetLoginFailures("shared"))->failures, kStores * kEach);
}

INSTANTIATE_TEST_SUITE_P(Engines, UserStoreContract,
                         ::testing::Values(Engine::kSqlite, Engine::kPostgres), EngineName);

}  // namespace
}  // namespace hearth::adapters::storage
