// Mass complaints end to end, in process (AddApiRoutes over a real SQLite database, and over a
// real PostgreSQL one; issue 15, R-REG-1): 19 complaints from one community within 24 h are not
// flagged, the 20th is, at once, with one message to the regulator and one to the company's
// managers; more complaints grow the flag without telling anyone again; duplicates do not count;
// the worker's scan raises a flag the check at reception did not; who reads the flags.
#include <gtest/gtest.h>

#include <cstdio>

#include <nlohmann/json.hpp>

#include "support/test_in_process_api.hpp"

namespace hearth::app::http {
namespace {

using nlohmann::json;

class MassComplaintsApi : public support::InProcessApi {
 protected:
  /// Order `n` of household a: 2026-11-20 from 08:00, a minute apart. Its id, or 0.
  int64_t Complaint(int n, std::optional<int64_t> parent = std::nullopt) {
    char at[40];
    std::snprintf(at, sizeof at, "2026-11-20T%02d:%02d:00+08:00", 8 + n / 60, n % 60);
    json o = {{"channel", "phone"},          {"received_at", at},
              {"household", a_.household_id}, {"category", "heating-quality"},
              {"content", "暖气不热"},        {"caller_phone", "13812345678"}};
    if (parent) o["parent"] = *parent;
    auto r = Call("li", "POST", "/api/v1/work-orders", o.dump());
    EXPECT_EQ(r.status, 201u) << r.body;
    return r.status == 201u ? json::parse(r.body)["id"].get<int64_t>() : 0;
  }

  json Flags(const std::string& user, const std::string& query = "") {
    auto r = Call(user, "GET", "/api/v1/complaints/mass?from=2026-11-01&to=2026-11-30" + query);
    EXPECT_EQ(r.status, 200u) << r.body;
    return json::parse(r.body)["items"];
  }

  /// The undelivered mass-complaint messages, by receiver.
  std::vector<std::string> Messages() {
    auto due = rt_->db->work_order_store.OutboxDue(
        std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()), 1000);
    EXPECT_TRUE(due.ok());
    std::vector<std::string> out;
    for (const auto& m : *due) {
      if (m.topic == "complaints.mass") out.push_back(m.receiver);
    }
    return out;
  }
};

TEST_P(MassComplaintsApi, TheTwentiethComplaintWithin24HoursIsFlaggedOnce) {
  int64_t first = 0;
  for (int n = 0; n < 19; ++n) {
    const int64_t id = Complaint(n);
    if (n == 0) first = id;
  }
  Complaint(30, first);  // a duplicate of the first: the same complaint, not counted
  EXPECT_TRUE(Flags("gov").empty());
  EXPECT_TRUE(Messages().empty());

  const int64_t twentieth = Complaint(40);
  json flags = Flags("gov");
  ASSERT_EQ(flags.size(), 1u);
  EXPECT_EQ(flags[0]["company_id"], a_.company_id);
  EXPECT_EQ(flags[0]["community"], "X");
  EXPECT_EQ(flags[0]["complaints"], 20);
  EXPECT_EQ(flags[0]["reached_order_id"], twentieth);
  EXPECT_EQ(flags[0]["first_at"], "2026-11-20T08:00:00+08:00");
  EXPECT_EQ(flags[0]["reached_at"], "2026-11-20T08:40:00+08:00");
  EXPECT_EQ(flags[0]["threshold"], 20);
  EXPECT_EQ(flags[0]["window_hours"], 24);
  EXPECT_EQ(flags[0]["policy"], "weihai");
  EXPECT_EQ(Messages(), (std::vector<std::string>{"regulator", "managers"}));

  // The 21st grows the flag; no one is told again, and the scan finds nothing new.
  Complaint(50);
  flags = Flags("li");
  ASSERT_EQ(flags.size(), 1u);
  EXPECT_EQ(flags[0]["complaints"], 21);
  EXPECT_EQ(flags[0]["last_at"], "2026-11-20T08:50:00+08:00");
  EXPECT_EQ(Messages().size(), 2u);
  auto scanned = rt_->db->mass_complaints.Scan(*ParseRfc3339("2026-11-19T00:00:00+08:00"),
                                               *ParseRfc3339("2026-11-22T00:00:00+08:00"));
  ASSERT_TRUE(scanned.ok());
  EXPECT_EQ(*scanned, 0);
  EXPECT_EQ(Flags("root").size(), 1u);

  // Who reads: company b's manager sees none of a's, and may not name a; households never.
  EXPECT_TRUE(Flags("liu").empty());
  EXPECT_EQ(Call("liu", "GET", "/api/v1/complaints/mass?company=a").status, 403u);
  EXPECT_EQ(Call("home", "GET", "/api/v1/complaints/mass").status, 403u);
  EXPECT_EQ(Call("", "GET", "/api/v1/complaints/mass").status, 401u);
  EXPECT_EQ(Flags("gov", "&company=b").size(), 0u);
  auto bad = Call("gov", "GET", "/api/v1/complaints/mass?from=2026-12-01&to=2026-11-01");
  EXPECT_EQ(bad.status, 400u);
  EXPECT_EQ(Field(bad), "from");
  EXPECT_EQ(Field(Call("gov", "GET", "/api/v1/complaints/mass?since=2026-11-01")), "since");
}

TEST_P(MassComplaintsApi, TheScanRaisesWhatNoCheckAtReceptionDid) {
  // Orders received through a service that does not check (as a server stopped between the
  // order and its check would leave them).
  services::WorkOrderService unchecked(rt_->db->work_order_store, rt_->db->records,
                                       rt_->db->judging, rt_->policies, rt_->calendar,
                                       rt_->clock);
  const services::OrderActor li{"li", rules::Role::kManager, {a_.company_id, std::nullopt}};
  for (int n = 0; n < 20; ++n) {
    services::NewWorkOrder o;
    o.channel = rules::Channel::kPhone;
    o.household = std::to_string(a_.household_id);
    o.category = rules::OrderCategory::kHeatingQuality;
    o.received_at = *ParseRfc3339("2026-11-21T09:00:00+08:00") + std::chrono::minutes(n * 70);
    o.content = "暖气不热";
    ASSERT_TRUE(unchecked.Receive(o, li).ok());
  }
  EXPECT_TRUE(Flags("gov").empty());
  auto scanned = rt_->db->mass_complaints.Scan(*ParseRfc3339("2026-11-20T00:00:00+08:00"),
                                               *ParseRfc3339("2026-11-23T00:00:00+08:00"));
  ASSERT_TRUE(scanned.ok()) << scanned.error().message;
  EXPECT_EQ(*scanned, 1);
  json flags = Flags("gov");
  ASSERT_EQ(flags.size(), 1u);
  EXPECT_EQ(flags[0]["complaints"], 20);  // 19 × 70 min = 22 h 10 min: within 24 h
  EXPECT_EQ(flags[0]["reached_at"], "2026-11-22T07:10:00+08:00");
  EXPECT_EQ(Messages().size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(Engines, MassComplaintsApi, ::testing::Values("sqlite", "postgres"),
                         [](const ::testing::TestParamInfo<std::string>& engine) {
                           return engine.param;
                         });

}  // namespace
}  // namespace hearth::app::http
