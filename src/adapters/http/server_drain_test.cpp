// The HTTP server's graceful stop (issue 18, item 6) on real loopback sockets: once a drain has
// begun, new connections are refused, a request half received is still read and answered with
// `Connection: close`, an idle keep-alive connection sees a clean end of stream (not a reset),
// and the deadline bounds a client that never finishes its request.
#include <gtest/gtest.h>

#include <boost/asio.hpp>
#include <chrono>
#include <future>
#include <string>
#include <thread>

#include "adapters/http/server.hpp"
#include "support/test_client.hpp"
#include "support/test_raw_connection.hpp"

namespace hearth::adapters::http {
namespace {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using namespace std::chrono_literals;

using support::RawConnection;

class ServerDrainTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router_.Add("GET", "/ping", [](const Request&) { return Json(200, {{"pong", true}}); });
    router_.Add("POST", "/echo", [](const Request& r) {
      return Response{200, "text/plain", r.body, {}};
    });
    router_.Add("GET", "/slow", [](const Request&) {
      std::this_thread::sleep_for(300ms);
      return Json(200, {{"slow", true}});
    });
  }
  void Start(std::chrono::seconds drain_timeout) {
    ServerOptions options;
    options.port = 0;
    options.threads = 2;
    options.drain_timeout = drain_timeout;
    server_ = std::make_unique<Server>(options, router_);
    ASSERT_TRUE(server_->Start().ok());
  }
  // Drain() on a thread of its own, after BeginDrain() here: the listener is closed on return.
  void BeginDrainInBackground() {
    server_->BeginDrain();
    drainer_ = std::thread([this] { report_ = server_->Drain(); });
  }
  DrainReport FinishDrain() {
    if (drainer_.joinable()) drainer_.join();
    return report_;
  }
  void TearDown() override {
    if (drainer_.joinable()) drainer_.join();
    server_.reset();
  }

  Router router_;
  std::unique_ptr<Server> server_;
  std::thread drainer_;
  DrainReport report_;
};

constexpr const char* kPostHead =
    "POST /echo HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\nContent-Type: text/plain\r\n"
    "Content-Length: 100000\r\n\r\n";

// A request whose head or body was partly received when the drain began is read to its end,
// handled and answered with `Connection: close`; then the stream ends cleanly.
TEST_F(ServerDrainTest, HalfReceivedRequestsAreAnswered) {
  Start(10s);
  const std::string body(100'000, 'r');
  const std::string request = kPostHead + body;
  struct Case {
    std::string name;
    size_t sent_before;  // bytes of the request sent before the drain begins
  };
  const size_t head = std::string(kPostHead).size();
  const Case cases[] = {{"half the head", head / 2}, {"the head and half the body", head + 50'000}};
  std::vector<std::unique_ptr<RawConnection>> clients;
  for (const auto& c : cases) {
    clients.push_back(std::make_unique<RawConnection>(server_->port()));
    clients.back()->Write(request.substr(0, c.sent_before));
  }
  std::this_thread::sleep_for(100ms);  // the server reads what was sent
  BeginDrainInBackground();
  EXPECT_TRUE(support::ConnectionRefused(server_->port())) << "the listener is closed first";
  for (size_t i = 0; i < std::size(cases); ++i) {
    SCOPED_TRACE(cases[i].name);
    clients[i]->Write(request.substr(cases[i].sent_before));
    boost::system::error_code end;
    const std::string answer = clients[i]->ReadToEnd(end);
    EXPECT_EQ(end, asio::error::eof) << end.message();
    EXPECT_EQ(answer.rfind("HTTP/1.1 200 OK\r\n", 0), 0u) << answer.substr(0, 200);
    EXPECT_NE(answer.find("Connection: close\r\n"), std::string::npos) << answer.substr(0, 200);
    EXPECT_EQ(answer.substr(answer.find("\r\n\r\n") + 4), body);
  }
  clients.clear();
  const DrainReport r = FinishDrain();
  EXPECT_EQ(r.open, 2u);
  EXPECT_EQ(r.answered, 2u);
  EXPECT_EQ(r.cut, 0u);
  EXPECT_FALSE(r.deadline_reached);
}

// An idle keep-alive connection is closed with a FIN: the client reads a clean end of stream,
// not ECONNRESET, and the drain does not wait for the deadline.
TEST_F(ServerDrainTest, IdleKeepAliveConnectionsEndCleanly) {
  Start(10s);
  RawConnection served(server_->port());  // answered before the drain, kept alive
  served.Write("GET /ping HTTP/1.1\r\nHost: x\r\n\r\n");
  RawConnection silent(server_->port());  // connected, never sent anything
  std::this_thread::sleep_for(100ms);
  BeginDrainInBackground();
  boost::system::error_code end;
  const std::string answer = served.ReadToEnd(end);
  EXPECT_EQ(end, asio::error::eof) << "a reset instead of a clean close: " << end.message();
  EXPECT_EQ(answer.rfind("HTTP/1.1 200 OK\r\n", 0), 0u) << answer;
  EXPECT_EQ(answer.find("Connection: close"), std::string::npos) << "kept alive: " << answer;
  EXPECT_EQ(silent.ReadToEnd(end), "");
  EXPECT_EQ(end, asio::error::eof) << "a reset instead of a clean close: " << end.message();
  const DrainReport r = FinishDrain();
  EXPECT_EQ(r.open, 2u);
  EXPECT_EQ(r.idle_closed, 2u);
  EXPECT_EQ(r.answered, 0u);
  EXPECT_EQ(r.cut, 0u);
  EXPECT_FALSE(r.deadline_reached);
  EXPECT_LT(r.took, 5s);
}

// An answer being prepared when the drain begins is finished, and says `Connection: close`.
TEST_F(ServerDrainTest, AnswersInProgressFinishWithConnectionClose) {
  Start(10s);
  support::TestClient client(server_->port());
  auto pending = std::async(std::launch::async, [&client] { return client.Get("/slow"); });
  std::this_thread::sleep_for(100ms);  // the handler sleeps 300 ms
  BeginDrainInBackground();
  const auto r = pending.get();
  EXPECT_EQ(r.status, 200u);
  EXPECT_FALSE(r.keep_alive);
  const DrainReport report = FinishDrain();
  EXPECT_EQ(report.answered, 1u);
  EXPECT_FALSE(report.deadline_reached);
}

// A client that never finishes its request is closed at the deadline, and the drain ends.
TEST_F(ServerDrainTest, TheDeadlineBoundsAClientThatNeverFinishes) {
  Start(1s);
  RawConnection stuck(server_->port());
  stuck.Write(std::string(kPostHead) + std::string(1000, 'r'));  // 99,000 bytes never come
  std::this_thread::sleep_for(100ms);
  const auto began = std::chrono::steady_clock::now();
  BeginDrainInBackground();
  const DrainReport r = FinishDrain();
  EXPECT_TRUE(r.deadline_reached);
  EXPECT_EQ(r.cut, 1u);
  EXPECT_EQ(r.answered, 0u);
  EXPECT_GE(std::chrono::steady_clock::now() - began, 900ms);
  EXPECT_LT(std::chrono::steady_clock::now() - began, 4s) << "bounded by the deadline";
  boost::system::error_code end;
  EXPECT_EQ(stuck.ReadToEnd(end), "") << "no answer to an unfinished request";
}

// With nothing open, a drain ends at once; new connections are refused from its start.
TEST_F(ServerDrainTest, NothingOpenEndsAtOnce) {
  Start(10s);
  EXPECT_EQ(support::TestClient(server_->port()).Get("/ping").status, 200u);
  std::this_thread::sleep_for(50ms);  // the closed connection's session ends
  const DrainReport r = server_->Drain();
  EXPECT_TRUE(support::ConnectionRefused(server_->port()));
  EXPECT_FALSE(r.deadline_reached);
  EXPECT_LT(r.took, 3s);
}

}  // namespace
}  // namespace hearth::adapters::http
