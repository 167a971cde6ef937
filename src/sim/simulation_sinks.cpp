#include "sim/simulation_sinks.hpp"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <mqtt/async_client.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include <cstdlib>

#include "adapters/mqtt/mqtt_url.hpp"

namespace hearth::sim {
namespace {

// The simulated city's outdoor means play the meteorological bureau's data, which the regulator
// imports (issue 11); the audit log names them so.
constexpr const char* kWeatherActor = "simulator:meteorological-data";

// The readings as JSON objects without the sensor (MQTT: the topic names it).
std::string Payload(const std::vector<ports::IncomingReading>& readings, size_t begin, size_t end,
                    bool with_sensor) {
  std::string out = "[";
  for (size_t i = begin; i < end; ++i) {
    const auto& r = readings[i];
    if (i > begin) out += ',';
    out += '{';
    if (with_sensor) out += "\"sensor\":" + nlohmann::json(r.sensor).dump() + ',';
    // The value is already decimal text ("18.2"): a JSON number as it stands.
    out += "\"ts\":\"" + r.ts + "\",\"value\":" + r.value + '}';
  }
  return out + "]";
}

class MqttSink final : public sim::SimulationSink {
 public:
  MqttSink(const adapters::mqtt::MqttUrl& url, std::string ca_file,
           ports::MonitoringStore& monitoring)
      : url_(url),
        ca_file_(std::move(ca_file)),
        client_(std::string(url.tls ? "ssl://" : "tcp://") +
                    (url.host.find(':') != std::string::npos ? "[" + url.host + "]" : url.host) +
                    ":" + std::to_string(url.port),
                "hearth-simulator-" + std::to_string(getpid()), kMaxBuffered, nullptr),
        monitoring_(monitoring) {}

  Status Connect() {
    try {
      auto opts = ::mqtt::connect_options_builder().clean_session(true).finalize();
      if (url_.username) opts.set_user_name(*url_.username);
      if (url_.password) opts.set_password(*url_.password);
      if (url_.tls) {
        auto ssl = ::mqtt::ssl_options_builder();
        if (!ca_file_.empty()) ssl.trust_store(ca_file_);
        opts.set_ssl(ssl.finalize());
      }
      client_.connect(opts)->wait();
    } catch (const std::exception& e) {
      return Error::Unavailable("cannot connect to the MQTT broker", e.what());
    }
    return OkStatus();
  }
  ~MqttSink() override {
    try {
      if (client_.is_connected()) client_.disconnect()->wait();
    } catch (...) {
    }
  }

  Status SendReadings(const std::vector<ports::IncomingReading>& readings) override {
    try {
      std::vector<::mqtt::delivery_token_ptr> tokens;
      for (size_t begin = 0; begin < readings.size();) {
        size_t end = begin;
        while (end < readings.size() && readings[end].sensor == readings[begin].sensor) ++end;
        const std::string payload = Payload(readings, begin, end, false);
        tokens.push_back(client_.publish("hearth/v1/readings/" + readings[begin].sensor,
                                         payload.data(), payload.size(), 1, false));
        if (tokens.size() >= kMaxBuffered / 2) {
          if (!Acknowledged(tokens)) return Lost();
          tokens.clear();
        }
        begin = end;
      }
      if (!Acknowledged(tokens)) return Lost();
    } catch (const std::exception& e) {
      return Error::Unavailable("publishing to the MQTT broker failed", e.what());
    }
    return OkStatus();
  }
  Status SendOutdoorMeans(const std::vector<ports::OutdoorMean>& means) override {
    return monitoring_.PutOutdoorMeans(means, kWeatherActor);
  }

 private:
  // Whether the broker acknowledged every publish in time. paho's unbounded wait() never returns
  // when the broker goes away mid-batch (no automatic reconnect), which hung `hearth demo`'s stop.
  static bool Acknowledged(const std::vector<::mqtt::delivery_token_ptr>& tokens) {
    for (const auto& t : tokens) {
      if (!t->wait_for(std::chrono::seconds(30))) return false;
    }
    return true;
  }
  static Error Lost() {
    return Error::Unavailable("publishing to the MQTT broker failed",
                              "no acknowledgement within 30 s");
  }

  static constexpr int kMaxBuffered = 1000;
  adapters::mqtt::MqttUrl url_;
  std::string ca_file_;
  ::mqtt::async_client client_;
  ports::MonitoringStore& monitoring_;
};

class HttpSink final : public sim::SimulationSink {
 public:
  HttpSink(std::string host, std::string port, ports::MonitoringStore& monitoring)
      : host_(std::move(host)), port_(std::move(port)), monitoring_(monitoring) {}

  Result<std::string> Post(const std::string& target, const std::string& body) {
    namespace beast = boost::beast;
    namespace bhttp = beast::http;
    try {
      boost::asio::io_context io;
      boost::asio::ip::tcp::resolver resolver(io);
      beast::tcp_stream stream(io);
      stream.connect(resolver.resolve(host_, port_));
      bhttp::request<bhttp::string_body> req{bhttp::verb::post, target, 11};
      req.set(bhttp::field::host, host_);
      req.set(bhttp::field::content_type, "application/json");
      if (!token_.empty()) req.set(bhttp::field::authorization, "Bearer " + token_);
      req.body() = body;
      req.prepare_payload();
      bhttp::write(stream, req);
      beast::flat_buffer buffer;
      bhttp::response<bhttp::string_body> res;
      bhttp::read(stream, buffer, res);
      if (res.result_int() == 401) {
        Error refused = Error::Unauthenticated("the server refused the login");
        refused.detail = res.body();
        return refused;
      }
      if (res.result_int() >= 300) {
        return Error::Unavailable("the server answered " + std::to_string(res.result_int()) +
                                      " to " + target,
                                  res.body());
      }
      return res.body();
    } catch (const std::exception& e) {
      return Error::Unavailable("cannot reach the server at " + host_ + ":" + port_, e.what());
    }
  }

  Status Login(const std::string& username, const std::string& password) {
    auto body = Post("/api/v1/auth/login",
                     nlohmann::json{{"username", username}, {"password", password}}.dump());
    if (!body.ok()) return body.error();
    auto j = nlohmann::json::parse(*body, nullptr, false);
    if (!j.is_object() || !j.contains("token")) return Error::Internal("login answered no token");
    token_ = j["token"].get<std::string>();
    return OkStatus();
  }

  Status SendReadings(const std::vector<ports::IncomingReading>& readings) override {
    constexpr size_t kBatch = 5000;
    for (size_t begin = 0; begin < readings.size(); begin += kBatch) {
      auto r = Post("/api/v1/readings",
                    Payload(readings, begin, std::min(readings.size(), begin + kBatch), true));
      if (!r.ok()) return r.error();
    }
    return OkStatus();
  }
  Status SendOutdoorMeans(const std::vector<ports::OutdoorMean>& means) override {
    return monitoring_.PutOutdoorMeans(means, kWeatherActor);
  }

 private:
  std::string host_, port_, token_;
  ports::MonitoringStore& monitoring_;
};

}  // namespace

Status InProcessSink::SendReadings(const std::vector<ports::IncomingReading>& readings) {
  auto report = ingest_.Ingest(readings, {}, "sim");
  if (!report.ok()) return report.error();
  return OkStatus();
}

Status InProcessSink::SendOutdoorMeans(const std::vector<ports::OutdoorMean>& means) {
  return monitoring_.PutOutdoorMeans(means, kWeatherActor);
}

Result<std::unique_ptr<sim::SimulationSink>> MakeMqttSink(const std::string& url,
                                                               const std::string& ca_file,
                                                               ports::MonitoringStore& monitoring) {
  auto parsed = adapters::mqtt::ParseMqttUrl(url);
  if (!parsed.ok()) return parsed.error();
  if (auto s = adapters::mqtt::ResolveMqttPassword(*parsed, "", std::getenv("HEARTH_MQTT_PASSWORD"));
      !s.ok()) {
    return s.error();
  }
  auto sink = std::make_unique<MqttSink>(*parsed, ca_file, monitoring);
  if (auto s = sink->Connect(); !s.ok()) return s.error();
  return std::unique_ptr<sim::SimulationSink>(std::move(sink));
}

Result<std::unique_ptr<sim::SimulationSink>> MakeHttpSink(const std::string& base_url,
                                                               const std::string& username,
                                                               const std::string& password,
                                                               ports::MonitoringStore& monitoring) {
  const std::string prefix = "http://";
  if (base_url.rfind(prefix, 0) != 0) {
    return Error::InvalidArgument("--http must be http://HOST:PORT", "http");
  }
  std::string rest = base_url.substr(prefix.size());
  if (auto slash = rest.find('/'); slash != std::string::npos) rest.resize(slash);
  const size_t colon = rest.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == rest.size()) {
    return Error::InvalidArgument("--http must be http://HOST:PORT", "http");
  }
  auto sink = std::make_unique<HttpSink>(rest.substr(0, colon), rest.substr(colon + 1), monitoring);
  if (auto s = sink->Login(username, password); !s.ok()) return s.error();
  return std::unique_ptr<sim::SimulationSink>(std::move(sink));
}

}  // namespace hearth::sim
