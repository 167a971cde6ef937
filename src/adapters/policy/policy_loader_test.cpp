// The policy-profile loader: the shipped profiles load with the values of their documents, and a
// profile broken by one textual edit of policies/weihai.toml is rejected with the exact key, line
// and message of its problem (RULES.md: every number cites its source).
#include "adapters/policy/policy_loader.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

namespace hearth::adapters::policy {
namespace {

using rules::Channel;
using rules::PeriodUnit;

std::string ReadSource(const std::string& relative) {
  std::ifstream in(std::string(HEARTH_SOURCE_DIR) + "/" + relative, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot read " << relative;
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

::testing::AssertionResult Contains(const std::string& text, const std::string& part) {
  if (text.find(part) != std::string::npos) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "'" << text << "' does not contain '" << part << "'";
}

std::string Describe(const std::vector<PolicyProblem>& problems) {
  std::string out;
  for (const auto& p : problems) out += "\n  " + FormatProblem("weihai.toml", p);
  return out.empty() ? " (none)" : out;
}

// One textual edit of a profile. Line numbers are those of the unedited file.
struct Edit {
  enum class Kind { kReplace, kRemove, kAppend };
  Kind kind;
  int line;            // 1-based; unused for kAppend
  std::string expect;  // a fragment the original line must contain, so a drifting file fails loudly
  std::string text;    // the new line (kReplace, kAppend)
};

Edit Replace(int line, std::string expect, std::string text) {
  return {Edit::Kind::kReplace, line, std::move(expect), std::move(text)};
}
Edit Remove(int line, std::string expect) {
  return {Edit::Kind::kRemove, line, std::move(expect), {}};
}
Edit Append(std::string text) { return {Edit::Kind::kAppend, 0, {}, std::move(text)}; }

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Applies `edits` to `text`: replacements and removals from the bottom up (so each names a line of
// the original), then appends at the end.
std::string ApplyEdits(const std::string& text, std::vector<Edit> edits) {
  std::vector<std::string> lines = SplitLines(text);
  std::stable_sort(edits.begin(), edits.end(),
                   [](const Edit& a, const Edit& b) { return a.line > b.line; });
  for (const Edit& e : edits) {
    if (e.kind == Edit::Kind::kAppend) continue;
    if (e.line < 1 || static_cast<size_t>(e.line) > lines.size()) {
      ADD_FAILURE() << "no line " << e.line;
      continue;
    }
    auto at = lines.begin() + (e.line - 1);
    if (at->find(e.expect) == std::string::npos) {
      ADD_FAILURE() << "line " << e.line << " is '" << *at << "', expected it to contain '"
                    << e.expect << "'";
    }
    if (e.kind == Edit::Kind::kReplace) {
      *at = e.text;
    } else {
      lines.erase(at);
    }
  }
  for (const Edit& e : edits) {
    if (e.kind == Edit::Kind::kAppend) lines.push_back(e.text);
  }
  std::string out;
  for (const auto& line : lines) out += line + "\n";
  return out;
}

// --- The shipped profiles ------------------------------------------------------------------

TEST(PolicyLoaderTest, ShippedProfilesLoadWithoutProblems) {
  const struct {
    std::string file;
    std::string id;
  } kCases[] = {
      {"policies/weihai.toml", "weihai"},
      {"policies/zibo.toml", "zibo"},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.file);
    PolicyLoad load = ParsePolicy(ReadSource(c.file));
    EXPECT_TRUE(load.problems.empty()) << Describe(load.problems);
    ASSERT_TRUE(load.policy.has_value());
    EXPECT_EQ(load.policy->id, c.id);

    auto loaded = LoadPolicyFile(std::string(HEARTH_SOURCE_DIR) + "/" + c.file);
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    EXPECT_EQ(loaded->id, c.id);
  }
}

TEST(PolicyLoaderTest, WeihaiValues) {
  PolicyLoad load = ParsePolicy(ReadSource("policies/weihai.toml"));
  ASSERT_TRUE(load.policy.has_value()) << Describe(load.problems);
  const rules::Policy& p = *load.policy;

  EXPECT_EQ(p.id, "weihai");
  EXPECT_EQ(p.name, "Weihai urban heating service standard");
  EXPECT_EQ(p.city, "威海市 Weihai");

  // R-SEASON-1
  EXPECT_EQ(p.season.commissioning_start.value.month, 11u);
  EXPECT_EQ(p.season.commissioning_start.value.day, 8u);
  EXPECT_EQ(p.season.commissioning_start.basis.source, "W 6.1.1");
  EXPECT_FALSE(p.season.commissioning_start.basis.platform_default);
  EXPECT_EQ(p.season.official_start.value.month, 11u);
  EXPECT_EQ(p.season.official_start.value.day, 15u);
  EXPECT_TRUE(p.season.official_start.basis.platform_default);
  EXPECT_EQ(p.season.official_start.basis.Display(), "platform default (R-SEASON-1)");
  EXPECT_EQ(p.season.official_end.value.month, 3u);
  EXPECT_EQ(p.season.official_end.value.day, 15u);

  // R-TEMP-1..4
  EXPECT_EQ(p.temperature.guarantee.value, 180);
  EXPECT_EQ(p.temperature.guarantee.basis.source, "W 5.1");
  EXPECT_FALSE(p.temperature.guarantee.basis.platform_default);
  EXPECT_EQ(p.temperature.design_outdoor.value, -54);
  EXPECT_EQ(p.temperature.usage_rate.community_min.value, 30);
  EXPECT_EQ(p.temperature.usage_rate.partition_full.value, 70);
  EXPECT_EQ(p.temperature.usage_rate.partition_agreed_min.value, 30);
  EXPECT_EQ(p.temperature.usage_rate.partition_full.basis.source, "Z 2.2");
  EXPECT_TRUE(p.temperature.usage_rate.partition_full.basis.platform_default);
  EXPECT_EQ(p.temperature.sensor.valid_min.value, -100);
  EXPECT_EQ(p.temperature.sensor.valid_max.value, 450);
  EXPECT_EQ(p.temperature.sensor.min_hours.value, 20);
  EXPECT_EQ(p.temperature.manual.max_resolution.value, 1);
  EXPECT_EQ(p.temperature.manual.readings.value, 3);
  EXPECT_EQ(p.temperature.manual.gap_seconds.value, 180);
  EXPECT_EQ(p.temperature.manual.gap_seconds.basis.source, "W 5.4.5, W 5.4.6");
  EXPECT_FALSE(p.temperature.manual.gap_seconds.basis.platform_default);
  // A table with its own source inside a group overrides the group's basis.
  EXPECT_EQ(p.temperature.manual.gap_tolerance_seconds.value, 30);
  EXPECT_EQ(p.temperature.manual.gap_tolerance_seconds.basis.source, "R-TEMP-4");
  EXPECT_TRUE(p.temperature.manual.gap_tolerance_seconds.basis.platform_default);
  EXPECT_EQ(p.temperature.manual.height_cm.value, 150);

  // R-REFUND-1, 2
  ASSERT_EQ(p.refund.tiers.size(), 3u);
  EXPECT_EQ(p.refund.tiers[0].min_offset, -20);
  EXPECT_EQ(p.refund.tiers[0].share_percent, 20);
  EXPECT_EQ(p.refund.tiers[1].min_offset, -60);
  EXPECT_EQ(p.refund.tiers[1].share_percent, 50);
  EXPECT_FALSE(p.refund.tiers[2].min_offset.has_value());
  EXPECT_EQ(p.refund.tiers[2].share_percent, 100);
  EXPECT_EQ(p.refund.tiers_basis.source, "Z 2.4");
  EXPECT_TRUE(p.refund.tiers_basis.platform_default);
  EXPECT_EQ(p.refund.unheated_share_percent.value, 100);
  EXPECT_EQ(p.refund.outage_unheated_hours.value, 12);

  // R-SAMPLE-1, 2
  ASSERT_EQ(p.sampling.bands.size(), 3u);
  EXPECT_EQ(p.sampling.bands[0].max_area_m2, 1'000'000);
  EXPECT_EQ(p.sampling.bands[0].percent, 3);
  EXPECT_EQ(p.sampling.bands[1].max_area_m2, 5'000'000);
  EXPECT_EQ(p.sampling.bands[1].percent, 2);
  EXPECT_FALSE(p.sampling.bands[2].max_area_m2.has_value());
  EXPECT_EQ(p.sampling.bands[2].percent, 1);
  EXPECT_EQ(p.sampling.bands_basis.source, "W 5.4.2");
  EXPECT_EQ(p.sampling.position, (std::array<int, 3>{20, 30, 50}));
  EXPECT_EQ(p.sampling.orientation, (std::array<int, 2>{60, 40}));
  EXPECT_EQ(p.sampling.floor, (std::array<int, 3>{30, 30, 40}));
  EXPECT_EQ(p.sampling.shares_basis.source, "W 5.4.3");

  // R-WO-2..6, R-REPAIR-1, R-OUT-1, R-REFUND-6, R-INS-1, R-CONN-1
  const rules::DeadlinePolicy& d = p.deadlines;
  ASSERT_EQ(d.reply.size(), 9u);  // six hotline platforms and phone, web, hall
  const rules::Period& reply_city = d.reply.at(Channel::kCityHotline);
  EXPECT_EQ(reply_city.unit, PeriodUnit::kWorkingDays);
  EXPECT_EQ(reply_city.amount, 5);
  EXPECT_EQ(reply_city.basis.source, "W 10.1.4");
  EXPECT_FALSE(reply_city.basis.platform_default);
  EXPECT_EQ(d.reply.at(Channel::kUrgent).unit, PeriodUnit::kHours);
  EXPECT_EQ(d.reply.at(Channel::kUrgent).amount, 24);
  ASSERT_EQ(d.return_order.size(), 6u);
  EXPECT_EQ(d.return_order.at(Channel::kCityHotline).amount, 2);
  EXPECT_EQ(d.return_order.at(Channel::kOnReceipt).unit, PeriodUnit::kHours);
  EXPECT_EQ(d.return_order.at(Channel::kOnReceipt).amount, 2);
  EXPECT_EQ(d.return_order.at(Channel::kUrgent).unit, PeriodUnit::kImmediate);
  ASSERT_EQ(d.reply_extension.size(), 2u);
  EXPECT_EQ(d.reply_extension.at(Channel::kCityHotline).amount, 10);
  EXPECT_EQ(d.reply_extension.at(Channel::kProvincialHotline).amount, 5);
  EXPECT_EQ(d.response.unit, PeriodUnit::kMinutes);
  EXPECT_EQ(d.response.amount, 30);
  EXPECT_EQ(d.response_early_season.amount, 90);
  EXPECT_EQ(d.response_early_season.basis.note, "可延长一小时: 30 + 60 minutes");
  EXPECT_EQ(d.response_early_season_days.value, 15);
  EXPECT_EQ(d.return_visit.unit, PeriodUnit::kCalendarDays);
  EXPECT_EQ(d.return_visit.amount, 3);
  EXPECT_EQ(d.leak.unit, PeriodUnit::kHours);
  EXPECT_EQ(d.leak.amount, 1);
  EXPECT_EQ(d.arrival.unit, PeriodUnit::kMinutes);
  EXPECT_EQ(d.arrival.amount, 30);
  EXPECT_EQ(d.arrival.basis.source, "W 10.2.4 a)");
  EXPECT_EQ(d.outage_notice_lead.unit, PeriodUnit::kHours);
  EXPECT_EQ(d.outage_notice_lead.amount, 48);
  EXPECT_EQ(d.outage_notice_lead.basis.source, "Z 2.4");
  EXPECT_TRUE(d.outage_notice_lead.basis.platform_default);
  EXPECT_EQ(d.outage_notice_over_hours.value, 24);
  EXPECT_EQ(d.emergency_notice.amount, 1);
  EXPECT_EQ(d.refund_payment.value.month, 6u);
  EXPECT_EQ(d.refund_payment.value.day, 30u);
  EXPECT_EQ(d.insurance_payout.unit, PeriodUnit::kWorkingDays);
  EXPECT_EQ(d.insurance_payout.amount, 30);
  EXPECT_EQ(d.connection_application.value.month, 7u);
  EXPECT_EQ(d.connection_application.value.day, 31u);
  EXPECT_EQ(d.connection_with_outside_works.amount, 3);
  EXPECT_EQ(d.connection_without_outside_works.amount, 1);

  // R-KPI-*, per mille
  EXPECT_EQ(p.indicators.accident_rate_max.value, 2);
  EXPECT_EQ(p.indicators.repair_response_min.value, 1000);
  EXPECT_EQ(p.indicators.qualification_min.value, 990);
  EXPECT_EQ(p.indicators.process_satisfaction_min.value, 1000);
  EXPECT_EQ(p.indicators.result_satisfaction_min.value, 900);
  EXPECT_EQ(p.indicators.qualification_min.basis.source, "W 14.4 table 1");

  EXPECT_EQ(p.energy_reserve_days.value, 30);
  EXPECT_EQ(p.mass_complaint_count.value, 20);
  EXPECT_TRUE(p.mass_complaint_count.basis.platform_default);
  EXPECT_EQ(p.mass_complaint_window_hours.value, 24);

  // R-REG-1 subsidy weights: platform defaults, summing to 100.
  EXPECT_EQ(p.subsidy.accident_rate.value, 15);
  EXPECT_EQ(p.subsidy.qualification.value, 25);
  EXPECT_EQ(p.subsidy.complaint_rate.value, 10);
  EXPECT_EQ(p.subsidy.on_time_reply.value, 10);
  EXPECT_TRUE(p.subsidy.on_time_reply.basis.platform_default);
  EXPECT_EQ(p.subsidy.qualification.basis.source, "Z 4.3");
}

TEST(PolicyLoaderTest, ZiboValuesAndPlatformDefaults) {
  PolicyLoad load = ParsePolicy(ReadSource("policies/zibo.toml"));
  ASSERT_TRUE(load.policy.has_value()) << Describe(load.problems);
  const rules::Policy& p = *load.policy;

  EXPECT_EQ(p.id, "zibo");
  EXPECT_EQ(p.temperature.guarantee.value, 180);
  EXPECT_EQ(p.temperature.guarantee.basis.source, "Z 2.2");
  EXPECT_EQ(p.temperature.design_outdoor.value, -74);
  EXPECT_EQ(p.temperature.design_outdoor.basis.source, "GB 50736-2012 table A.0.1, Zibo");

  // What Zibo's own text sets is cited, not a default.
  const struct {
    const char* what;
    const rules::Basis& basis;
    std::string source;
    bool platform_default;
  } kBases[] = {
      {"season.official-start", p.season.official_start.basis, "Z 2.1", false},
      {"season.official-end", p.season.official_end.basis, "R-SEASON-1", true},
      {"deadlines.reply.city-hotline", p.deadlines.reply.at(Channel::kCityHotline).basis,
       "W 10.1.4", true},
      {"deadlines.return.urgent", p.deadlines.return_order.at(Channel::kUrgent).basis, "W 10.1.3",
       true},
      {"deadlines.return-visit", p.deadlines.return_visit.basis, "W 10.1.6", true},
      {"deadlines.outage-notice", p.deadlines.outage_notice_lead.basis, "Z 2.4", false},
      {"deadlines.connection-application", p.deadlines.connection_application.basis, "Z 2.3",
       false},
      {"temperature.usage-rate", p.temperature.usage_rate.partition_full.basis, "Z 2.2", false},
      {"temperature.manual", p.temperature.manual.readings.basis, "W 5.4.5, W 5.4.6", true},
      {"refund.unheated-share", p.refund.unheated_share_percent.basis, "Z 2.4", false},
      {"refund.temperature-tiers", p.refund.tiers_basis, "Z 2.4", false},
      {"sampling.rate", p.sampling.bands_basis, "W 5.4.2", true},
      {"sampling.shares", p.sampling.shares_basis, "W 5.4.3", true},
      {"indicators", p.indicators.result_satisfaction_min.basis, "W 14.4 table 1", true},
      {"other.energy-reserve-days", p.energy_reserve_days.basis, "W 6.2.2", true},
  };
  for (const auto& c : kBases) {
    SCOPED_TRACE(c.what);
    EXPECT_EQ(c.basis.source, c.source);
    EXPECT_EQ(c.basis.platform_default, c.platform_default);
  }

  const rules::Period& reply_city = p.deadlines.reply.at(Channel::kCityHotline);
  EXPECT_EQ(reply_city.unit, PeriodUnit::kWorkingDays);
  EXPECT_EQ(reply_city.amount, 5);
  EXPECT_EQ(reply_city.basis.Display(), "platform default (W 10.1.4)");
  EXPECT_EQ(p.deadlines.outage_notice_lead.amount, 48);
  EXPECT_EQ(p.deadlines.outage_notice_lead.basis.note, "提前2日通知");
  ASSERT_EQ(p.refund.tiers.size(), 3u);
  EXPECT_EQ(p.refund.tiers[1].min_offset, -60);
  EXPECT_EQ(p.refund.tiers[1].share_percent, 50);
  EXPECT_EQ(p.sampling.position, (std::array<int, 3>{20, 30, 50}));
  EXPECT_EQ(p.indicators.result_satisfaction_min.value, 900);
  EXPECT_EQ(p.mass_complaint_count.basis.note, "Z 3.4 names mass complaints without a number");
}

// --- Broken profiles -----------------------------------------------------------------------

struct ExpectedProblem {
  std::string key;      // exact
  int line;             // exact
  std::string message;  // a substring
};

struct BrokenCase {
  std::string name;
  std::vector<Edit> edits;
  std::vector<ExpectedProblem> problems;  // all of them, in file order
};

TEST(PolicyLoaderTest, BrokenProfilesReportKeyLineAndMessage) {
  const std::string weihai = ReadSource("policies/weihai.toml");
  ASSERT_TRUE(ParsePolicy(weihai).problems.empty());

  const BrokenCase kCases[] = {
      // Wrong types.
      {"string where an integer is expected",
       {Replace(29, "insurance-payout",
                R"(insurance-payout = { working-days = "30", source = "W 13.5" })")},
       {{"deadlines.insurance-payout.working-days", 29, "expected an integer, got a string"}}},
      {"string share",
       {Replace(120, "orientation", R"(orientation = { shade = "60", sun = 40 })")},
       {{"sampling.shares.orientation.shade", 120, "expected an integer, got a string"}}},
      {"float where an integer is expected",
       {Replace(82, "min-hours", "min-hours = 20.0")},
       {{"temperature.sensor.min-hours", 82, "expected an integer, got a float"}}},
      {"float days in an inline table",
       {Replace(132, "energy-reserve-days",
                R"(energy-reserve-days = { days = 30.5, source = "W 6.2.2" })")},
       {{"other.energy-reserve-days.days", 132, "expected an integer, got a float"}}},
      {"integer where a string is expected",
       {Replace(10, "id =", "id = 5")},
       {{"profile.id", 10, "expected a string, got an integer"}}},
      {"integer source of a group",
       {Replace(124, "source", "source = 14")},
       {{"indicators.source", 124, "expected a string, got an integer"}}},
      {"string where a temperature is expected",
       {Replace(65, "guarantee", R"(guarantee = { celsius = "18", source = "W 5.1" })")},
       {{"temperature.guarantee.celsius", 65, "expected a number, got a string"}}},
      {"string where a period table is expected",
       {Replace(42, "urgent", R"(urgent = "immediately")")},
       {{"deadlines.return.urgent", 42, "expected a table, got a string"}}},
      {"string default flag",
       {Replace(70, "default", R"(default = "yes")")},
       {{"temperature.usage-rate.default", 70, "expected a boolean, got a string"}}},

      // Missing keys: reported where their table begins.
      {"missing leak",
       {Remove(23, "leak =")},
       {{"deadlines.leak", 21, "missing key in [deadlines]"}}},
      {"missing reply city-hotline",
       {Remove(45, "city-hotline")},
       {{"deadlines.reply.city-hotline", 44, "missing key in [deadlines.reply]"}}},
      {"missing bare value of a group",
       {Remove(82, "min-hours")},
       {{"temperature.sensor.min-hours", 76, "missing key in [temperature.sensor]"}}},
      {"missing value of an inline table",
       {Replace(132, "energy-reserve-days", R"(energy-reserve-days = { source = "W 6.2.2" })")},
       {{"other.energy-reserve-days.days", 132, "missing key"}}},
      {"missing non-last tier bound",
       {Replace(105, "-6.0", "  { share-percent = 50 },")},
       {{"refund.temperature-tiers.tiers[1].min-offset-celsius", 105, "missing key"}}},
      {"renamed top-level table",
       {Replace(131, "[other]", "[others]")},
       {{"other", 1, "missing key"}, {"others", 131, "unknown key"}}},

      {"renamed sub-table of an implicit table",
       {Replace(117, "[sampling.shares]", "[sampling.share]")},
       {{"sampling.shares", 109, "missing key in [sampling]"},
        {"sampling.share", 117, "unknown key"}}},

      // Unknown keys.
      {"unknown top-level key", {Replace(8, "", "version = 2")}, {{"version", 8, "unknown key"}}},
      {"typo gurantee",
       {Replace(65, "guarantee", R"(gurantee = { celsius = 18.0, source = "W 5.1" })")},
       {{"temperature.guarantee", 64, "missing key in [temperature]"},
        {"temperature.gurantee", 65, "unknown key"}}},
      {"unknown key in an inline table",
       {Replace(23, "leak", R"(leak = { hours = 1, source = "W 10.2.3", defualt = true })")},
       {{"deadlines.leak.defualt", 23, "unknown key"}}},
      {"unknown key in a tier",
       {Replace(104, "-2.0", "  { min-offset-celsius = -2.0, share-percent = 20, cap = 1 },")},
       {{"refund.temperature-tiers.tiers[0].cap", 104, "unknown key"}}},
      {"appended unknown key",
       {Append("mass-complaint-area = 5")},
       {{"subsidy.mass-complaint-area", 147, "unknown key"}}},
      {"unknown reply channel",
       {Append("[deadlines.reply-extension.hotline]"), Append(R"(working-days = 3)")},
       {{"deadlines.reply-extension.hotline", 147, "unknown key"}}},

      // Sources.
      {"missing source of a group",
       {Remove(110, "source")},
       {{"sampling.rate.source", 109, "missing key in [sampling.rate]"}}},
      {"missing source of an inline table",
       {Replace(24, "arrival", "arrival = { minutes = 30 }")},
       {{"deadlines.arrival.source", 24, "missing key in [deadlines.arrival]"}}},
      {"bare value outside a group",
       {Replace(132, "energy-reserve-days", "energy-reserve-days = 30")},
       {{"other.energy-reserve-days", 132, "a bare value needs a `source`"}}},
      {"empty source",
       {Replace(132, "energy-reserve-days", R"(energy-reserve-days = { days = 30, source = "" })")},
       {{"other.energy-reserve-days.source", 132, "must name a clause"}}},

      {"value under the wrong unit key",
       {Replace(65, "guarantee", R"(guarantee = { value = 18.0, source = "W 5.1" })")},
       {{"temperature.guarantee.celsius", 65, "missing key in [temperature.guarantee]"},
        {"temperature.guarantee.value", 65, "unknown key"}}},
      {"period under a misspelt unit",
       {Replace(23, "leak", R"(leak = { hour = 1, source = "W 10.2.3" })")},
       {{"deadlines.leak", 23, "needs exactly one of"},
        {"deadlines.leak.hour", 23, "unknown key"}}},

      // Shares, tiers, bands.
      {"position shares sum to 90",
       {Replace(119, "position", "position = { near = 20, middle = 30, far = 40 }")},
       {{"sampling.shares.position", 119, "shares sum to 90, not 100"}}},
      {"floor shares sum to 110",
       {Replace(121, "floor", "floor = { upper = 30, middle = 40, lower = 40 }")},
       {{"sampling.shares.floor", 121, "shares sum to 110, not 100"}}},
      {"subsidy weights sum to 95",
       {Replace(140, "accident-rate-weight", "accident-rate-weight = 10")},
       {{"subsidy", 136, "weights sum to 95, not 100"}}},
      {"tier offsets out of order",
       {Replace(105, "-6.0", "  { min-offset-celsius = -1.0, share-percent = 50 },")},
       {{"refund.temperature-tiers.tiers[1].min-offset-celsius", 105, "offsets must decrease"}}},
      {"tier share not increasing",
       {Replace(105, "-6.0", "  { min-offset-celsius = -6.0, share-percent = 20 },")},
       {{"refund.temperature-tiers.tiers[1].share-percent", 105, "shares must increase"}}},
      {"last tier with an offset",
       {Replace(106, "share-percent = 100",
                "  { min-offset-celsius = -10.0, share-percent = 100 },")},
       {{"refund.temperature-tiers.tiers[2].min-offset-celsius", 106, "last tier"}}},
      {"positive tier offset",
       {Replace(104, "-2.0", "  { min-offset-celsius = 1.0, share-percent = 20 },")},
       {{"refund.temperature-tiers.tiers[0].min-offset-celsius", 104, "out of range"}}},
      {"no tiers",
       {Remove(104, "-2.0"), Remove(105, "-6.0"), Remove(106, "share-percent = 100")},
       {{"refund.temperature-tiers.tiers", 103, "expected a non-empty array of tables"}}},
      {"a tier that is not a table",
       {Replace(104, "-2.0", "  20,")},
       {{"refund.temperature-tiers.tiers[0]", 104, "expected a table, got an integer"}}},
      {"bands not increasing",
       {Replace(113, "5_000_000", "  { max-area-m2 = 500_000, percent = 2 },")},
       {{"sampling.rate.bands[1].max-area-m2", 113, "bands must be in increasing area"}}},
      {"last band with a bound",
       {Replace(114, "percent = 1", "  { max-area-m2 = 9_000_000, percent = 1 },")},
       {{"sampling.rate.bands[2].max-area-m2", 114, "covers every larger area"}}},

      // Periods.
      {"period with two units",
       {Replace(23, "leak", R"(leak = { hours = 1, minutes = 60, source = "W 10.2.3" })")},
       {{"deadlines.leak", 23, "has more than one unit"}}},
      {"period with no unit",
       {Replace(23, "leak", R"(leak = { source = "W 10.2.3" })")},
       {{"deadlines.leak", 23, "needs exactly one of: working-days, calendar-days, hours"}}},
      {"channel period with no unit",
       {Replace(45, "city-hotline", R"(city-hotline = { source = "W 10.1.4" })")},
       {{"deadlines.reply.city-hotline", 45, "needs exactly one of"}}},
      {"outage notice in working days",
       {Replace(25, "outage-notice",
                R"(outage-notice = { working-days = 2, source = "Z 2.4", default = true })")},
       {{"deadlines.outage-notice.working-days", 25, "unit working-days is not allowed here"}}},
      {"response in calendar days",
       {Replace(60, "normal", R"(normal = { calendar-days = 1, source = "W 10.1.4" })")},
       {{"deadlines.response.normal.calendar-days", 60, "not allowed"}}},
      {"immediate = false",
       {Replace(42, "urgent", R"(urgent = { immediate = false, source = "W 10.1.3" })")},
       {{"deadlines.return.urgent.immediate", 42, "immediate must be true"}}},
      {"zero working days",
       {Replace(37, "city-hotline", R"(city-hotline = { working-days = 0, source = "W 10.1.3" })")},
       {{"deadlines.return.city-hotline.working-days", 37, "0 is out of range"}}},

      // Dates.
      {"month-day 02-30",
       {Replace(28, "refund-payment", R"(refund-payment = { date = "02-30", source = "W 10.4" })")},
       {{"deadlines.refund-payment.date", 28, "'02-30' is not a month-day"}}},
      {"month-day 02-29",
       {Replace(
           30, "connection-application",
           R"(connection-application = { date = "02-29", source = "Z 2.3", default = true })")},
       {{"deadlines.connection-application.date", 30, "'02-29' is not a month-day"}}},
      {"month-day without padding",
       {Replace(28, "refund-payment", R"(refund-payment = { date = "6-30", source = "W 10.4" })")},
       {{"deadlines.refund-payment.date", 28, "'6-30' is not a month-day"}}},
      {"season of 17 days",
       {Replace(19, "official-end", R"(official-end = { date = "12-01", source = "R-SEASON-1" })")},
       {{"season.official-end", 19, "gives a season of 17 days; expected 30 to 300"}}},
      {"commissioning too early",
       {Replace(17, "commissioning-start",
                R"(commissioning-start = { date = "09-01", source = "W 6.1.1" })")},
       {{"season.commissioning-start", 17, "within the 60 days before the official start"}}},

      // Temperatures and rates.
      {"temperature with two decimals",
       {Replace(65, "guarantee", R"(guarantee = { celsius = 18.05, source = "W 5.1" })")},
       {{"temperature.guarantee.celsius", 65, "at most one decimal"}}},
      {"temperature out of range",
       {Replace(65, "guarantee", R"(guarantee = { celsius = 35.0, source = "W 5.1" })")},
       {{"temperature.guarantee.celsius", 65, "35.0 is out of range [5.0, 30.0]"}}},
      {"infinite temperature",
       {Replace(65, "guarantee", R"(guarantee = { celsius = inf, source = "W 5.1" })")},
       {{"temperature.guarantee.celsius", 65, "must be a finite number"}}},
      {"not-a-number temperature",
       {Replace(81, "valid-max-celsius", "valid-max-celsius = nan")},
       {{"temperature.sensor.valid-max-celsius", 81, "must be a finite number"}}},
      {"huge temperature",
       {Replace(65, "guarantee", R"(guarantee = { celsius = 1e20, source = "W 5.1" })")},
       {{"temperature.guarantee.celsius", 65, "1e+20 is out of range [5.0, 30.0]"}}},
      {"huge integer temperature",
       {Replace(81, "valid-max-celsius", "valid-max-celsius = 9_999_999_999")},
       {{"temperature.sensor.valid-max-celsius", 81, "9999999999 is out of range [-50.0, 80.0]"}}},
      {"valid-min >= valid-max",
       {Replace(81, "valid-max-celsius", "valid-max-celsius = -10.0")},
       {{"temperature.sensor.valid-max-celsius", 81, "must be above valid-min-celsius"}}},
      {"partition-agreed-min > partition-full",
       {Replace(74, "partition-agreed-min", "partition-agreed-min = 80")},
       {{"temperature.usage-rate.partition-agreed-min", 74, "must not exceed partition-full"}}},
      {"percent out of range",
       {Replace(127, "qualification-min-percent", "qualification-min-percent = 101")},
       {{"indicators.qualification-min-percent", 127, "out of range"}}},

      // Profile.
      {"profile id with capitals",
       {Replace(10, "id =", R"(id = "Weihai")")},
       {{"profile.id", 10, "lower-case letters, digits and '-'"}}},

      // TOML syntax: the one problem reported, at its line.
      {"TOML syntax error",
       {Replace(87, "closed-minutes", "closed-minutes = = 30")},
       {{"", 87, "TOML syntax"}}},
      {"TOML duplicate key", {Append("on-time-reply-weight = 5")}, {{"", 147, "TOML syntax"}}},

      // Several problems: all of them, in line order.
      {"two problems",
       {Replace(119, "position", "position = { near = 20, middle = 30, far = 40 }"),
        Replace(65, "guarantee", R"(guarantee = { celsius = 18.05, source = "W 5.1" })")},
       {{"temperature.guarantee.celsius", 65, "at most one decimal"},
        {"sampling.shares.position", 119, "shares sum to 90, not 100"}}},
      {"problems found late are still in line order",
       {Replace(8, "", "version = 2"), Remove(45, "city-hotline"),
        Replace(132, "energy-reserve-days", "energy-reserve-days = 30")},
       {{"version", 8, "unknown key"},
        {"deadlines.reply.city-hotline", 44, "missing key"},
        {"other.energy-reserve-days", 131, "a bare value needs a `source`"}}},
      {"a bad tier does not hide the next tier's order",
       {Replace(104, "-2.0", R"(  { min-offset-celsius = -2.0, share-percent = "20" },)"),
        Replace(105, "-6.0", "  { min-offset-celsius = -1.0, share-percent = 50 },")},
       {{"refund.temperature-tiers.tiers[0].share-percent", 104, "expected an integer"},
        {"refund.temperature-tiers.tiers[1].min-offset-celsius", 105, "offsets must decrease"}}},
      {"a bad name does not hide a bad id",
       {Replace(10, "id =", R"(id = "Weihai")"), Replace(11, "name =", "name = 5")},
       {{"profile.id", 10, "lower-case letters, digits and '-'"},
        {"profile.name", 11, "expected a string, got an integer"}}},
      {"a bad commissioning date does not hide a short season",
       {Replace(17, "commissioning-start",
                R"(commissioning-start = { date = "02-30", source = "W 6.1.1" })"),
        Replace(19, "official-end", R"(official-end = { date = "12-01", source = "R-SEASON-1" })")},
       {{"season.commissioning-start.date", 17, "'02-30' is not a month-day"},
        {"season.official-end", 19, "gives a season of 17 days"}}},
      {"a bad community rate does not hide agreed-min > full",
       {Replace(72, "community-min", "community-min = 30.0"),
        Replace(74, "partition-agreed-min", "partition-agreed-min = 80")},
       {{"temperature.usage-rate.community-min", 72, "expected an integer, got a float"},
        {"temperature.usage-rate.partition-agreed-min", 74, "must not exceed partition-full"}}},
      {"a bad min-hours does not hide valid-min >= valid-max",
       {Replace(81, "valid-max-celsius", "valid-max-celsius = -10.0"),
        Replace(82, "min-hours", "min-hours = 20.0")},
       {{"temperature.sensor.valid-max-celsius", 81, "must be above valid-min-celsius"},
        {"temperature.sensor.min-hours", 82, "expected an integer, got a float"}}},
      {"a bad band does not hide the next band's order",
       {Replace(112, "1_000_000", R"(  { max-area-m2 = 1_000_000, percent = "3" },)"),
        Replace(113, "5_000_000", "  { max-area-m2 = 500_000, percent = 2 },")},
       {{"sampling.rate.bands[0].percent", 112, "expected an integer"},
        {"sampling.rate.bands[1].max-area-m2", 113, "bands must be in increasing area"}}},
  };

  for (const BrokenCase& c : kCases) {
    SCOPED_TRACE(c.name);
    PolicyLoad load = ParsePolicy(ApplyEdits(weihai, c.edits));
    EXPECT_FALSE(load.policy.has_value());
    if (load.problems.size() != c.problems.size()) {
      ADD_FAILURE() << "expected " << c.problems.size() << " problem(s), got"
                    << Describe(load.problems);
      continue;
    }
    for (size_t i = 0; i < c.problems.size(); ++i) {
      SCOPED_TRACE("problem " + std::to_string(i) + ":" + Describe({load.problems[i]}));
      EXPECT_EQ(load.problems[i].key, c.problems[i].key);
      EXPECT_EQ(load.problems[i].line, c.problems[i].line);
      EXPECT_GE(load.problems[i].column, 1);
      EXPECT_TRUE(Contains(load.problems[i].message, c.problems[i].message));
    }
  }
}

TEST(PolicyLoaderTest, EmptyProfileMissesEveryTable) {
  PolicyLoad load = ParsePolicy("");
  EXPECT_FALSE(load.policy.has_value());
  const char* kTables[] = {"profile",  "season",     "deadlines", "temperature", "refund",
                           "sampling", "indicators", "other",     "subsidy"};
  ASSERT_EQ(load.problems.size(), std::size(kTables)) << Describe(load.problems);
  for (size_t i = 0; i < std::size(kTables); ++i) {
    SCOPED_TRACE(kTables[i]);
    EXPECT_EQ(load.problems[i].key, kTables[i]);
    EXPECT_EQ(load.problems[i].line, 1);
    EXPECT_EQ(load.problems[i].column, 1);
    EXPECT_EQ(load.problems[i].message, "missing key");
  }
}

// --- LoadPolicyFile ------------------------------------------------------------------------

class LoadPolicyFileTest : public ::testing::Test {
 protected:
  std::filesystem::path Write(const std::string& name, const std::string& text) {
    std::filesystem::path path = std::filesystem::path(::testing::TempDir()) / name;
    std::ofstream(path, std::ios::binary) << text;
    written_.push_back(path);
    return path;
  }
  void TearDown() override {
    for (const auto& p : written_) std::filesystem::remove(p);
  }

  const std::string weihai_ = ReadSource("policies/weihai.toml");

 private:
  std::vector<std::filesystem::path> written_;
};

TEST_F(LoadPolicyFileTest, ErrorIsFileLineColumnKeyMessage) {
  // `insurance-payout = { working-days = ` is 36 characters: the value starts in column 37.
  auto path = Write("hearth-policy-type.toml",
                    ApplyEdits(weihai_, {Replace(29, "insurance-payout",
                                                 R"(insurance-payout = { working-days = "30", )"
                                                 R"(source = "W 13.5" })")}));
  auto loaded = LoadPolicyFile(path);
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(loaded.error().message,
            path.string() +
                ":29:37: deadlines.insurance-payout.working-days: expected an integer, got a "
                "string");
}

TEST_F(LoadPolicyFileTest, ListsEveryProblemOnePerLineInOrder) {
  auto path = Write(
      "hearth-policy-two.toml",
      ApplyEdits(
          weihai_,
          {Replace(119, "position", "position = { near = 20, middle = 30, far = 40 }"),
           Replace(65, "guarantee", R"(guarantee = { celsius = 18.05, source = "W 5.1" })")}));
  auto loaded = LoadPolicyFile(path);
  ASSERT_FALSE(loaded.ok());
  // `guarantee = { celsius = ` is 24 characters; `position = ` is 11.
  EXPECT_EQ(loaded.error().message,
            path.string() +
                ":65:25: temperature.guarantee.celsius: must have at most one decimal (tenths of "
                "a degree)\n" +
                path.string() + ":119:12: sampling.shares.position: shares sum to 90, not 100");
}

TEST_F(LoadPolicyFileTest, SyntaxErrorHasNoKey) {
  auto path = Write("hearth-policy-syntax.toml",
                    ApplyEdits(weihai_, {Replace(87, "closed-minutes", "closed-minutes = = 30")}));
  auto loaded = LoadPolicyFile(path);
  ASSERT_FALSE(loaded.ok());
  const std::string& message = loaded.error().message;
  EXPECT_EQ(message.rfind(path.string() + ":87:", 0), 0u) << message;
  EXPECT_TRUE(Contains(message, ": TOML syntax: ")) << message;
  EXPECT_EQ(message.find('\n'), std::string::npos) << message;
}

TEST_F(LoadPolicyFileTest, UnreadableFile) {
  auto loaded = LoadPolicyFile(std::filesystem::path(::testing::TempDir()) / "no-such-policy.toml");
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error().code, ErrorCode::kInvalidArgument);
  EXPECT_TRUE(Contains(loaded.error().message, "cannot read policy file"));
}

TEST(FormatProblemTest, Table) {
  const struct {
    PolicyProblem problem;
    std::string want;
  } kCases[] = {
      {{3, 7, "profile.id", "expected a string"}, "f.toml:3:7: profile.id: expected a string"},
      {{84, 18, "", "TOML syntax: oops"}, "f.toml:84:18: TOML syntax: oops"},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.want);
    EXPECT_EQ(FormatProblem("f.toml", c.problem), c.want);
  }
}

}  // namespace
}  // namespace hearth::adapters::policy
