// ctest-labels: e2e pg security
// Logins under attack (issue 12, items 3 and 4), against real `hearth serve` processes:
// - a login flood gets 429 with Retry-After (per client address) or 503 with Retry-After (the
//   hashing pool is full), and /healthz keeps answering during it;
// - a client that fails five times is locked (429 with Retry-After) for that username, while
//   the account's owner, from another address, still logs in with the right password; on
//   PostgreSQL, two servers sharing the database see the same lock.
// Clients are told apart by their address: each binds its socket to its own loopback address
// (127.0.0.0/8 is all loopback on Linux), as clients on other machines would come from theirs.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "support/test_api.hpp"

namespace hearth::e2e {
namespace {

using support::TempDir;
using Reply = support::TestResponse;

// One request to 127.0.0.1:`port` on a fresh connection made from the address `from`.
Reply FetchFrom(const std::string& from, uint16_t port, const std::string& method,
                const std::string& target, const std::string& body = "") {
  namespace asio = boost::asio;
  namespace bhttp = boost::beast::http;
  asio::io_context io;
  boost::beast::tcp_stream stream(io);
  stream.socket().open(asio::ip::tcp::v4());
  stream.socket().bind({asio::ip::make_address(from), 0});
  stream.connect({asio::ip::make_address("127.0.0.1"), port});
  bhttp::request<bhttp::string_body> req{bhttp::string_to_verb(method), target, 11};
  req.set(bhttp::field::host, "127.0.0.1");
  if (!body.empty()) req.set(bhttp::field::content_type, "application/json");
  req.body() = body;
  req.prepare_payload();
  bhttp::write(stream, req);
  boost::beast::flat_buffer buffer;
  bhttp::response<bhttp::string_body> res;
  bhttp::read(stream, buffer, res);
  Reply out{res.result_int(), res.body(), res.keep_alive(), {}};
  for (const auto& field : res) out.headers[std::string(field.name_string())] = field.value();
  return out;
}

std::string Credentials(const std::string& user, const std::string& password) {
  return nlohmann::json{{"username", user}, {"password", password}}.dump();
}

Reply Login(const std::string& from, uint16_t port, const std::string& user,
            const std::string& password) {
  return FetchFrom(from, port, "POST", "/api/v1/auth/login", Credentials(user, password));
}

// Checks a refusal: its status and code, and a Retry-After of at least 1 s.
void ExpectRetryAfter(const Reply& r, unsigned status, const char* code) {
  EXPECT_EQ(r.status, status) << r.body;
  auto it = r.headers.find("Retry-After");
  ASSERT_NE(it, r.headers.end()) << r.status << " " << r.body;
  EXPECT_GE(std::stoll(it->second), 1);
  EXPECT_EQ(r.Json()["error"]["code"], code) << r.body;
}

class LoginSecurityTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = support::MigratedDatabase(GetParam(), dir_);
    api_ = std::make_unique<support::ApiServer>(
        db_, std::vector<support::ApiUser>{{"root", "admin", "", ""}});
    ASSERT_TRUE(api_->started());
    port_ = api_->port();
  }

  TempDir dir_;
  std::string db_;
  std::unique_ptr<support::ApiServer> api_;
  uint16_t port_ = 0;
};

// Item 4: five wrong passwords from any address used to lock the account for everyone, and the
// right password was then refused with 503 and no Retry-After.
TEST_P(LoginSecurityTest, AnotherClientIsNotLockedOut) {
  const std::string attacker = "127.0.0.66", owner = "127.0.0.77";
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(Login(attacker, port_, "root", "wrong-password").status, 401u) << i;
  }
  auto locked = Login(attacker, port_, "root", support::kTestPassword);
  ExpectRetryAfter(locked, 429, "too_many_requests");
  EXPECT_EQ(locked.Json()["error"]["message"].get<std::string>().rfind(
                "too many failed logins from this address for this username; try again in ", 0),
            0u)
      << locked.body;
  EXPECT_EQ(locked.body.find("s3cret"), std::string::npos);

  auto in = Login(owner, port_, "root", support::kTestPassword);
  EXPECT_EQ(in.status, 200u) << "the owner, from an address that has not failed: " << in.body;

  if (GetParam() == "postgres") {
    // A second server on the same database sees the attacker's lock and lets the owner in.
    uint16_t second = support::FreePort();
    support::ServerProcess other(support::ServeArgs(db_, second));
    ASSERT_TRUE(support::WaitForHealthz(second));
    ExpectRetryAfter(Login(attacker, second, "root", support::kTestPassword), 429,
                     "too_many_requests");
    EXPECT_EQ(Login(owner, second, "root", support::kTestPassword).status, 200u);
  }
}

// Item 3: with 8 clients trying random usernames, /healthz took 1.5 s; nothing was refused.
TEST_P(LoginSecurityTest, AFloodIsRefusedAndHealthzStillAnswers) {
  std::atomic<bool> flooding{true};
  std::atomic<int> healthz_ok{0}, healthz_bad{0};
  std::thread prober([&] {
    while (flooding) {
      auto r = support::Fetch(port_, "GET", "/healthz");
      (r.status == 200 ? healthz_ok : healthz_bad)++;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  });

  // From one address: after its burst, 429 with Retry-After, at once and without hashing.
  std::atomic<int> unauthenticated{0}, limited{0}, busy{0}, other{0};
  auto count = [&](const Reply& r) {
    if (r.status == 401) {
      ++unauthenticated;
    } else if (r.status == 429) {
      ExpectRetryAfter(r, 429, "too_many_requests");
      ++limited;
    } else if (r.status == 503) {
      ExpectRetryAfter(r, 503, "unavailable");
      ++busy;
    } else {
      ++other;
      ADD_FAILURE() << r.status << " " << r.body;
    }
  };
  {
    std::vector<std::thread> clients;
    for (int c = 0; c < 16; ++c) {
      clients.emplace_back([&, c] {
        for (int i = 0; i < 8; ++i) {
          count(Login("127.0.0.1", port_, "guess-" + std::to_string(c * 100 + i), "guessing-1234"));
        }
      });
    }
    for (auto& t : clients) t.join();
  }
  EXPECT_GE(limited.load(), 64) << "a burst of 20 is checked, then one every 3 s";
  const int limited_one_address = limited.load();

  // From 32 addresses for 3 s: each within its own rate, so the hashing pool takes the load;
  // beyond its capacity it answers 503 with Retry-After rather than queueing.
  {
    std::atomic<bool> go{true};
    std::vector<std::thread> clients;
    for (int c = 0; c < 32; ++c) {
      clients.emplace_back([&, c] {
        const std::string from = "127.0.1." + std::to_string(c + 1);
        for (int i = 0; go; ++i) {
          count(Login(from, port_, "guess-" + std::to_string(c) + "-" + std::to_string(i),
                      "guessing-1234"));
        }
      });
    }
    std::this_thread::sleep_for(std::chrono::seconds(3));
    go = false;
    for (auto& t : clients) t.join();
  }
  flooding = false;
  prober.join();

  EXPECT_EQ(other.load(), 0);
  EXPECT_GT(healthz_ok.load(), 0);
  EXPECT_EQ(healthz_bad.load(), 0);
  // The owner still logs in once the flood is over.
  EXPECT_EQ(Login("127.0.0.9", port_, "root", support::kTestPassword).status, 200u);
  std::printf(
      "flood: %d unauthenticated, %d limited (%d from one address), %d busy; "
      "/healthz answered %d times\n",
      unauthenticated.load(), limited.load(), limited_one_address, busy.load(), healthz_ok.load());
}

INSTANTIATE_TEST_SUITE_P(Engines, LoginSecurityTest, ::testing::Values("sqlite", "postgres"),
                         [](const ::testing::TestParamInfo<std::string>& p) { return p.param; });

}  // namespace
}  // namespace hearth::e2e
