// The deadline calculator end to end: the shipped policy profiles (policies/*.toml), the shipped
// calendar (data/calendar/cn-holidays.json, 2019–2026) and text input as the CLI and the API give
// it. Every expected value was derived by hand from RULES.md and the calendar data, and checked
// by an independent script; none was copied from the program's output.
//
// R-CAL-2: N working days from t end at 23:59:59 of the N-th working day after the local day of t
// (the start day is not counted); calendar days likewise, never extended over holidays; hours and
// minutes are clock time. R-CAL-1: counting into a year the calendar lacks (2018, 2027) uses the
// Mon–Fri rule and sets calendar_incomplete.
#include "services/deadline_service.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>

#include "adapters/json/calendar_json.hpp"
#include "support/test_policies.hpp"

namespace hearth::services {
namespace {

class DeadlineServiceTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto registry = support::LoadPolicies();
    ASSERT_TRUE(registry.ok()) << registry.error().message;
    registry_ = new PolicyRegistry(std::move(*registry));
    calendar_ = new CalendarService(adapters::json::EmbeddedCalendarFile(), /*store=*/nullptr);
  }
  static void TearDownTestSuite() {
    delete calendar_;
    delete registry_;
    calendar_ = nullptr;
    registry_ = nullptr;
  }
  void SetUp() override {
    ASSERT_NE(registry_, nullptr);
    service_ = std::make_unique<DeadlineService>(*registry_, *calendar_);
  }

  static PolicyRegistry* registry_;
  static CalendarService* calendar_;
  std::unique_ptr<DeadlineService> service_;
};

PolicyRegistry* DeadlineServiceTest::registry_ = nullptr;
CalendarService* DeadlineServiceTest::calendar_ = nullptr;

TEST_F(DeadlineServiceTest, ShippedCalendarAndPolicies) {
  auto cal = calendar_->Current();
  for (int y = 2019; y <= 2026; ++y) EXPECT_TRUE(cal->HasYear(y)) << y;
  EXPECT_FALSE(cal->HasYear(2018));
  EXPECT_FALSE(cal->HasYear(2027));
  EXPECT_TRUE(registry_->Find("weihai").ok());
  EXPECT_TRUE(registry_->Find("zibo").ok());
}

struct Case {
  const char* policy;
  const char* rule;
  const char* channel;  // nullptr: no channel
  const char* from;
  bool outside_works;
  const char* want;   // the deadline, formatted in +08:00
  bool incomplete;    // calendar_incomplete
  const char* basis;  // rules::Basis::Display()
};

// Weihai bases: W clauses, except the values its standard does not set.
// Zibo bases: Z clauses where Zibo's text sets the value, else "platform default (W …)".
const Case kCases[] = {
    // ---- The example of the issue: Fri 09-27 16:00, 5 working days over National Day 2024 ----
    // R-WO-3. 09-29 Sun make-up (1), 09-30 (2), 10-01..07 off, 10-08 (3), 10-09 (4), 10-10 (5).
    {"weihai", "reply", "city-hotline", "2024-09-27T16:00:00+08:00", false,
     "2024-10-10T23:59:59+08:00", false, "W 10.1.4"},
    // R-WO-3, every channel, from the same receipt.
    {"weihai", "reply", "provincial-hotline", "2024-09-27T16:00:00+08:00", false,
     "2024-10-08T23:59:59+08:00", false, "W 10.1.4"},
    {"weihai", "reply", "on-receipt", "2024-09-27T16:00:00+08:00", false,
     "2024-09-30T23:59:59+08:00", false, "W 10.1.4"},
    {"weihai", "reply", "internet-plus", "2024-09-27T16:00:00+08:00", false,
     "2024-10-10T23:59:59+08:00", false, "W 10.1.4"},
    {"weihai", "reply", "first-question", "2024-09-27T16:00:00+08:00", false,
     "2024-10-10T23:59:59+08:00", false, "W 10.1.4"},
    {"weihai", "reply", "urgent", "2024-09-27T16:00:00+08:00", false, "2024-09-28T16:00:00+08:00",
     false, "W 10.1.4"},
    // R-WO-2, every channel, Zibo, from the same receipt.
    {"zibo", "return", "city-hotline", "2024-09-27T16:00:00+08:00", false,
     "2024-09-30T23:59:59+08:00", false, "platform default (W 10.1.3)"},
    {"zibo", "return", "provincial-hotline", "2024-09-27T16:00:00+08:00", false,
     "2024-09-29T23:59:59+08:00", false, "platform default (W 10.1.3)"},
    {"zibo", "return", "on-receipt", "2024-09-27T16:00:00+08:00", false,
     "2024-09-27T18:00:00+08:00", false, "platform default (W 10.1.3)"},
    {"zibo", "return", "internet-plus", "2024-09-27T16:00:00+08:00", false,
     "2024-09-29T23:59:59+08:00", false, "platform default (W 10.1.3)"},
    {"zibo", "return", "first-question", "2024-09-27T16:00:00+08:00", false,
     "2024-09-30T23:59:59+08:00", false, "platform default (W 10.1.3)"},
    {"zibo", "return", "urgent", "2024-09-27T16:00:00+08:00", false, "2024-09-27T16:00:00+08:00",
     false, "platform default (W 10.1.3)"},
    {"zibo", "reply", "city-hotline", "2024-09-27T16:00:00+08:00", false,
     "2024-10-10T23:59:59+08:00", false, "platform default (W 10.1.4)"},

    // ---- Spring Festival 2024: off 02-10..02-17, make-up Sun 02-04 and Sun 02-18 ----
    // R-WO-2, every channel, Weihai, Thu 02-08: 02-09 (1), 02-18 (2).
    {"weihai", "return", "city-hotline", "2024-02-08T10:00:00+08:00", false,
     "2024-02-18T23:59:59+08:00", false, "W 10.1.3"},
    {"weihai", "return", "provincial-hotline", "2024-02-08T10:00:00+08:00", false,
     "2024-02-09T23:59:59+08:00", false, "W 10.1.3"},
    {"weihai", "return", "on-receipt", "2024-02-08T10:00:00+08:00", false,
     "2024-02-08T12:00:00+08:00", false, "W 10.1.3"},
    {"weihai", "return", "internet-plus", "2024-02-08T10:00:00+08:00", false,
     "2024-02-09T23:59:59+08:00", false, "W 10.1.3"},
    {"weihai", "return", "first-question", "2024-02-08T10:00:00+08:00", false,
     "2024-02-18T23:59:59+08:00", false, "W 10.1.3"},
    {"weihai", "return", "urgent", "2024-02-08T10:00:00+08:00", false, "2024-02-08T10:00:00+08:00",
     false, "W 10.1.3"},
    // R-WO-3: 02-09, 02-18, 02-19, 02-20, 02-21.
    {"weihai", "reply", "city-hotline", "2024-02-08T10:00:00+08:00", false,
     "2024-02-21T23:59:59+08:00", false, "W 10.1.4"},
    {"weihai", "reply", "provincial-hotline", "2024-02-09T09:00:00+08:00", false,
     "2024-02-20T23:59:59+08:00", false, "W 10.1.4"},
    {"weihai", "reply", "on-receipt", "2024-02-08T23:30:00+08:00", false,
     "2024-02-18T23:59:59+08:00", false, "W 10.1.4"},
    // Received on a holiday (Fri 02-16): 02-18 is the first working day.
    {"weihai", "reply", "first-question", "2024-02-16T15:00:00+08:00", false,
     "2024-02-22T23:59:59+08:00", false, "W 10.1.4"},
    // Received on the make-up Sundays.
    {"weihai", "reply", "city-hotline", "2024-02-04T09:00:00+08:00", false,
     "2024-02-09T23:59:59+08:00", false, "W 10.1.4"},
    {"weihai", "return", "city-hotline", "2024-02-04T09:00:00+08:00", false,
     "2024-02-06T23:59:59+08:00", false, "W 10.1.3"},
    {"zibo", "return", "city-hotline", "2024-02-04T09:00:00+08:00", false,
     "2024-02-06T23:59:59+08:00", false, "platform default (W 10.1.3)"},
    {"weihai", "reply", "city-hotline", "2024-02-18T11:00:00+08:00", false,
     "2024-02-23T23:59:59+08:00", false, "W 10.1.4"},
    {"zibo", "reply", "city-hotline", "2024-02-18T11:00:00+08:00", false,
     "2024-02-23T23:59:59+08:00", false, "platform default (W 10.1.4)"},
    {"weihai", "return", "provincial-hotline", "2024-02-18T11:00:00+08:00", false,
     "2024-02-19T23:59:59+08:00", false, "W 10.1.3"},
    // R-WO-3 extension, counted from the day of the original deadline: 02-18 .. 02-29 (leap year).
    {"weihai", "reply-extension", "city-hotline", "2024-02-09T23:59:59+08:00", false,
     "2024-02-29T23:59:59+08:00", false, "W 10.1.4"},
    {"zibo", "reply-extension", "city-hotline", "2024-02-09T23:59:59+08:00", false,
     "2024-02-29T23:59:59+08:00", false, "platform default (W 10.1.4)"},
    {"weihai", "reply-extension", "provincial-hotline", "2024-02-21T23:59:59+08:00", false,
     "2024-02-28T23:59:59+08:00", false, "W 10.1.4"},
    // R-OUT-1 emergency notice: clock time over the holiday.
    {"weihai", "emergency-notice", nullptr, "2024-02-10T23:30:00+08:00", false,
     "2024-02-11T00:30:00+08:00", false, "platform default (R-OUT-1)"},

    // ---- Mid-Autumn 2024: make-up Sat 09-14, off 09-15..09-17 ----
    {"weihai", "reply", "provincial-hotline", "2024-09-13T10:00:00+08:00", false,
     "2024-09-19T23:59:59+08:00", false, "W 10.1.4"},

    // ---- National Day 2024: make-up Sun 09-29, off 10-01..10-07, make-up Sat 10-12 ----
    {"weihai", "reply", "provincial-hotline", "2024-09-29T10:00:00+08:00", false,
     "2024-10-09T23:59:59+08:00", false, "W 10.1.4"},
    {"weihai", "reply", "city-hotline", "2024-09-29T10:00:00+08:00", false,
     "2024-10-11T23:59:59+08:00", false, "W 10.1.4"},
    {"weihai", "return", "internet-plus", "2024-09-30T17:00:00+08:00", false,
     "2024-10-08T23:59:59+08:00", false, "W 10.1.3"},
    {"weihai", "reply", "city-hotline", "2024-10-12T09:00:00+08:00", false,
     "2024-10-18T23:59:59+08:00", false, "W 10.1.4"},
    {"zibo", "reply", "city-hotline", "2024-10-12T09:00:00+08:00", false,
     "2024-10-18T23:59:59+08:00", false, "platform default (W 10.1.4)"},
    {"weihai", "return", "city-hotline", "2024-10-11T09:00:00+08:00", false,
     "2024-10-14T23:59:59+08:00", false, "W 10.1.3"},
    {"weihai", "reply-extension", "provincial-hotline", "2024-10-10T23:59:59+08:00", false,
     "2024-10-16T23:59:59+08:00", false, "W 10.1.4"},
    {"weihai", "reply-extension", "city-hotline", "2024-10-10T23:59:59+08:00", false,
     "2024-10-23T23:59:59+08:00", false, "W 10.1.4"},
    // R-INS-1: 30 working days over National Day and the make-up days.
    {"weihai", "insurance-payout", nullptr, "2024-09-20T10:00:00+08:00", false,
     "2024-11-06T23:59:59+08:00", false, "W 13.5"},
    // R-CONN-1: 3 working days with outside works, 1 without.
    {"weihai", "connection-decision", nullptr, "2024-09-30T09:00:00+08:00", true,
     "2024-10-10T23:59:59+08:00", false, "W 9.1.4"},
    {"weihai", "connection-decision", nullptr, "2024-09-30T09:00:00+08:00", false,
     "2024-10-08T23:59:59+08:00", false, "W 9.1.4"},
    // R-WO-6: calendar days, not extended over the holiday.
    {"weihai", "return-visit", nullptr, "2024-09-30T09:00:00+08:00", false,
     "2024-10-03T23:59:59+08:00", false, "W 10.1.6"},
    // R-REPAIR-1: clock time.
    {"weihai", "leak", nullptr, "2024-10-01T23:30:00+08:00", false, "2024-10-02T00:30:00+08:00",
     false, "W 10.2.3"},
    {"weihai", "arrival", nullptr, "2024-10-01T23:45:00+08:00", false, "2024-10-02T00:15:00+08:00",
     false, "W 10.2.4 a)"},
    // R-OUT-1: the notice is due 48 h before the planned start.
    {"weihai", "outage-notice", nullptr, "2024-10-01T08:00:00+08:00", false,
     "2024-09-29T08:00:00+08:00", false, "platform default (Z 2.4)"},
    // R-REFUND-6 and R-CONN-1 dates.
    {"weihai", "refund-payment", nullptr, "2024-03-16T09:00:00+08:00", false,
     "2024-06-30T23:59:59+08:00", false, "W 10.4"},
    {"weihai", "connection-application", nullptr, "2024-05-10T09:00:00+08:00", false,
     "2024-07-31T23:59:59+08:00", false, "platform default (Z 2.3)"},

    // ---- Spring Festival 2025: make-up Sun 01-26, off 01-28..02-04, make-up Sat 02-08 ----
    // Fri 01-24: 01-26 (1), 01-27 (2), 02-05 (3), 02-06 (4), 02-07 (5).
    {"weihai", "reply", "city-hotline", "2025-01-24T10:00:00+08:00", false,
     "2025-02-07T23:59:59+08:00", false, "W 10.1.4"},
    {"zibo", "reply", "provincial-hotline", "2025-01-24T10:00:00+08:00", false,
     "2025-02-05T23:59:59+08:00", false, "platform default (W 10.1.4)"},
    {"zibo", "reply", "on-receipt", "2025-01-24T10:00:00+08:00", false, "2025-01-27T23:59:59+08:00",
     false, "platform default (W 10.1.4)"},
    // Received on make-up Sun 01-26: 01-27, 02-05, 02-06, 02-07, 02-08 (Sat).
    {"weihai", "reply", "city-hotline", "2025-01-26T10:00:00+08:00", false,
     "2025-02-08T23:59:59+08:00", false, "W 10.1.4"},
    {"weihai", "reply", "on-receipt", "2025-01-26T10:00:00+08:00", false,
     "2025-02-05T23:59:59+08:00", false, "W 10.1.4"},
    {"weihai", "return", "first-question", "2025-02-07T10:00:00+08:00", false,
     "2025-02-10T23:59:59+08:00", false, "W 10.1.3"},
    // Received on make-up Sat 02-08.
    {"weihai", "reply", "first-question", "2025-02-08T10:00:00+08:00", false,
     "2025-02-14T23:59:59+08:00", false, "W 10.1.4"},
    {"zibo", "reply", "city-hotline", "2025-02-08T10:00:00+08:00", false,
     "2025-02-14T23:59:59+08:00", false, "platform default (W 10.1.4)"},
    // R-INS-1 over the festival and both make-up days.
    {"weihai", "insurance-payout", nullptr, "2025-01-20T10:00:00+08:00", false,
     "2025-03-07T23:59:59+08:00", false, "W 13.5"},
    {"weihai", "connection-decision", nullptr, "2025-01-27T16:00:00+08:00", false,
     "2025-02-05T23:59:59+08:00", false, "W 9.1.4"},
    {"weihai", "connection-decision", nullptr, "2025-01-27T16:00:00+08:00", true,
     "2025-02-07T23:59:59+08:00", false, "W 9.1.4"},
    {"weihai", "return-visit", nullptr, "2025-01-29T10:00:00+08:00", false,
     "2025-02-01T23:59:59+08:00", false, "W 10.1.6"},

    // ---- National Day 2025: make-up Sun 09-28, off 10-01..10-08, make-up Sat 10-11 ----
    {"weihai", "reply", "city-hotline", "2025-09-26T10:00:00+08:00", false,
     "2025-10-10T23:59:59+08:00", false, "W 10.1.4"},
    {"zibo", "reply", "internet-plus", "2025-09-26T10:00:00+08:00", false,
     "2025-10-10T23:59:59+08:00", false, "platform default (W 10.1.4)"},
    {"weihai", "reply", "provincial-hotline", "2025-09-28T10:00:00+08:00", false,
     "2025-10-09T23:59:59+08:00", false, "W 10.1.4"},
    {"weihai", "reply", "internet-plus", "2025-09-28T10:00:00+08:00", false,
     "2025-10-11T23:59:59+08:00", false, "W 10.1.4"},
    {"weihai", "reply", "city-hotline", "2025-10-11T09:00:00+08:00", false,
     "2025-10-17T23:59:59+08:00", false, "W 10.1.4"},
    {"zibo", "reply", "provincial-hotline", "2025-10-11T09:00:00+08:00", false,
     "2025-10-15T23:59:59+08:00", false, "platform default (W 10.1.4)"},
    {"weihai", "return", "provincial-hotline", "2025-10-10T09:00:00+08:00", false,
     "2025-10-11T23:59:59+08:00", false, "W 10.1.3"},
    {"weihai", "reply-extension", "city-hotline", "2025-10-10T23:59:59+08:00", false,
     "2025-10-23T23:59:59+08:00", false, "W 10.1.4"},
    {"zibo", "reply-extension", "provincial-hotline", "2025-09-30T23:59:59+08:00", false,
     "2025-10-14T23:59:59+08:00", false, "platform default (W 10.1.4)"},
    {"weihai", "connection-decision", nullptr, "2025-10-10T09:00:00+08:00", true,
     "2025-10-14T23:59:59+08:00", false, "W 9.1.4"},
    {"zibo", "arrival", nullptr, "2025-10-01T08:00:00+08:00", false, "2025-10-01T08:30:00+08:00",
     false, "platform default (W 10.2.4 a))"},

    // ---- New Year 2026 (off 01-01..01-03, make-up Sun 01-04) ----
    {"weihai", "reply", "on-receipt", "2026-01-04T10:00:00+08:00", false,
     "2026-01-06T23:59:59+08:00", false, "W 10.1.4"},
    {"zibo", "reply", "city-hotline", "2026-01-04T10:00:00+08:00", false,
     "2026-01-09T23:59:59+08:00", false, "platform default (W 10.1.4)"},
    // R-INS-1, Mon 01-05: ends on make-up Sat 02-14.
    {"zibo", "insurance-payout", nullptr, "2026-01-05T10:00:00+08:00", false,
     "2026-02-14T23:59:59+08:00", false, "platform default (W 13.5)"},

    // ---- Spring Festival 2026: make-up Sat 02-14, off 02-15..02-23, make-up Sat 02-28 ----
    {"weihai", "reply", "city-hotline", "2026-02-13T10:00:00+08:00", false,
     "2026-02-27T23:59:59+08:00", false, "W 10.1.4"},
    {"zibo", "reply", "first-question", "2026-02-13T10:00:00+08:00", false,
     "2026-02-27T23:59:59+08:00", false, "platform default (W 10.1.4)"},
    {"weihai", "reply", "city-hotline", "2026-02-14T10:00:00+08:00", false,
     "2026-02-28T23:59:59+08:00", false, "W 10.1.4"},
    {"zibo", "reply", "urgent", "2026-02-14T10:00:00+08:00", false, "2026-02-15T10:00:00+08:00",
     false, "platform default (W 10.1.4)"},
    {"weihai", "reply", "provincial-hotline", "2026-02-28T10:00:00+08:00", false,
     "2026-03-04T23:59:59+08:00", false, "W 10.1.4"},
    {"zibo", "reply", "city-hotline", "2026-02-28T10:00:00+08:00", false,
     "2026-03-06T23:59:59+08:00", false, "platform default (W 10.1.4)"},
    {"weihai", "return", "internet-plus", "2026-02-27T10:00:00+08:00", false,
     "2026-02-28T23:59:59+08:00", false, "W 10.1.3"},
    {"weihai", "reply-extension", "provincial-hotline", "2026-02-12T23:59:59+08:00", false,
     "2026-02-26T23:59:59+08:00", false, "W 10.1.4"},
    {"zibo", "connection-decision", nullptr, "2026-02-13T10:00:00+08:00", true,
     "2026-02-25T23:59:59+08:00", false, "platform default (W 9.1.4)"},
    {"zibo", "connection-decision", nullptr, "2026-02-13T10:00:00+08:00", false,
     "2026-02-14T23:59:59+08:00", false, "platform default (W 9.1.4)"},
    {"zibo", "return-visit", nullptr, "2026-02-14T10:00:00+08:00", false,
     "2026-02-17T23:59:59+08:00", false, "platform default (W 10.1.6)"},
    {"zibo", "leak", nullptr, "2026-02-16T23:30:00+08:00", false, "2026-02-17T00:30:00+08:00",
     false, "platform default (W 10.2.3)"},

    // ---- National Day 2026: make-up Sun 09-20, off 09-25..27, 10-01..07, make-up Sat 10-10 ----
    {"weihai", "reply", "city-hotline", "2026-09-18T10:00:00+08:00", false,
     "2026-09-24T23:59:59+08:00", false, "W 10.1.4"},
    {"weihai", "reply", "city-hotline", "2026-09-20T10:00:00+08:00", false,
     "2026-09-28T23:59:59+08:00", false, "W 10.1.4"},
    {"zibo", "reply", "provincial-hotline", "2026-09-20T10:00:00+08:00", false,
     "2026-09-23T23:59:59+08:00", false, "platform default (W 10.1.4)"},
    {"weihai", "reply", "city-hotline", "2026-09-30T10:00:00+08:00", false,
     "2026-10-13T23:59:59+08:00", false, "W 10.1.4"},
    {"zibo", "return", "city-hotline", "2026-09-30T10:00:00+08:00", false,
     "2026-10-09T23:59:59+08:00", false, "platform default (W 10.1.3)"},
    {"weihai", "reply", "provincial-hotline", "2026-10-10T10:00:00+08:00", false,
     "2026-10-14T23:59:59+08:00", false, "W 10.1.4"},
    {"zibo", "reply", "on-receipt", "2026-10-10T10:00:00+08:00", false, "2026-10-13T23:59:59+08:00",
     false, "platform default (W 10.1.4)"},
    {"weihai", "reply-extension", "city-hotline", "2026-09-24T23:59:59+08:00", false,
     "2026-10-15T23:59:59+08:00", false, "W 10.1.4"},

    // ---- Year ends ----
    // 2024-12-31 (Tue) into 2025 (01-01 off).
    {"weihai", "reply", "city-hotline", "2024-12-31T09:00:00+08:00", false,
     "2025-01-08T23:59:59+08:00", false, "W 10.1.4"},
    {"zibo", "reply", "city-hotline", "2024-12-31T09:00:00+08:00", false,
     "2025-01-08T23:59:59+08:00", false, "platform default (W 10.1.4)"},
    {"weihai", "return", "on-receipt", "2024-12-31T23:00:00+08:00", false,
     "2025-01-01T01:00:00+08:00", false, "W 10.1.3"},
    {"weihai", "reply", "urgent", "2024-12-31T10:30:00+08:00", false, "2025-01-01T10:30:00+08:00",
     false, "W 10.1.4"},
    {"weihai", "return-visit", nullptr, "2024-12-30T15:00:00+08:00", false,
     "2025-01-02T23:59:59+08:00", false, "W 10.1.6"},
    // 2025-12-31 (Wed) into New Year 2026: 01-01..01-03 off, 01-04 (Sun) make-up.
    {"weihai", "reply", "city-hotline", "2025-12-31T10:00:00+08:00", false,
     "2026-01-08T23:59:59+08:00", false, "W 10.1.4"},
    {"zibo", "reply", "city-hotline", "2025-12-31T10:00:00+08:00", false,
     "2026-01-08T23:59:59+08:00", false, "platform default (W 10.1.4)"},
    {"weihai", "return", "city-hotline", "2025-12-31T10:00:00+08:00", false,
     "2026-01-05T23:59:59+08:00", false, "W 10.1.3"},
    {"weihai", "return", "provincial-hotline", "2025-12-31T22:00:00+08:00", false,
     "2026-01-04T23:59:59+08:00", false, "W 10.1.3"},
    {"weihai", "connection-decision", nullptr, "2025-12-31T10:00:00+08:00", false,
     "2026-01-04T23:59:59+08:00", false, "W 9.1.4"},
    {"zibo", "emergency-notice", nullptr, "2025-12-31T23:30:00+08:00", false,
     "2026-01-01T00:30:00+08:00", false, "platform default (R-OUT-1)"},
    {"zibo", "outage-notice", nullptr, "2026-01-02T06:00:00+08:00", false,
     "2025-12-31T06:00:00+08:00", false, "Z 2.4"},

    // ---- Calendar gaps (R-CAL-1 decision): 2027 and 2018 are not loaded ----
    // Wed 2026-12-30: 12-31 (1), 2027-01-01 Fri (2, Mon–Fri rule), 01-04, 01-05, 01-06.
    {"weihai", "reply", "city-hotline", "2026-12-30T10:00:00+08:00", false,
     "2027-01-06T23:59:59+08:00", true, "W 10.1.4"},
    {"zibo", "reply", "city-hotline", "2026-12-30T10:00:00+08:00", false,
     "2027-01-06T23:59:59+08:00", true, "platform default (W 10.1.4)"},
    {"weihai", "return", "provincial-hotline", "2026-12-31T10:00:00+08:00", false,
     "2027-01-01T23:59:59+08:00", true, "W 10.1.3"},
    {"weihai", "connection-decision", nullptr, "2026-12-30T10:00:00+08:00", true,
     "2027-01-04T23:59:59+08:00", true, "W 9.1.4"},
    {"weihai", "reply-extension", "city-hotline", "2026-12-25T23:59:59+08:00", false,
     "2027-01-08T23:59:59+08:00", true, "W 10.1.4"},
    {"weihai", "insurance-payout", nullptr, "2026-12-01T10:00:00+08:00", false,
     "2027-01-12T23:59:59+08:00", true, "W 13.5"},
    // 30 working days that stay inside 2026 are complete.
    {"weihai", "insurance-payout", nullptr, "2026-11-10T10:00:00+08:00", false,
     "2026-12-22T23:59:59+08:00", false, "W 13.5"},
    // Clock time, calendar days and dates need no calendar: never incomplete.
    {"weihai", "leak", nullptr, "2027-03-01T08:00:00+08:00", false, "2027-03-01T09:00:00+08:00",
     false, "W 10.2.3"},
    {"weihai", "return-visit", nullptr, "2027-02-01T10:00:00+08:00", false,
     "2027-02-04T23:59:59+08:00", false, "W 10.1.6"},
    {"weihai", "refund-payment", nullptr, "2026-12-31T10:00:00+08:00", false,
     "2027-06-30T23:59:59+08:00", false, "W 10.4"},
    {"zibo", "connection-application", nullptr, "2026-12-31T10:00:00+08:00", false,
     "2027-07-31T23:59:59+08:00", false, "Z 2.3"},
    // Starting in 2018: Fri 12-28, then Sat 12-29 and Sun 12-30 (unknown: Mon–Fri rule), Mon 12-31
    // (1, unknown), 2019-01-01 off, 01-02, 01-03, 01-04, 01-07.
    {"weihai", "reply", "city-hotline", "2018-12-28T10:00:00+08:00", false,
     "2019-01-07T23:59:59+08:00", true, "W 10.1.4"},
    {"zibo", "reply", "city-hotline", "2018-12-28T10:00:00+08:00", false,
     "2019-01-07T23:59:59+08:00", true, "platform default (W 10.1.4)"},
    // Only the start day is in 2018: it is not counted, so the answer is complete.
    {"weihai", "reply", "city-hotline", "2018-12-31T10:00:00+08:00", false,
     "2019-01-08T23:59:59+08:00", false, "W 10.1.4"},
    {"weihai", "return", "on-receipt", "2018-12-31T23:00:00+08:00", false,
     "2019-01-01T01:00:00+08:00", false, "W 10.1.3"},

    // ---- R-WO-4: 90 minutes in the first 15 days of the official period (11-15..11-29) ----
    {"weihai", "response", nullptr, "2024-11-15T00:00:00+08:00", false, "2024-11-15T01:30:00+08:00",
     false, "W 10.1.4"},
    {"weihai", "response", nullptr, "2024-11-29T23:59:59+08:00", false, "2024-11-30T01:29:59+08:00",
     false, "W 10.1.4"},
    {"weihai", "response", nullptr, "2024-11-14T23:59:59+08:00", false, "2024-11-15T00:29:59+08:00",
     false, "W 10.1.4"},
    {"weihai", "response", nullptr, "2024-11-30T00:00:00+08:00", false, "2024-11-30T00:30:00+08:00",
     false, "W 10.1.4"},
    {"weihai", "response", nullptr, "2025-01-10T09:00:00+08:00", false, "2025-01-10T09:30:00+08:00",
     false, "W 10.1.4"},
    {"weihai", "response", nullptr, "2025-01-29T10:00:00+08:00", false, "2025-01-29T10:30:00+08:00",
     false, "W 10.1.4"},
    {"weihai", "response", nullptr, "2026-03-01T10:00:00+08:00", false, "2026-03-01T10:30:00+08:00",
     false, "W 10.1.4"},
    {"zibo", "response", nullptr, "2025-11-15T00:00:00+08:00", false, "2025-11-15T01:30:00+08:00",
     false, "platform default (W 10.1.4)"},
    {"zibo", "response", nullptr, "2025-11-29T23:59:59+08:00", false, "2025-11-30T01:29:59+08:00",
     false, "platform default (W 10.1.4)"},
    {"zibo", "response", nullptr, "2025-11-14T23:59:59+08:00", false, "2025-11-15T00:29:59+08:00",
     false, "platform default (W 10.1.4)"},
    {"zibo", "response", nullptr, "2025-11-30T00:00:00+08:00", false, "2025-11-30T00:30:00+08:00",
     false, "platform default (W 10.1.4)"},
    {"zibo", "response", nullptr, "2026-01-15T12:00:00+08:00", false, "2026-01-15T12:30:00+08:00",
     false, "platform default (W 10.1.4)"},
    // The local day decides the boundary, whatever the offset of the input.
    {"weihai", "response", nullptr, "2024-11-14T16:00:00Z", false, "2024-11-15T01:30:00+08:00",
     false, "W 10.1.4"},
    {"weihai", "response", nullptr, "2024-11-14T15:59:59Z", false, "2024-11-15T00:29:59+08:00",
     false, "W 10.1.4"},
    {"weihai", "response", nullptr, "2024-11-29T16:00:00Z", false, "2024-11-30T00:30:00+08:00",
     false, "W 10.1.4"},
    {"zibo", "response", nullptr, "2025-11-14T11:00:00-05:00", false, "2025-11-15T01:30:00+08:00",
     false, "platform default (W 10.1.4)"},
    {"zibo", "response", nullptr, "2025-11-29T10:00:00-05:00", false, "2025-11-30T00:30:00+08:00",
     false, "platform default (W 10.1.4)"},

    // ---- Inputs in other offsets: the local (+08:00) day counts, not the UTC day ----
    // 09-29 12:00 -05:00 is Mon 09-30 01:00 local: 10-08, 09, 10, 11, 12 (Sat).
    {"weihai", "reply", "city-hotline", "2024-09-29T12:00:00-05:00", false,
     "2024-10-12T23:59:59+08:00", false, "W 10.1.4"},
    // 02-08 17:00Z is Fri 02-09 01:00 local: 02-18, 02-19, 02-20.
    {"weihai", "reply", "provincial-hotline", "2024-02-08T17:00:00Z", false,
     "2024-02-20T23:59:59+08:00", false, "W 10.1.4"},
    // 01-25 16:00Z is make-up Sun 01-26 00:00 local.
    {"zibo", "reply", "city-hotline", "2025-01-25T16:00:00Z", false, "2025-02-08T23:59:59+08:00",
     false, "platform default (W 10.1.4)"},
    // 01-03 16:30Z is make-up Sun 01-04 00:30 local: 01-05, 01-06.
    {"weihai", "reply", "on-receipt", "2026-01-03T16:30:00Z", false, "2026-01-06T23:59:59+08:00",
     false, "W 10.1.4"},
    // 2026-12-31 16:00Z is 2027-01-01 00:00 local, already in the unloaded year.
    {"weihai", "return", "provincial-hotline", "2026-12-31T16:00:00Z", false,
     "2027-01-04T23:59:59+08:00", true, "W 10.1.3"},
    // 02-09 18:00 -05:00 is 02-10 07:00 local; 3 calendar days.
    {"weihai", "return-visit", nullptr, "2024-02-09T18:00:00-05:00", false,
     "2024-02-13T23:59:59+08:00", false, "W 10.1.6"},
    {"weihai", "return", "urgent", "2024-10-01T01:15:30Z", false, "2024-10-01T09:15:30+08:00",
     false, "W 10.1.3"},
    {"weihai", "leak", nullptr, "2024-12-31T11:30:00-05:00", false, "2025-01-01T01:30:00+08:00",
     false, "W 10.2.3"},
    {"weihai", "outage-notice", nullptr, "2027-01-02T00:00:00Z", false, "2026-12-31T08:00:00+08:00",
     false, "platform default (Z 2.4)"},
    // R-REFUND-6: the next 30 June on or after the local day.
    {"weihai", "refund-payment", nullptr, "2025-06-30T11:00:00-05:00", false,
     "2026-06-30T23:59:59+08:00", false, "W 10.4"},
    {"weihai", "refund-payment", nullptr, "2025-06-30T15:59:59Z", false,
     "2025-06-30T23:59:59+08:00", false, "W 10.4"},
    {"zibo", "refund-payment", nullptr, "2025-03-16T10:00:00+08:00", false,
     "2025-06-30T23:59:59+08:00", false, "platform default (W 10.4)"},
    {"zibo", "refund-payment", nullptr, "2025-07-01T00:00:00+08:00", false,
     "2026-06-30T23:59:59+08:00", false, "platform default (W 10.4)"},
    // R-CONN-1: applications due by 31 July.
    {"weihai", "connection-application", nullptr, "2025-07-31T16:00:00Z", false,
     "2026-07-31T23:59:59+08:00", false, "platform default (Z 2.3)"},
    {"weihai", "connection-application", nullptr, "2025-07-31T23:59:59+08:00", false,
     "2025-07-31T23:59:59+08:00", false, "platform default (Z 2.3)"},
    {"zibo", "connection-application", nullptr, "2025-08-01T09:00:00+08:00", false,
     "2026-07-31T23:59:59+08:00", false, "Z 2.3"},
    // Fractions of a second are truncated.
    {"weihai", "reply", "urgent", "2024-09-27T16:00:00.999+08:00", false,
     "2024-09-28T16:00:00+08:00", false, "W 10.1.4"},
};

TEST_F(DeadlineServiceTest, ComputesEveryRule) {
  for (const Case& c : kCases) {
    SCOPED_TRACE(std::string(c.policy) + " " + c.rule +
                 (c.channel ? std::string(" ") + c.channel : "") +
                 (c.outside_works ? " +outside-works" : "") + " from " + c.from);
    DeadlineQuery q;
    q.policy = c.policy;
    q.rule = c.rule;
    if (c.channel != nullptr) q.channel = c.channel;
    q.from = c.from;
    q.outside_works = c.outside_works;
    auto got = service_->Compute(q, /*allow_policy_files=*/false);
    ASSERT_TRUE(got.ok()) << got.error().message;
    EXPECT_EQ(FormatLocal(got->answer.deadline), c.want);
    EXPECT_EQ(got->answer.calendar_incomplete, c.incomplete);
    EXPECT_EQ(got->answer.basis.Display(), c.basis);
    EXPECT_EQ(rules::DeadlineRuleName(got->request.rule), c.rule);
  }
}

TEST_F(DeadlineServiceTest, RejectsBadInputNamingTheField) {
  struct BadCase {
    const char* what;
    DeadlineQuery query;
    const char* field;
    const char* part;  // in the message
  };
  const std::string from = "2024-09-27T16:00:00+08:00";
  const BadCase cases[] = {
      {"unknown rule",
       {"weihai", "answer", std::nullopt, from, false},
       "rule",
       "unknown rule 'answer'"},
      {"unknown channel",
       {"weihai", "reply", "fax", from, false},
       "channel",
       "unknown channel 'fax'"},
      {"reply without channel",
       {"weihai", "reply", std::nullopt, from, false},
       "channel",
       "rule reply needs a channel"},
      {"return without channel",
       {"zibo", "return", std::nullopt, from, false},
       "channel",
       "rule return needs a channel"},
      {"channel given to leak",
       {"weihai", "leak", "city-hotline", from, false},
       "channel",
       "rule leak takes no channel"},
      {"channel given to connection-decision",
       {"weihai", "connection-decision", "urgent", from, true},
       "channel",
       "rule connection-decision takes no channel"},
      // R-WO-3: only the city and provincial hotlines allow an extension.
      {"reply-extension with on-receipt",
       {"weihai", "reply-extension", "on-receipt", from, false},
       "channel",
       "channel on-receipt is not allowed for rule reply-extension"},
      {"reply-extension with urgent",
       {"zibo", "reply-extension", "urgent", from, false},
       "channel",
       "channel urgent is not allowed for rule reply-extension"},
      {"outside works with reply",
       {"weihai", "reply", "city-hotline", from, true},
       "outside_works",
       "connection-decision only"},
      {"outside works with leak",
       {"zibo", "leak", std::nullopt, from, true},
       "outside_works",
       "connection-decision only"},
      {"malformed from",
       {"weihai", "reply", "city-hotline", "2024-09-27 16:00", false},
       "from",
       "is not an RFC 3339 time"},
      {"from without offset",
       {"weihai", "reply", "city-hotline", "2024-09-27T16:00:00", false},
       "from",
       "the UTC offset (Z or +08:00) is missing"},
      {"from with hour 24",
       {"weihai", "reply", "city-hotline", "2024-09-27T24:00:00Z", false},
       "from",
       "hour 24 is out of range"},
      {"empty from", {"weihai", "reply", "city-hotline", "", false}, "from", "it is empty"},
      {"unknown policy",
       {"beijing", "reply", "city-hotline", from, false},
       "policy",
       "unknown policy 'beijing'"},
      // The API never reads files: a path is just an unknown name.
      {"policy file not allowed",
       {"policies/weihai.toml", "reply", "city-hotline", from, false},
       "policy",
       "unknown policy"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    auto got = service_->Compute(c.query, /*allow_policy_files=*/false);
    ASSERT_FALSE(got.ok());
    EXPECT_EQ(got.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(got.error().field, c.field);
    EXPECT_NE(got.error().message.find(c.part), std::string::npos) << got.error().message;
  }
}

TEST_F(DeadlineServiceTest, PolicyFileAllowedForTheCli) {
  DeadlineQuery q{std::string(HEARTH_SOURCE_DIR) + "/policies/weihai.toml", "reply", "city-hotline",
                  "2024-09-27T16:00:00+08:00", false};
  auto got = service_->Compute(q, /*allow_policy_files=*/true);
  ASSERT_TRUE(got.ok()) << got.error().message;
  EXPECT_EQ(FormatLocal(got->answer.deadline), "2024-10-10T23:59:59+08:00");
  EXPECT_EQ(got->answer.basis.Display(), "W 10.1.4");
}

}  // namespace
}  // namespace hearth::services
