// The deadline engine: reply deadlines (5 working days on the holiday calendar), against a
// baseline that counts 5 Mon–Fri days with no calendar lookup.
#include <benchmark/benchmark.h>

#include "adapters/json/calendar_json.hpp"
#include "adapters/policy/policy_loader.hpp"
#include "rules/deadline.hpp"

namespace {

using namespace hearth;  // NOLINT

const rules::Policy& Weihai() {
  static const rules::Policy p =
      *adapters::policy::LoadPolicyFile(HEARTH_SOURCE_DIR "/policies/weihai.toml");
  return p;
}

const rules::HolidayCalendar& Calendar() {
  static const rules::HolidayCalendar c =
      *rules::HolidayCalendar::Create(adapters::json::EmbeddedCalendarFile().years);
  return c;
}

Instant Start() { return *ParseRfc3339("2024-01-01T09:00:00+08:00"); }

void BM_ReplyDeadline(benchmark::State& state) {
  rules::DeadlineRequest req{rules::DeadlineRule::kReply, rules::Channel::kCityHotline, Start(),
                             false};
  int64_t n = 0;
  for (auto _ : state) {
    req.from = Start() + std::chrono::hours{(n++ * 7) % (24 * 365 * 2)};
    auto a = rules::ComputeDeadline(Weihai(), Calendar(), req);
    benchmark::DoNotOptimize(a);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ReplyDeadline);

void BM_ReplyDeadline_Baseline(benchmark::State& state) {
  int64_t n = 0;
  for (auto _ : state) {
    Instant from = Start() + std::chrono::hours{(n++ * 7) % (24 * 365 * 2)};
    Date d = LocalDate(from);
    for (int counted = 0; counted < 5;) {
      d += std::chrono::days{1};
      if (!IsWeekend(d)) ++counted;
    }
    benchmark::DoNotOptimize(EndOfLocalDay(d));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ReplyDeadline_Baseline);

}  // namespace
