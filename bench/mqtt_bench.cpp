// MQTT ingest (issue 5): N readings published one per message at QoS 1 by a sensor gateway
// (Gateway below), timed until a hearth instance has stored them all durably in SQLite: the MQTT 5
// subscriber (adapters/mqtt), MqttIngest, IngestService and the SQLite reading store, in this
// process. The baseline is the broker alone: the same publishes, consumed by a plain paho
// subscriber at QoS 1 that only counts them (paho acknowledges on receipt).
//
// Both run against one throwaway mosquitto that this benchmark starts with
// scripts/test-mosquitto.sh, and stops at exit.
#include <benchmark/benchmark.h>
#include <mqtt/async_client.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "adapters/clock/system_clock.hpp"
#include "adapters/mqtt/mqtt_codec.hpp"
#include "adapters/mqtt/mqtt_subscriber.hpp"
#include "adapters/storage/migrations.hpp"
#include "adapters/storage/reading_store_sql.hpp"
#include "adapters/storage/record_store_sql.hpp"
#include "adapters/storage/sql.hpp"
#include "app/runtime/mqtt_batches.hpp"
#include "services/ingest_service.hpp"
#include "support/test_sensors.hpp"

namespace {

using namespace hearth;  // NOLINT

constexpr int kSensors = 100;
constexpr int64_t kT0 = 1735660800;  // 2025-01-01T00:00:00+08:00

class Broker {
 public:
  static Broker& Get() {
    static Broker broker;
    return broker;
  }
  const std::string& url() const { return url_; }  ///< the service account's (as hearth's)
  const std::string& publisher_url() const { return publisher_url_; }  ///< a gateway's
  ~Broker() { std::system((Script() + " stop " + dir_ + " >/dev/null 2>&1").c_str()); }

 private:
  Broker() {
    char tmpl[] = "/tmp/hearth-bench-mqtt-XXXXXX";
    if (mkdtemp(tmpl) == nullptr) throw std::runtime_error("mkdtemp");
    dir_ = tmpl;
    // The broker saves its state every 1,000 changes here, not at every one as `make demo`'s
    // does (docs/broker.md): saving at every change caps the broker itself at about 2k
    // messages/s, and this measures hearth against the broker, not the broker's disk
    // (docs/benchmarks.md gives both). MOSQUITTO_AUTOSAVE=1 measures the demo's setting.
    const char* autosave = std::getenv("MOSQUITTO_AUTOSAVE");
    const std::string env =
        std::string("MOSQUITTO_AUTOSAVE=") + (autosave && *autosave ? autosave : "1000") + " ";
    if (std::system((env + Script() + " start " + dir_ + " >/dev/null").c_str()) != 0) {
      throw std::runtime_error("cannot start mosquitto (scripts/test-mosquitto.sh)");
    }
    std::ifstream(dir_ + "/url") >> url_;
    std::ifstream(dir_ + "/publisher-url") >> publisher_url_;
  }
  static std::string Script() { return HEARTH_SOURCE_DIR "/scripts/test-mosquitto.sh"; }
  std::string dir_, url_, publisher_url_;
};

std::string Rfc3339(int64_t t) {
  std::time_t local = static_cast<std::time_t>(t + 8 * 3600);
  std::tm tm{};
  gmtime_r(&local, &tm);
  char buf[40];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S+08:00", &tm);
  return buf;
}

// The messages of one round: reading `round * per_sensor + k` of every sensor, one per message,
// under `prefix` + sensor code. Each round has new timestamps, so nothing is a duplicate.
std::vector<std::pair<std::string, std::string>> Round(const std::string& prefix, int round,
                                                       int n) {
  std::vector<std::pair<std::string, std::string>> ms;
  ms.reserve(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) {
    int64_t step = int64_t{round} * (n / kSensors + 1) + i / kSensors;
    ms.emplace_back(prefix + "B-" + std::to_string(i % kSensors),
                    R"({"ts":")" + Rfc3339(kT0 + step * 60) + R"(","value":)" +
                        std::to_string(17 + i % 6) + "." + std::to_string(i % 10) + "}");
  }
  return ms;
}

// A sensor gateway publishing at QoS 1 over MQTT 5, written with adapters/mqtt's codec over a
// plain socket: it keeps as many publishes in flight as the broker's Receive Maximum allows and
// counts the PUBACKs. (A paho async client tops out near 11,000 publishes/s on this machine,
// below what the broker and hearth take, so it would measure itself.)
class Gateway {
 public:
  Gateway() {
    auto hp = hearth::adapters::mqtt::ParseMqttUrl(Broker::Get().publisher_url());
    addrinfo hints{};
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* ai = nullptr;
    if (!hp.ok() ||
        getaddrinfo(hp->host.c_str(), std::to_string(hp->port).c_str(), &hints, &ai) != 0) {
      throw std::runtime_error("gateway: bad broker url");
    }
    fd_ = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
    int rc = connect(fd_, ai->ai_addr, ai->ai_addrlen);
    freeaddrinfo(ai);
    if (rc != 0) throw std::runtime_error("gateway: cannot connect");
    int one = 1;
    setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    hearth::adapters::mqtt::ConnectOptions o;
    o.client_id = "bench-gateway-" + std::to_string(getpid());
    o.clean_start = true;
    o.session_expiry_s = 0;
    o.username = hp->username;
    o.password = hp->password;
    Write(hearth::adapters::mqtt::EncodeConnect(o));
    hearth::adapters::mqtt::Frame f = Next();
    auto connack = hearth::adapters::mqtt::DecodeConnack(f.body);
    if (f.type != hearth::adapters::mqtt::PacketType::kConnack || !connack.ok() ||
        connack->reason != 0) {
      throw std::runtime_error("gateway: connection refused");
    }
    in_.erase(0, f.size);
    in_flight_max_ = connack->receive_maximum.value_or(65535);
  }
  ~Gateway() {
    Write(hearth::adapters::mqtt::EncodeDisconnect());
    close(fd_);
  }
  uint16_t in_flight_max() const { return in_flight_max_; }

  void PublishAll(const std::vector<std::pair<std::string, std::string>>& ms) {
    size_t next = 0, in_flight = 0;
    std::string out;
    while (next < ms.size() || in_flight > 0) {
      out.clear();
      while (next < ms.size() && in_flight < in_flight_max_) {
        id_ = static_cast<uint16_t>(id_ % 65535 + 1);
        out += hearth::adapters::mqtt::EncodePublish(ms[next].first, ms[next].second, 1, id_);
        ++next;
        ++in_flight;
      }
      if (!out.empty()) Write(out);
      hearth::adapters::mqtt::Frame f = Next();
      do {
        auto ack = hearth::adapters::mqtt::DecodePuback(f.body);
        if (f.type != hearth::adapters::mqtt::PacketType::kPuback || !ack.ok() ||
            ack->reason >= 0x80) {
          throw std::runtime_error("gateway: publish refused");
        }
        --in_flight;
        in_.erase(0, f.size);
      } while (in_flight > 0 && TryNext(f));
    }
  }

 private:
  void Write(std::string_view data) {
    while (!data.empty()) {
      ssize_t n = send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
      if (n <= 0) throw std::runtime_error("gateway: write failed");
      data.remove_prefix(static_cast<size_t>(n));
    }
  }
  bool TryNext(hearth::adapters::mqtt::Frame& f) {
    auto r = hearth::adapters::mqtt::NextFrame(in_, 1u << 20);
    if (!r.ok()) throw std::runtime_error("gateway: malformed packet");
    if (!r->has_value()) return false;
    f = **r;
    return true;
  }
  hearth::adapters::mqtt::Frame Next() {
    hearth::adapters::mqtt::Frame f;
    while (!TryNext(f)) {
      char buf[65536];
      ssize_t n = recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) throw std::runtime_error("gateway: connection lost");
      in_.append(buf, static_cast<size_t>(n));
    }
    return f;
  }

  int fd_ = -1;
  std::string in_;
  uint16_t id_ = 0;
  uint16_t in_flight_max_ = 1;
};

// A hearth instance's MQTT ingest over a fresh SQLite database with kSensors sensors.
class Hearth {
 public:
  Hearth() {
    char tmpl[] = "/tmp/hearth-bench-db-XXXXXX";
    dir_ = mkdtemp(tmpl);
    const std::string db = dir_ + "/h.db";
    {
      auto conn = adapters::storage::Connect(db);
      if (!conn.ok() || !adapters::storage::Migrate(**conn).ok())
        throw std::runtime_error("migrate");
      adapters::storage::SqlRecordStore records(std::move(*conn));
      support::MakeSensorCity(records, "c1", kSensors, "B-");  // codes B-0 … B-99
    }
    auto store = adapters::storage::OpenReadingStore(db);
    if (!store.ok()) throw std::runtime_error("reading store: " + store.error().detail);
    store_ = std::move(*store);
    ingest_ = std::make_unique<services::IngestService>(*store_, clock_);
    mqtt_ingest_ = std::make_unique<app::runtime::MqttIngest>(*ingest_);
    hearth::adapters::mqtt::SubscriberOptions o;
    o.url = Broker::Get().url();
    o.client_id = "bench-hearth-" + std::to_string(getpid());
    o.topic_filter = "hearth/v1/readings/+";
    subscriber_ = std::make_unique<hearth::adapters::mqtt::Subscriber>(
        o, [this](std::span<const hearth::adapters::mqtt::Message> b) {
          return mqtt_ingest_->HandleBatch(b);
        });
    if (!subscriber_->Start().ok()) throw std::runtime_error("subscriber");
    while (!subscriber_->subscribed()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ~Hearth() {
    subscriber_.reset();
    std::filesystem::remove_all(dir_);
  }
  int64_t stored() const { return mqtt_ingest_->stats().accepted; }
  int64_t batches() const { return subscriber_->stats().batches; }

 private:
  std::string dir_;
  adapters::clock::SystemClock clock_;
  std::unique_ptr<ports::ReadingStore> store_;
  std::unique_ptr<services::IngestService> ingest_;
  std::unique_ptr<app::runtime::MqttIngest> mqtt_ingest_;
  std::unique_ptr<hearth::adapters::mqtt::Subscriber> subscriber_;
};

void WaitUntil(const std::function<bool()>& done) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (!done()) {
    if (std::chrono::steady_clock::now() > deadline) throw std::runtime_error("timed out");
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
}

void BM_MqttIngest(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  Hearth hearth;
  Gateway gateway;
  int round = 0;
  int64_t batches = hearth.batches();
  for (auto _ : state) {
    state.PauseTiming();
    auto ms = Round("hearth/v1/readings/", round++, n);
    int64_t target = hearth.stored() + n;
    state.ResumeTiming();
    gateway.PublishAll(ms);
    WaitUntil([&] { return hearth.stored() >= target; });
  }
  state.SetItemsProcessed(state.iterations() * n);
  state.counters["readings_per_commit"] =
      static_cast<double>(state.iterations() * n) / static_cast<double>(hearth.batches() - batches);
}
BENCHMARK(BM_MqttIngest)->Arg(20000)->Iterations(5)->Unit(benchmark::kMillisecond)->UseRealTime();

// The broker alone: a paho subscriber (MQTT 3.1.1, persistent session, QoS 1) that counts.
void BM_MqttIngest_Baseline(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  auto service = *hearth::adapters::mqtt::ParseMqttUrl(Broker::Get().url());
  ::mqtt::async_client sub("tcp://" + service.host + ":" + std::to_string(service.port),
                           "bench-sub-" + std::to_string(getpid()), 0, nullptr);
  std::atomic<int64_t> received{0};
  sub.set_message_callback([&](::mqtt::const_message_ptr) { ++received; });
  sub.connect(::mqtt::connect_options_builder()
                  .clean_session(false)
                  .user_name(*service.username)
                  .password(*service.password)
                  .finalize())
      ->wait();
  sub.subscribe("bench/v1/readings/+", 1)->wait();
  Gateway gateway;
  int round = 0;
  for (auto _ : state) {
    state.PauseTiming();
    auto ms = Round("bench/v1/readings/", round++, n);
    int64_t target = received + n;
    state.ResumeTiming();
    gateway.PublishAll(ms);
    WaitUntil([&] { return received >= target; });
  }
  state.SetItemsProcessed(state.iterations() * n);
  sub.disconnect()->wait();
}
BENCHMARK(BM_MqttIngest_Baseline)
    ->Arg(20000)
    ->Iterations(5)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
