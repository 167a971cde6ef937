// hearth_bench: runs every benchmark, then prints each figure beside its baseline.
//
// Convention: a benchmark `BM_X` is compared with `BM_X_Baseline`, run in the same process on
// the same data; both report items/s (state.SetItemsProcessed). The summary prints both rates
// and their ratio, so a figure is never shown without what it was measured against. Figures in
// other units are counters of one run: `X` beside `X_Baseline` (bench/memory_bench.cpp).
#include <benchmark/benchmark.h>

#include <cstdio>
#include <map>
#include <string>
#include <vector>

namespace {

class RatioReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& run : runs) {
      if (run.error_occurred || run.run_type != Run::RT_Iteration) continue;
      // A run may also carry counter pairs X and X_Baseline (memory, for instance).
      for (const auto& [name, counter] : run.counters) {
        auto b = run.counters.find(name + "_Baseline");
        if (b != run.counters.end()) {
          pairs_.push_back({WithoutIterations(run.benchmark_name()) + " " + name, counter.value,
                            b->second.value});
        }
      }
      auto it = run.counters.find("items_per_second");
      if (it != run.counters.end()) rates_[WithoutIterations(run.benchmark_name())] = it->second.value;
    }
    ConsoleReporter::ReportRuns(runs);
  }

  void PrintSummary() const {
    std::printf("\n%-52s %16s %16s %8s\n", "figure (items/s)", "measured", "baseline", "ratio");
    for (const auto& [name, rate] : rates_) {
      const std::string suffix = "_Baseline";
      const std::string head = name.substr(0, name.find('/'));  // BM_X_Baseline/1000 too
      if (head.size() > suffix.size() &&
          head.compare(head.size() - suffix.size(), suffix.size(), suffix) == 0) {
        continue;
      }
      // A name may carry arguments: BM_X/1000 pairs with BM_X_Baseline/1000.
      size_t slash = name.find('/');
      std::string base = slash == std::string::npos
                             ? name + suffix
                             : name.substr(0, slash) + suffix + name.substr(slash);
      auto b = rates_.find(base);
      if (b == rates_.end()) {
        std::printf("%-52s %16.0f %16s %8s\n", name.c_str(), rate, "(none)", "-");
      } else {
        std::printf("%-52s %16.0f %16.0f %8.3f\n", name.c_str(), rate, b->second,
                    rate / b->second);
      }
    }
    if (pairs_.empty()) return;
    std::printf("\n%-52s %16s %16s %8s\n", "figure (counter)", "measured", "baseline", "ratio");
    for (const auto& p : pairs_) {
      std::printf("%-52s %16.1f %16.1f %8.3f\n", p.name.c_str(), p.value, p.baseline,
                  p.value / p.baseline);
    }
  }

 private:
  // "BM_X/iterations:1/real_time" -> "BM_X/real_time": a figure that can run only once (it
  // consumes its input) still pairs with a baseline run several times.
  static std::string WithoutIterations(std::string name) {
    const std::string mark = "/iterations:";
    if (size_t at = name.find(mark); at != std::string::npos) {
      size_t end = name.find('/', at + 1);
      name.erase(at, end == std::string::npos ? std::string::npos : end - at);
    }
    return name;
  }

  struct Pair {
    std::string name;
    double value, baseline;
  };
  std::map<std::string, double> rates_;
  std::vector<Pair> pairs_;
};

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  reporter.PrintSummary();
  benchmark::Shutdown();
  return 0;
}
