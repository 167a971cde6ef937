// Figures for Prometheus (issue 12, finding 11), in its text exposition format 0.0.4
// (https://prometheus.io/docs/instrumenting/exposition_formats/): requests by route and status,
// with latency histograms, and any counter or gauge the service adds when it renders.
//
// Contract: Observe is thread-safe and cheap (one short lock); labels are route patterns
// ("/api/v1/households/{id}"), never paths, so the series stay bounded whatever clients send.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

namespace hearth::adapters::http {

/// The text format's writer: HELP and TYPE once per family, then its samples.
class MetricsText {
 public:
  /// Starts a family; `type` is "counter", "gauge" or "histogram".
  void Family(std::string_view name, std::string_view type, std::string_view help);
  /// One sample; `labels` is already formatted ({method="GET",route="/x"}) or empty.
  void Sample(std::string_view name, std::string_view labels, double value);
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

/// A label value with \, " and newlines escaped, as the format requires.
std::string LabelValue(std::string_view value);

class HttpMetrics {
 public:
  /// Upper bounds of the latency buckets, in seconds (+Inf is implied).
  static constexpr std::array<double, 11> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                      0.1,   0.25,   0.5,   1.0,  2.5};

  /// One answered request. `route` is the matched pattern, "" when no route matched.
  void Observe(std::string_view method, std::string_view route, unsigned status, double seconds);

  /// hearth_http_requests_total{method,route,status} and
  /// hearth_http_request_duration_seconds{method,route} (histogram).
  void Render(MetricsText& text) const;

 private:
  struct Series {
    std::map<unsigned, uint64_t> by_status;
    std::array<uint64_t, kBuckets.size()> buckets{};  // not cumulative; Render sums
    uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mu_;
  std::map<std::pair<std::string, std::string>, Series> series_;  // (method, route)
};

}  // namespace hearth::adapters::http
