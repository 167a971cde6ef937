#include "adapters/http/metrics.hpp"

#include <fmt/format.h>

namespace hearth::adapters::http {

void MetricsText::Family(std::string_view name, std::string_view type, std::string_view help) {
  out_ += fmt::format("# HELP {} {}\n# TYPE {} {}\n", name, help, name, type);
}

void MetricsText::Sample(std::string_view name, std::string_view labels, double value) {
  out_ += fmt::format("{}{} {}\n", name, labels, value);
}

std::string LabelValue(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    if (c == '\\' || c == '"') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

void HttpMetrics::Observe(std::string_view method, std::string_view route, unsigned status,
                          double seconds) {
  size_t bucket = 0;
  while (bucket < kBuckets.size() && seconds > kBuckets[bucket]) ++bucket;
  std::lock_guard lock(mu_);
  Series& s = series_[{std::string(method), route.empty() ? "unmatched" : std::string(route)}];
  ++s.by_status[status];
  if (bucket < kBuckets.size()) ++s.buckets[bucket];
  ++s.count;
  s.sum += seconds;
}

void HttpMetrics::Render(MetricsText& text) const {
  std::lock_guard lock(mu_);
  text.Family("hearth_http_requests_total", "counter", "HTTP requests answered, by status");
  for (const auto& [key, s] : series_) {
    for (const auto& [status, n] : s.by_status) {
      text.Sample("hearth_http_requests_total",
                  fmt::format(R"({{method="{}",route="{}",status="{}"}})", LabelValue(key.first),
                              LabelValue(key.second), status),
                  static_cast<double>(n));
    }
  }
  text.Family("hearth_http_request_duration_seconds", "histogram",
              "Time from a request's arrival at the router to its answer");
  for (const auto& [key, s] : series_) {
    const std::string labels =
        fmt::format(R"(method="{}",route="{}")", LabelValue(key.first), LabelValue(key.second));
    uint64_t cumulative = 0;
    for (size_t i = 0; i < kBuckets.size(); ++i) {
      cumulative += s.buckets[i];
      text.Sample("hearth_http_request_duration_seconds_bucket",
                  fmt::format(R"({{{},le="{}"}})", labels, kBuckets[i]),
                  static_cast<double>(cumulative));
    }
    text.Sample("hearth_http_request_duration_seconds_bucket",
                fmt::format(R"({{{},le="+Inf"}})", labels), static_cast<double>(s.count));
    text.Sample("hearth_http_request_duration_seconds_sum", "{" + labels + "}", s.sum);
    text.Sample("hearth_http_request_duration_seconds_count", "{" + labels + "}",
                static_cast<double>(s.count));
  }
}

}  // namespace hearth::adapters::http
