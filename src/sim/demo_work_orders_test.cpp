// ctest-labels: unit
// The demo city's work orders (sim/demo_work_orders) on SQLite, through the real service and
// stores: at a "now" in the middle of the 2025-2026 season, after it (into the next season's
// first weeks), and out of season. Every channel and every kind of life (late, returned,
// extended, second complaints, duplicates, open ones near now); every closed order visited or
// returned; counts within bounds; the same seed gives the same orders.
#include "sim/demo_work_orders.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <set>

#include "adapters/json/calendar_json.hpp"
#include "adapters/storage/migrations.hpp"
#include "adapters/storage/monitoring_store_sql.hpp"
#include "adapters/storage/record_store_sql.hpp"
#include "adapters/storage/work_order_sql.hpp"
#include "services/calendar_service.hpp"
#include "services/judging_service.hpp"
#include "sim/demo_city.hpp"
#include "support/test_database.hpp"
#include "support/test_policies.hpp"

namespace hearth::sim {
namespace {

using support::Engine;

Instant T(const char* text) { return *ParseRfc3339(text); }

const services::PolicyRegistry& Policies() {
  static const services::PolicyRegistry registry = *support::LoadPolicies();
  return registry;
}

constexpr int64_t kHouseholds = 1000;  // a twentieth of the demo's
constexpr int64_t kPerSeason = 300;

// A demo city of kHouseholds households on SQLite, with the work-order service over it; its
// clock stands at `now`.
class City {
 public:
  City(uint64_t seed, Instant now) : db_(Engine::kSqlite), clock_(now) {
    auto conn = adapters::storage::Connect(db_.url());
    EXPECT_TRUE(conn.ok());
    EXPECT_TRUE(adapters::storage::Migrate(**conn).ok());
    records_ = std::make_unique<adapters::storage::SqlRecordStore>(std::move(*conn));
    orders_ = std::make_unique<adapters::storage::SqlWorkOrderStore>(
        adapters::storage::Connect(db_.url()).value());
    monitoring_ = std::make_unique<adapters::storage::SqlMonitoringStore>(
        adapters::storage::Connect(db_.url()).value());
    query_ = adapters::storage::Connect(db_.url()).value();
    calendar_ = std::make_unique<services::CalendarService>(adapters::json::EmbeddedCalendarFile(),
                                                            /*store=*/nullptr);
    judging_ =
        std::make_unique<services::JudgingService>(*monitoring_, *records_, Policies(), nullptr);
    service_ = std::make_unique<services::WorkOrderService>(*orders_, *records_, *judging_,
                                                            Policies(), *calendar_, clock_);
    DemoOptions o;
    o.seed = seed;
    o.season = 2025;
    o.min_households = kHouseholds;
    auto city = GenerateDemoCity(*records_, Policies(), nullptr, o);
    EXPECT_TRUE(city.ok()) << city.error().message;
  }

  Result<DemoOrderSummary> Generate(uint64_t seed, int64_t per_season = kPerSeason) {
    DemoOrderOptions o;
    o.seed = seed;
    o.season = 2025;
    o.now = clock_.Now();
    o.per_season = per_season;
    return GenerateDemoWorkOrders(*records_, Policies(), *service_, o);
  }

  adapters::storage::Rows Sql(const std::string& sql) {
    auto rows = query_->Query(sql);
    EXPECT_TRUE(rows.ok()) << sql << ": " << rows.error().detail;
    return rows.ok() ? *rows : adapters::storage::Rows{};
  }
  int64_t Int(const std::string& sql) { return Sql(sql).Int(0, 0); }
  std::string Dump(const std::string& sql) {
    std::string out;
    auto rows = Sql(sql);
    for (size_t r = 0; r < rows.rows.size(); ++r) {
      for (size_t c = 0; c < rows.columns.size(); ++c) out += rows.Text(r, c) + "|";
      out += "\n";
    }
    return out;
  }

  const services::WorkOrderService& service() { return *service_; }

 private:
  support::TestDatabase db_;
  ports::ManualClock clock_;
  std::unique_ptr<adapters::storage::SqlRecordStore> records_;
  std::unique_ptr<adapters::storage::SqlWorkOrderStore> orders_;
  std::unique_ptr<adapters::storage::SqlMonitoringStore> monitoring_;
  std::unique_ptr<adapters::storage::Connection> query_;
  std::unique_ptr<services::CalendarService> calendar_;
  std::unique_ptr<services::JudgingService> judging_;
  std::unique_ptr<services::WorkOrderService> service_;
};

struct Case {
  const char* what;
  const char* now;
  int64_t min_orders, max_orders;  // bounds, from the daily rates (see the header)
  int64_t max_open;
  int open_within_days;  // every open order was received this close to now
};

// kPerSeason = 300 orders in a whole official period, plus 5% second complaints.
const Case kCases[] = {
    // 2025-11-15 .. 2026-01-20: the doubled first two weeks, the cold spells of midwinter: about
    // 60% of the season's orders.
    {"in the season", "2026-01-20T15:00:00+08:00", 140, 240, 30, 30},
    // The whole season, the summer's trickle, and the next season's commissioning week and first
    // 18 days (about 137%).
    {"after the season, into the next", "2026-12-02T18:00:00+08:00", 330, 500, 40, 30},
    // The whole season and the summer's trickle (about 105%); the recent orders of the last two
    // days open.
    {"out of season", "2026-06-10T11:00:00+08:00", 260, 380, 12, 3},
};

TEST(DemoWorkOrders, ASeasonOfOrders) {
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.what);
    const Instant now = T(c.now);
    City city(7, now);
    const auto started = std::chrono::steady_clock::now();
    auto summary = city.Generate(7);
    ASSERT_TRUE(summary.ok()) << summary.error().message;
    std::cout << c.what << ": " << summary->orders << " orders, " << summary->events
              << " events in "
              << std::chrono::duration_cast<std::chrono::milliseconds>(
                     std::chrono::steady_clock::now() - started)
                     .count()
              << " ms: " << summary->open << " open, " << summary->late << " late, "
              << summary->returned << " returned, " << summary->extended << " extended, "
              << summary->second_complaints << " second complaints, " << summary->duplicates
              << " duplicates\n";
    const DemoOrderSummary& s = *summary;

    // The summary tells what the database holds.
    EXPECT_EQ(s.orders, city.Int("SELECT COUNT(*) FROM work_orders"));
    EXPECT_EQ(s.events, city.Int("SELECT COUNT(*) FROM work_order_events") -
                            city.Int("SELECT COUNT(*) FROM work_order_events e JOIN work_orders "
                                     "o ON o.id = e.order_id WHERE e.type = 'close' AND "
                                     "o.parent_id IS NOT NULL"));
    EXPECT_GE(s.orders, c.min_orders);
    EXPECT_LE(s.orders, c.max_orders);

    // Every channel, the hotline 12345 and the phone the most.
    const char* channels[] = {"city-hotline",
                              "provincial-hotline",
                              "on-receipt",
                              "internet-plus",
                              "first-question",
                              "urgent",
                              "phone",
                              "web",
                              "hall"};
    for (const char* ch : channels) {
      EXPECT_GE(
          city.Int(std::string("SELECT COUNT(*) FROM work_orders WHERE channel = '") + ch + "'"), 1)
          << ch;
      EXPECT_EQ(
          s.by_channel.count(ch) ? s.by_channel.at(ch) : 0,
          city.Int(std::string("SELECT COUNT(*) FROM work_orders WHERE channel = '") + ch + "'"))
          << ch;
    }
    const auto top = city.Sql(
        "SELECT channel FROM work_orders GROUP BY channel ORDER BY COUNT(*) DESC, channel LIMIT 2");
    ASSERT_EQ(top.rows.size(), 2u);
    EXPECT_EQ(std::set<std::string>({top.Text(0, 0), top.Text(1, 0)}),
              std::set<std::string>({"city-hotline", "phone"}));
    EXPECT_GT((s.by_channel.at("city-hotline") + s.by_channel.at("phone")) * 2, s.orders);
    // Mostly heating quality; leaks, repairs and billing too.
    EXPECT_GT(city.Int("SELECT COUNT(*) FROM work_orders WHERE category = 'heating-quality'") * 2,
              s.orders);
    for (const char* cat : {"leak", "repair", "billing"}) {
      EXPECT_GE(
          city.Int(std::string("SELECT COUNT(*) FROM work_orders WHERE category = '") + cat + "'"),
          5)
          << cat;
    }

    // The mass complaint (R-REG-1): one building entrance's complaints, at least 20 within 24 h
    // (the most complaints of one entrance in the day from any complaint on).
    EXPECT_GE(city.Int("SELECT COUNT(*) FROM work_orders a JOIN households ha ON ha.id = "
                       "a.household_id JOIN work_orders b ON b.parent_id IS NULL AND "
                       "b.received_at BETWEEN a.received_at AND a.received_at + 86400 JOIN "
                       "households hb ON hb.id = b.household_id AND hb.partition_id = "
                       "ha.partition_id WHERE a.parent_id IS NULL GROUP BY a.id ORDER BY 1 DESC "
                       "LIMIT 1"),
              kMassComplaintBurst);

    // Every kind of life.
    EXPECT_GE(s.late, s.orders / 50);
    EXPECT_LE(s.late, s.orders / 4);
    EXPECT_GE(s.returned, 2);
    EXPECT_LE(s.returned, s.orders / 15);
    EXPECT_EQ(s.returned, city.Int("SELECT COUNT(DISTINCT order_id) FROM work_order_events "
                                   "WHERE type = 'return'"));
    EXPECT_GE(s.extended, 2);
    EXPECT_EQ(s.extended, city.Int("SELECT COUNT(*) FROM work_orders WHERE extended = 1"));
    EXPECT_EQ(city.Int("SELECT COUNT(*) FROM work_orders WHERE extended = 1 AND channel NOT IN "
                       "('city-hotline', 'provincial-hotline')"),
              0);
    EXPECT_GE(s.second_complaints, 5);
    EXPECT_EQ(s.second_complaints,
              city.Int("SELECT COUNT(*) FROM work_orders WHERE second_complaint = 1"));
    EXPECT_GE(s.duplicates, 1);
    EXPECT_EQ(s.duplicates, city.Int("SELECT COUNT(*) FROM work_orders WHERE parent_id IS NOT "
                                     "NULL AND channel = 'provincial-hotline'"));
    EXPECT_EQ(s.open, city.Int("SELECT COUNT(*) FROM work_orders WHERE state <> 'closed'"));
    EXPECT_GE(s.open, 1);
    EXPECT_LE(s.open, c.max_open);
    // Open ones are recent; nothing after now.
    const int64_t unix_now = now.time_since_epoch().count();
    EXPECT_EQ(city.Int("SELECT COUNT(*) FROM work_orders WHERE state <> 'closed' AND "
                       "received_at < " +
                       std::to_string(unix_now - int64_t{c.open_within_days} * 86400)),
              0);
    EXPECT_EQ(
        city.Int("SELECT COUNT(*) FROM work_order_events WHERE at > " + std::to_string(unix_now)),
        0);
    EXPECT_EQ(city.Int("SELECT COUNT(*) FROM work_orders WHERE received_at > " +
                       std::to_string(unix_now)),
              0);

    // Every order read back: a closed one was visited (its parent's visit for a duplicate) or
    // returned; a second complaint's visit was face to face or by a manager; the satisfaction
    // mostly satisfied.
    const auto ids = city.Sql("SELECT id FROM work_orders ORDER BY id");
    int64_t satisfied = 0, basically = 0, unsatisfied = 0, face_or_manager = 0, seconds = 0;
    for (size_t i = 0; i < ids.rows.size(); ++i) {
      auto o = city.service().Get(ids.Int(i, 0), {});
      ASSERT_TRUE(o.ok()) << o.error().message;
      const auto& v = o->view;
      if (v.state == rules::OrderState::kClosed) {
        EXPECT_TRUE(v.returned || v.visited_at) << "order " << ids.Int(i, 0);
      }
      if (v.result_satisfaction && !o->order.head.parent_id) {
        satisfied += *v.result_satisfaction == rules::Satisfaction::kSatisfied;
        basically += *v.result_satisfaction == rules::Satisfaction::kBasicallySatisfied;
        unsatisfied += *v.result_satisfaction == rules::Satisfaction::kUnsatisfied;
      }
      if (o->order.head.second_complaint) {
        for (const auto& e : o->order.entries) {
          if (e.event.type != rules::OrderEventType::kVisit || !e.system.empty()) continue;
          ++seconds;
          face_or_manager += *e.event.mode == rules::VisitMode::kFaceToFace || e.event.by_manager;
        }
      }
    }
    EXPECT_EQ(face_or_manager, seconds);
    EXPECT_GE(seconds, 1);
    // 82 % satisfied on time, 55 % late (demo_work_orders.cpp): about 4 to 1 over a season, less
    // with many late replies. Twice the rest still tells a shaped sample from a uniform one (1 to
    // 2), with room for the sample's spread: the same seed gives a clang build another sample than
    // a g++ one, and 3 to 1 failed there (299 to 102).
    EXPECT_GT(satisfied, 2 * (basically + unsatisfied));
    EXPECT_GE(basically, 1);
    EXPECT_GE(unsatisfied, 1);
  }
}

TEST(DemoWorkOrders, TheSameSeedGivesTheSameOrders) {
  const Instant now = T("2025-11-28T12:00:00+08:00");
  const std::string orders =
      "SELECT id, household_id, channel, external_id, category, received_at, content, "
      "caller_phone, parent_id, second_complaint, state, extended, deadlines FROM work_orders "
      "ORDER BY id";
  const std::string events =
      "SELECT order_id, seq, type, at, actor, data FROM work_order_events ORDER BY order_id, seq";
  City a(3, now), b(3, now), c(3, now);
  ASSERT_TRUE(a.Generate(11).ok());
  ASSERT_TRUE(b.Generate(11).ok());
  ASSERT_TRUE(c.Generate(12).ok());
  EXPECT_GT(a.Int("SELECT COUNT(*) FROM work_orders"), 40);
  EXPECT_EQ(a.Dump(orders), b.Dump(orders));
  EXPECT_EQ(a.Dump(events), b.Dump(events));
  EXPECT_NE(a.Dump(orders), c.Dump(orders));
}

TEST(DemoWorkOrders, Refusals) {
  City city(1, T("2025-12-20T12:00:00+08:00"));
  auto none = city.Generate(1, 0);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().code, ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace hearth::sim
