// Arrears end to end, in process (AddApiRoutes over a real SQLite database, and over a real
// PostgreSQL one; issue 16, R-BILL-1, W 9.2.2): a fee past its due day and short of its amount is
// listed; the agent reminds by SMS (sent through the outbox, proven once delivered) and posts a
// notice (recorded with its proof); the manager cannot stop heat before the contract's steps are
// done nor inside the week to pay, then can, and the stop is an approved heating change, settled
// and told; a household in arrears sees its own and still files complaints; who may do what, and
// the field named in every refusal.
//
// The runtime runs on the system clock: the fee falls due 30 days ago, and the reminders are
// dated within the week the hall may enter them.
#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>

#include "model/resources.hpp"
#include "support/test_in_process_api.hpp"

namespace hearth::app::http {
namespace {

using nlohmann::json;
using std::chrono::days;
using std::chrono::hours;

Instant Now() { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); }
Date Today() { return LocalDate(Now()); }

class ArrearsApi : public support::InProcessApi {
 protected:
  void SetUp() override {
    support::InProcessApi::SetUp();
    if (HasFatalFailure()) return;
    fee_ = Make("fees", {{"household_id", a_.household_id},
                         {"season", int64_t{YearOf(Today() - days{30})}},
                         {"amount", int64_t{263980}},
                         {"due_on", FormatDate(Today() - days{30})}});
    Make("payments", {{"household_id", a_.household_id},
                      {"fee_id", fee_},
                      {"amount", int64_t{100000}},
                      {"paid_at", FormatLocal(Now() - days{40})},
                      {"method", "wechat"}});
    Make("tariffs", {{"company_id", a_.company_id},
                     {"name", "居民按面积"},
                     {"billing", "area"},
                     {"price", int64_t{2600}},
                     {"valid_from", "2020-01-01"}});
    path_ = "/api/v1/arrears/" + std::to_string(fee_);
  }
  int64_t Make(const char* resource, const ports::Fields& fields) {
    auto r = rt_->db->records.Create(*model::FindResource(resource), fields, {}, "setup");
    EXPECT_TRUE(r.ok()) << resource << ": " << r.error().message << " " << r.error().detail;
    return r.ok() ? r->id : 0;
  }
  json Get(const std::string& user) { return json::parse(Call(user, "GET", path_).body); }
  adapters::http::Response Remind(const std::string& user, const json& body) {
    return Call(user, "POST", path_ + "/reminders", body.dump());
  }
  adapters::http::Response Stop(const std::string& user, Date effective) {
    return Call(user, "POST", path_ + "/stop",
                json{{"effective", FormatDate(effective)}, {"note", "经两次催缴仍未缴费"}}.dump());
  }
  // The gateway takes every message due (as OutboxService would with a sender that answers ok).
  void Deliver() {
    auto due = rt_->db->work_order_store.OutboxDue(Now() + hours(1), 100);
    ASSERT_TRUE(due.ok());
    for (const auto& m : *due) {
      ASSERT_TRUE(rt_->db->work_order_store.OutboxDelivered(m.id, Now()).ok());
    }
  }

  int64_t fee_ = 0;
  std::string path_;
};

TEST_P(ArrearsApi, RemindedTwiceWithProofThenStoppedAfterTheWeekToPay) {
  auto list = Call("wang", "GET", "/api/v1/arrears");
  ASSERT_EQ(list.status, 200u) << list.body;
  json items = json::parse(list.body)["items"];
  ASSERT_EQ(items.size(), 1u);
  json f = items[0];
  EXPECT_EQ(f["fee_id"], fee_);
  EXPECT_EQ(f["amount"], "2639.80");
  EXPECT_EQ(f["paid"], "1000.00");
  EXPECT_EQ(f["outstanding"], "1639.80");
  EXPECT_EQ(f["days_overdue"], 30);
  EXPECT_EQ(f["heating_status"], "heated");
  EXPECT_EQ(f["reminders_proven"], 0);
  EXPECT_EQ(f["reminders_needed"], 2);
  EXPECT_EQ(f["notice_days"], 7);
  EXPECT_TRUE(f["may_stop_from"].is_null());
  EXPECT_EQ(f["actions"], json{"remind"});
  EXPECT_EQ(Get("li")["actions"], json{"remind"});

  // An SMS: the platform's text, queued; it proves nothing until the gateway takes it.
  auto sms = Remind("wang", {{"channel", "sms"}});
  ASSERT_EQ(sms.status, 201u) << sms.body;
  f = json::parse(sms.body);
  ASSERT_EQ(f["reminders"].size(), 1u);
  json r = f["reminders"][0];
  EXPECT_EQ(r["channel"], "sms");
  EXPECT_EQ(r["delivery"], "pending");
  EXPECT_EQ(r["proven"], false);
  EXPECT_EQ(r["sent_by"], "wang");
  EXPECT_NE(r["content"].get<std::string>().find("尚欠 1639.80 元"), std::string::npos);
  EXPECT_EQ(f["reminders_proven"], 0);
  auto told = Call("home", "GET", "/api/v1/notifications");
  ASSERT_EQ(told.status, 200u) << told.body;
  EXPECT_NE(told.body.find("arrears.reminder"), std::string::npos);
  Deliver();
  f = Get("wang");
  EXPECT_EQ(f["reminders"][0]["delivery"], "delivered");
  EXPECT_EQ(f["reminders_proven"], 1);

  // A notice posted five days ago, with its proof: the second proven day.
  auto bare = Remind("wang", {{"channel", "notice"}});
  EXPECT_EQ(bare.status, 400u) << bare.body;
  EXPECT_EQ(Field(bare), "proof");
  auto notice = Remind("wang", {{"channel", "notice"},
                                {"proof", "贴于 1 单元门口，照片 IMG_2031"},
                                {"sent_at", FormatLocal(Now() - days{5})}});
  ASSERT_EQ(notice.status, 201u) << notice.body;
  f = json::parse(notice.body);
  EXPECT_EQ(f["reminders_proven"], 2);
  EXPECT_EQ(f["reminders"][0]["delivery"], "recorded");
  EXPECT_EQ(f["reminders"][0]["proof"], "贴于 1 单元门口，照片 IMG_2031");
  EXPECT_EQ(f["last_reminded_on"], FormatDate(Today()));
  EXPECT_EQ(f["may_stop_from"], FormatDate(Today() + days{7}));
  EXPECT_EQ(Get("li")["actions"], (json{"remind", "stop"}));
  EXPECT_EQ(Get("wang")["actions"], json{"remind"});

  // The week to pay: not today, not backdated; an agent never.
  auto early = Stop("li", Today());
  EXPECT_EQ(early.status, 409u) << early.body;
  EXPECT_EQ(Field(early), "effective");
  EXPECT_EQ(Stop("wang", Today() + days{7}).status, 403u);
  EXPECT_EQ(Stop("liu", Today() + days{7}).status, 404u);  // another company's manager
  auto stopped = Stop("li", Today() + days{7});
  ASSERT_EQ(stopped.status, 201u) << stopped.body;
  json c = json::parse(stopped.body);
  EXPECT_EQ(c["kind"], "stop");
  EXPECT_EQ(c["state"], "approved");
  EXPECT_EQ(c["arrears_fee_id"], fee_);
  EXPECT_EQ(c["missing"], json::array());
  EXPECT_EQ(c["effective"], FormatDate(Today() + days{7}));
  EXPECT_NE(c["decision_note"].get<std::string>().find("经两次催缴仍未缴费"), std::string::npos);
  EXPECT_FALSE(c["settlement"].is_null());
  auto again = Stop("li", Today() + days{8});
  EXPECT_EQ(again.status, 409u) << again.body;
  EXPECT_EQ(Field(again), "fee");
  f = Get("li");
  EXPECT_EQ(f["heating_status"], "stopped");
  EXPECT_EQ(f["stop_heating_change_id"], c["id"]);
  EXPECT_EQ(f["actions"], json{"remind"});
  auto audit = rt_->db->records.Audit(std::nullopt, 20);
  ASSERT_TRUE(audit.ok());
  int reminders = 0;
  for (const auto& e : *audit) reminders += e.resource == "reminders" ? 1 : 0;
  EXPECT_EQ(reminders, 2);

  // The household keeps its rights (W 9.2.2 stops heat, nothing else): it sees its arrears and
  // still files a complaint.
  auto own = Call("home", "GET", "/api/v1/arrears");
  ASSERT_EQ(own.status, 200u);
  EXPECT_EQ(json::parse(own.body)["items"].size(), 1u);
  EXPECT_EQ(Get("home")["actions"], json::array());
  auto complaint = Call("home", "POST", "/api/v1/work-orders",
                        json{{"channel", "web"},
                             {"received_at", FormatLocal(Now())},
                             {"household", "H-101"},
                             {"category", "heating-quality"},
                             {"content", "卧室温度 16 度"}}
                            .dump());
  EXPECT_EQ(complaint.status, 201u) << complaint.body;
}

TEST_P(ArrearsApi, WhoSeesAndTheFieldOfEveryRefusal) {
  EXPECT_EQ(Call("other", "GET", path_).status, 404u);
  EXPECT_EQ(json::parse(Call("other", "GET", "/api/v1/arrears").body)["items"].size(), 0u);
  EXPECT_EQ(json::parse(Call("liu", "GET", "/api/v1/arrears").body)["items"].size(), 0u);
  EXPECT_EQ(json::parse(Call("gov", "GET", "/api/v1/arrears").body)["items"].size(), 1u);
  EXPECT_EQ(Get("gov")["actions"], json::array());
  EXPECT_EQ(Remind("gov", {{"channel", "sms"}}).status, 403u);
  EXPECT_EQ(Remind("zhao", {{"channel", "sms"}}).status, 403u);
  EXPECT_EQ(Remind("home", {{"channel", "sms"}}).status, 403u);
  EXPECT_EQ(Call("", "GET", "/api/v1/arrears").status, 401u);

  struct Case {
    json body;
    unsigned status;
    const char* field;
  };
  const Case cases[] = {
      {{{"channel", "email"}}, 400, "channel"},
      {json::object(), 400, "channel"},
      {{{"channel", "sms"}, {"proof", "截图"}}, 400, "proof"},
      {{{"channel", "sms"}, {"sent_at", FormatLocal(Now())}}, 400, "sent_at"},
      {{{"channel", "letter"}, {"proof", "挂号信"}, {"sent_at", FormatLocal(Now() - days{8})}},
       400, "sent_at"},
      {{{"channel", "letter"}, {"proof", "挂号信"}, {"sent_at", FormatLocal(Now() + days{1})}},
       400, "sent_at"},
      {{{"channel", "letter"}, {"proof", "挂号信"}, {"sent_at", "yesterday"}}, 400, "sent_at"},
      {{{"channel", "sms"}, {"content", std::string(501, 'x')}}, 400, "content"},
      {{{"channel", "sms"}, {"colour", "red"}}, 400, "colour"},
  };
  for (const Case& c : cases) {
    auto r = Remind("wang", c.body);
    EXPECT_EQ(r.status, c.status) << c.body.dump() << " -> " << r.body;
    EXPECT_EQ(Field(r), c.field) << c.body.dump();
  }
  auto not_enough = Stop("li", Today() + days{30});
  EXPECT_EQ(not_enough.status, 409u);
  EXPECT_EQ(Field(not_enough), "reminders");
  auto bad_day = Call("li", "POST", path_ + "/stop", json{{"effective", "soon"}}.dump());
  EXPECT_EQ(bad_day.status, 400u);
  EXPECT_EQ(Field(bad_day), "effective");
  EXPECT_EQ(Call("li", "GET", "/api/v1/arrears/x").status, 400u);
  EXPECT_EQ(Call("li", "GET", "/api/v1/arrears/999999").status, 404u);

  // Paid in full: no longer listed, and nothing to remind of.
  Make("payments", {{"household_id", a_.household_id},
                    {"fee_id", fee_},
                    {"amount", int64_t{163980}},
                    {"paid_at", FormatLocal(Now())},
                    {"method", "bank"}});
  EXPECT_EQ(json::parse(Call("li", "GET", "/api/v1/arrears").body)["items"].size(), 0u);
  EXPECT_EQ(Get("li")["outstanding"], "0.00");
  auto paid = Remind("wang", {{"channel", "sms"}});
  EXPECT_EQ(paid.status, 409u);
  EXPECT_EQ(Field(paid), "fee");
}

INSTANTIATE_TEST_SUITE_P(Engines, ArrearsApi, ::testing::Values("sqlite", "postgres"),
                         [](const ::testing::TestParamInfo<std::string>& engine) {
                           return engine.param;
                         });

}  // namespace
}  // namespace hearth::app::http
