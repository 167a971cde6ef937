// Work orders (issue 13): every transition, legal and not; return refusals and late returns
// (R-WO-2); the extension rules (R-WO-3); response in the season's first days (R-WO-4); second
// complaints' visits (R-WO-6); charged repairs, arrival and the completion record (R-REPAIR-1);
// a child closed by its parent (R-WO-1); reopening; the SLA urgency. The deadlines across
// holidays, make-up days, year ends and calendar gaps are read back from stored orders with the
// shipped profiles and calendar in services/work_order_service_test.cpp.
#include "rules/work_order.hpp"

#include <gtest/gtest.h>

#include "rules/deadline.hpp"

#include <map>

namespace hearth::rules {
namespace {

Instant T(const char* text) { return *ParseRfc3339(text); }

Period P(PeriodUnit unit, int amount, const char* source) {
  return {unit, amount, {source, false, ""}};
}

// Weihai's numbers (policies/weihai.toml).
Policy TestPolicy() {
  Policy p;
  p.season.official_start.value = {11, 15};
  p.season.official_end.value = {3, 15};
  auto& d = p.deadlines;
  using U = PeriodUnit;
  d.return_order = {{Channel::kCityHotline, P(U::kWorkingDays, 2, "W 10.1.3")},
                    {Channel::kProvincialHotline, P(U::kWorkingDays, 1, "W 10.1.3")},
                    {Channel::kOnReceipt, P(U::kHours, 2, "W 10.1.3")},
                    {Channel::kInternetPlus, P(U::kWorkingDays, 1, "W 10.1.3")},
                    {Channel::kFirstQuestion, P(U::kWorkingDays, 2, "W 10.1.3")},
                    {Channel::kUrgent, P(U::kImmediate, 0, "W 10.1.3")}};
  for (Channel c : kAllChannels) d.reply[c] = P(U::kWorkingDays, 5, "W 10.1.4");
  d.reply[Channel::kProvincialHotline] = P(U::kWorkingDays, 3, "W 10.1.4");
  d.reply[Channel::kOnReceipt] = P(U::kWorkingDays, 2, "W 10.1.4");
  d.reply[Channel::kUrgent] = P(U::kHours, 24, "W 10.1.4");
  d.reply_extension = {{Channel::kCityHotline, P(U::kWorkingDays, 10, "W 10.1.4")},
                       {Channel::kProvincialHotline, P(U::kWorkingDays, 5, "W 10.1.4")}};
  d.response = P(U::kMinutes, 30, "W 10.1.4");
  d.response_early_season = P(U::kMinutes, 90, "W 10.1.4");
  d.response_early_season_days.value = 15;
  d.return_visit = P(U::kCalendarDays, 3, "W 10.1.6");
  d.leak = P(U::kHours, 1, "W 10.2.3");
  d.arrival = P(U::kMinutes, 30, "W 10.2.4 a)");
  return p;
}

// No special days: Monday to Friday work (2025-12 has none in the real calendar either).
const HolidayCalendar& Calendar() {
  static const HolidayCalendar cal = *HolidayCalendar::Create({{2025, {}}, {2026, {}}});
  return cal;
}

OrderFacts Facts(Channel channel = Channel::kCityHotline,
                 OrderCategory category = OrderCategory::kHeatingQuality) {
  // Monday 2025-12-01 09:00, after the first 15 days of the 2025 season.
  return {channel, category, T("2025-12-01T09:00:00+08:00"), false, std::nullopt};
}

Contact Who(const char* at) { return {"王女士", T(at), "phone"}; }

OrderEvent Ev(OrderEventType type, const char* at) {
  OrderEvent e;
  e.type = type;
  e.at = T(at);
  e.actor = "agent1";
  switch (type) {  // the fields each type needs to pass, unless a test takes them away
    case OrderEventType::kDispatch: e.technician = "李师傅"; break;
    case OrderEventType::kArrive: e.contact = Who(at); break;  // in case it is late
    case OrderEventType::kRepair:
      e.staff = {"李师傅"};
      e.started_at = e.at - std::chrono::minutes{20};
      e.result = "阀门更换, 室温 19.5 °C";
      e.confirmation = Who(at);
      break;
    case OrderEventType::kReturn:
      e.approved_by = "张经理";
      e.seal = true;
      e.contact = Who(at);
      break;
    case OrderEventType::kExtend: e.reason = "需更换主管道"; break;
    case OrderEventType::kVisit:
      e.process_satisfaction = Satisfaction::kSatisfied;
      e.result_satisfaction = Satisfaction::kSatisfied;
      e.reasonable = true;
      e.mode = VisitMode::kPhone;
      break;
    case OrderEventType::kReopen: e.reason = "仍然不热"; break;
    default: break;
  }
  return e;
}

Result<OrderView> Play(const OrderFacts& f, const std::vector<OrderEvent>& events) {
  return Replay(TestPolicy(), Calendar(), f, events);
}

// The events that bring an order into each state (from a city-hotline order).
std::vector<OrderEvent> PathTo(OrderState s) {
  using E = OrderEventType;
  const std::vector<OrderEvent> full = {
      Ev(E::kAccept, "2025-12-01T09:05:00+08:00"),   Ev(E::kRespond, "2025-12-01T09:20:00+08:00"),
      Ev(E::kDispatch, "2025-12-01T09:30:00+08:00"), Ev(E::kArrive, "2025-12-01T09:50:00+08:00"),
      Ev(E::kRepair, "2025-12-01T11:00:00+08:00"),   Ev(E::kReply, "2025-12-01T12:00:00+08:00"),
      Ev(E::kVisit, "2025-12-02T10:00:00+08:00"),    Ev(E::kClose, "2025-12-02T11:00:00+08:00")};
  const std::map<OrderState, size_t> prefix = {
      {OrderState::kReceived, 0}, {OrderState::kAccepted, 1},   {OrderState::kResponded, 2},
      {OrderState::kDispatched, 3}, {OrderState::kOnSite, 4},   {OrderState::kRepaired, 5},
      {OrderState::kReplied, 6},  {OrderState::kVisited, 7},    {OrderState::kClosed, 8}};
  if (s == OrderState::kReturned) {
    return {Ev(E::kAccept, "2025-12-01T09:05:00+08:00"), Ev(E::kReturn, "2025-12-01T10:00:00+08:00")};
  }
  return {full.begin(), full.begin() + static_cast<std::ptrdiff_t>(prefix.at(s))};
}

TEST(WorkOrderTransitions, EveryEventInEveryState) {
  using S = OrderState;
  using E = OrderEventType;
  // The state each event leads to from each state where it is allowed; absent: 409.
  const std::map<std::pair<S, E>, S> allowed = {
      {{S::kReceived, E::kAccept}, S::kAccepted},     {{S::kReceived, E::kReturn}, S::kReturned},
      {{S::kAccepted, E::kRespond}, S::kResponded},   {{S::kAccepted, E::kReturn}, S::kReturned},
      {{S::kAccepted, E::kExtend}, S::kAccepted},     {{S::kResponded, E::kDispatch}, S::kDispatched},
      {{S::kResponded, E::kReply}, S::kReplied},      {{S::kResponded, E::kExtend}, S::kResponded},
      {{S::kDispatched, E::kArrive}, S::kOnSite},     {{S::kDispatched, E::kExtend}, S::kDispatched},
      {{S::kOnSite, E::kRepair}, S::kRepaired},       {{S::kOnSite, E::kExtend}, S::kOnSite},
      {{S::kRepaired, E::kReply}, S::kReplied},       {{S::kRepaired, E::kDispatch}, S::kDispatched},
      {{S::kRepaired, E::kExtend}, S::kRepaired},     {{S::kReplied, E::kVisit}, S::kVisited},
      {{S::kVisited, E::kClose}, S::kClosed},         {{S::kReturned, E::kClose}, S::kClosed},
      {{S::kClosed, E::kReopen}, S::kAccepted},
  };
  const S states[] = {S::kReceived, S::kAccepted, S::kResponded, S::kDispatched, S::kOnSite,
                      S::kRepaired, S::kReplied,  S::kReturned,  S::kVisited,    S::kClosed};
  const E types[] = {E::kAccept, E::kRespond, E::kDispatch, E::kArrive, E::kRepair, E::kReply,
                     E::kReturn, E::kExtend,  E::kVisit,    E::kClose,  E::kReopen};
  int checked = 0;
  for (S s : states) {
    auto events = PathTo(s);
    auto before = Play(Facts(), events);
    ASSERT_TRUE(before.ok()) << OrderStateName(s) << ": " << before.error().message;
    ASSERT_EQ(before->state, s);
    for (E t : types) {
      auto next = events;
      next.push_back(Ev(t, "2025-12-02T11:30:00+08:00"));
      auto after = Play(Facts(), next);
      const std::string what =
          std::string(EventTypeName(t)) + " in " + std::string(OrderStateName(s));
      auto it = allowed.find({s, t});
      if (it == allowed.end()) {
        ASSERT_FALSE(after.ok()) << what;
        EXPECT_EQ(after.error().code, ErrorCode::kFailedPrecondition) << what;
        EXPECT_EQ(after.error().field, "type") << what;
        EXPECT_EQ(after.error().message,
                  std::string(EventTypeName(t)) + " is not allowed in state " +
                      std::string(OrderStateName(s)))
            << what;
      } else {
        ASSERT_TRUE(after.ok()) << what << ": " << after.error().message;
        EXPECT_EQ(after->state, it->second) << what;
      }
      ++checked;
    }
  }
  EXPECT_EQ(checked, 110);
}

TEST(WorkOrderTransitions, NamesRoundTrip) {
  for (auto t : {OrderEventType::kAccept, OrderEventType::kReopen, OrderEventType::kExtend}) {
    EXPECT_EQ(ParseEventType(EventTypeName(t)), t);
  }
  EXPECT_EQ(ParseOrderState("on-site"), OrderState::kOnSite);
  EXPECT_EQ(ParseCategory("heating-quality"), OrderCategory::kHeatingQuality);
  EXPECT_EQ(ParseSatisfaction("basically-satisfied"), Satisfaction::kBasicallySatisfied);
  EXPECT_EQ(ParseVisitMode("face-to-face"), VisitMode::kFaceToFace);
  EXPECT_FALSE(ParseEventType("Accept").has_value());
  EXPECT_FALSE(ParseCategory("").has_value());
}

TEST(WorkOrderTransitions, EventsGoForwardInTime) {
  auto r = Play(Facts(), {Ev(OrderEventType::kAccept, "2025-12-01T08:59:59+08:00")});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "at");
  r = Play(Facts(), {Ev(OrderEventType::kAccept, "2025-12-01T10:00:00+08:00"),
                    Ev(OrderEventType::kRespond, "2025-12-01T09:59:00+08:00")});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "at");
}

TEST(WorkOrderDeadlines, AtCreationByChannel) {  // R-WO-1, R-WO-2, R-WO-3, R-REPAIR-1
  struct Case {
    Channel channel;
    OrderCategory category;
    std::vector<std::pair<OrderDeadline, const char*>> want;
  };
  using D = OrderDeadline;
  const Case cases[] = {
      // Mon 09:00: 2 working days -> Wed; 5 -> Mon 12-08.
      {Channel::kCityHotline, OrderCategory::kHeatingQuality,
       {{D::kReturn, "2025-12-03T23:59:59+08:00"}, {D::kReply, "2025-12-08T23:59:59+08:00"}}},
      {Channel::kOnReceipt, OrderCategory::kHeatingQuality,
       {{D::kReturn, "2025-12-01T11:00:00+08:00"}, {D::kReply, "2025-12-03T23:59:59+08:00"}}},
      {Channel::kUrgent, OrderCategory::kLeak,
       {{D::kReturn, "2025-12-01T09:00:00+08:00"},
        {D::kReply, "2025-12-02T09:00:00+08:00"},
        {D::kLeak, "2025-12-01T10:00:00+08:00"}}},
      // The company's own channels: no return; the city hotline's reply time.
      {Channel::kPhone, OrderCategory::kLeak,
       {{D::kReply, "2025-12-08T23:59:59+08:00"}, {D::kLeak, "2025-12-01T10:00:00+08:00"}}},
      {Channel::kHall, OrderCategory::kBilling, {{D::kReply, "2025-12-08T23:59:59+08:00"}}},
  };
  for (const Case& c : cases) {
    auto v = Play(Facts(c.channel, c.category), {});
    ASSERT_TRUE(v.ok());
    ASSERT_EQ(v->deadlines.size(), c.want.size()) << ChannelName(c.channel);
    for (size_t i = 0; i < c.want.size(); ++i) {
      EXPECT_EQ(v->deadlines[i].name, c.want[i].first);
      EXPECT_EQ(FormatLocal(v->deadlines[i].due), c.want[i].second)
          << ChannelName(c.channel) << " " << OrderDeadlineName(c.want[i].first);
      EXPECT_TRUE(v->deadlines[i].Open());
    }
  }
}

TEST(WorkOrderDeadlines, ResponseInTheSeasonsFirstDays) {  // R-WO-4
  struct Case {
    const char* accepted;
    std::optional<Date> official_start;
    const char* want;
  };
  const Case cases[] = {
      // The profile's 11-15: days 11-15 .. 11-29 are the first 15.
      {"2025-11-29T23:00:00+08:00", std::nullopt, "2025-11-30T00:30:00+08:00"},
      {"2025-11-30T00:00:00+08:00", std::nullopt, "2025-11-30T00:30:00+08:00"},
      {"2025-11-15T00:00:00+08:00", std::nullopt, "2025-11-15T01:30:00+08:00"},
      {"2025-11-14T23:59:00+08:00", std::nullopt, "2025-11-15T00:29:00+08:00"},
      // The district decided 11-10: 11-10 .. 11-24.
      {"2025-11-24T12:00:00+08:00", *ParseDate("2025-11-10"), "2025-11-24T13:30:00+08:00"},
      {"2025-11-25T12:00:00+08:00", *ParseDate("2025-11-10"), "2025-11-25T12:30:00+08:00"},
      {"2025-11-12T12:00:00+08:00", *ParseDate("2025-11-10"), "2025-11-12T13:30:00+08:00"},
  };
  for (const Case& c : cases) {
    OrderFacts f = Facts();
    f.received_at = T(c.accepted) - std::chrono::minutes{1};
    f.official_start = c.official_start;
    auto v = Play(f, {Ev(OrderEventType::kAccept, c.accepted)});
    ASSERT_TRUE(v.ok()) << v.error().message;
    const DeadlineStatus* r = v->Find(OrderDeadline::kResponse);
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(FormatLocal(r->due), c.want) << c.accepted;
    EXPECT_EQ(r->basis.source, "W 10.1.4");
  }
}

TEST(WorkOrderReturn, RefusedWithoutApprovalSealOrContact) {  // R-WO-2
  struct Case {
    const char* name;
    void (*strip)(OrderEvent&);
    const char* field;
  };
  const Case cases[] = {
      {"no approval", [](OrderEvent& e) { e.approved_by.clear(); }, "approved_by"},
      {"no seal", [](OrderEvent& e) { e.seal = false; }, "seal"},
      {"no contact", [](OrderEvent& e) { e.contact.reset(); }, "contact_record"},
      {"contact without how", [](OrderEvent& e) { e.contact->how.clear(); }, "contact_record"},
  };
  for (const Case& c : cases) {
    OrderEvent ret = Ev(OrderEventType::kReturn, "2025-12-01T10:00:00+08:00");
    c.strip(ret);
    auto v = Play(Facts(), {ret});
    ASSERT_FALSE(v.ok()) << c.name;
    EXPECT_EQ(v.error().code, ErrorCode::kInvalidArgument) << c.name;
    EXPECT_EQ(v.error().field, c.field) << c.name;
  }
}

TEST(WorkOrderReturn, OnTimeAndLate) {  // R-WO-2: a late return is recorded, marked late
  // City hotline from Mon 09:00: return due Wed 23:59:59.
  for (auto [at, late] : {std::pair{"2025-12-03T23:59:59+08:00", false},
                          std::pair{"2025-12-04T00:00:00+08:00", true}}) {
    auto v = Play(Facts(), {Ev(OrderEventType::kReturn, at)});
    ASSERT_TRUE(v.ok()) << v.error().message;
    EXPECT_EQ(v->state, OrderState::kReturned);
    EXPECT_TRUE(v->returned);
    const DeadlineStatus* r = v->Find(OrderDeadline::kReturn);
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(r->Late(), late) << at;
    EXPECT_EQ(DeadlineStatusName(*r, T(at)), late ? "late" : "met");
    EXPECT_TRUE(v->Find(OrderDeadline::kReply)->lapsed);  // nothing more is owed
  }
  // The return window closes once the company responds.
  auto v = Play(Facts(), PathTo(OrderState::kResponded));
  EXPECT_TRUE(v->Find(OrderDeadline::kReturn)->lapsed);
}

TEST(WorkOrderExtension, Rules) {  // R-WO-3
  using E = OrderEventType;
  struct Case {
    const char* name;
    Channel channel;
    std::vector<OrderEvent> events;
    ErrorCode code;  // kInternal: accepted
    const char* reply_extended;
  };
  auto accepted = [](const char* at) {
    return std::vector<OrderEvent>{Ev(E::kAccept, "2025-12-01T09:05:00+08:00"), Ev(E::kExtend, at)};
  };
  std::vector<OrderEvent> twice = accepted("2025-12-02T10:00:00+08:00");
  twice.push_back(Ev(E::kExtend, "2025-12-03T10:00:00+08:00"));
  std::vector<OrderEvent> no_reason = accepted("2025-12-02T10:00:00+08:00");
  no_reason.back().reason.clear();
  const Case cases[] = {
      // City: reply due Mon 12-08 23:59:59; 10 working days from that day: 12-22.
      {"city, before", Channel::kCityHotline, accepted("2025-12-02T10:00:00+08:00"),
       ErrorCode::kInternal, "2025-12-22T23:59:59+08:00"},
      {"city, at the deadline", Channel::kCityHotline, accepted("2025-12-08T23:59:59+08:00"),
       ErrorCode::kInternal, "2025-12-22T23:59:59+08:00"},
      {"city, after", Channel::kCityHotline, accepted("2025-12-09T00:00:00+08:00"),
       ErrorCode::kFailedPrecondition, nullptr},
      // Provincial: reply due Thu 12-04; 5 working days from that day: Thu 12-11.
      {"provincial", Channel::kProvincialHotline, accepted("2025-12-02T10:00:00+08:00"),
       ErrorCode::kInternal, "2025-12-11T23:59:59+08:00"},
      {"on-receipt has none", Channel::kOnReceipt, accepted("2025-12-01T10:00:00+08:00"),
       ErrorCode::kFailedPrecondition, nullptr},
      {"phone has none", Channel::kPhone, accepted("2025-12-01T10:00:00+08:00"),
       ErrorCode::kFailedPrecondition, nullptr},
      {"only once", Channel::kCityHotline, twice, ErrorCode::kFailedPrecondition, nullptr},
      {"no reason", Channel::kCityHotline, no_reason, ErrorCode::kInvalidArgument, nullptr},
  };
  for (const Case& c : cases) {
    auto v = Play(Facts(c.channel), c.events);
    if (c.code != ErrorCode::kInternal) {
      ASSERT_FALSE(v.ok()) << c.name;
      EXPECT_EQ(v.error().code, c.code) << c.name;
      continue;
    }
    ASSERT_TRUE(v.ok()) << c.name << ": " << v.error().message;
    EXPECT_TRUE(v->extended);
    EXPECT_TRUE(v->Find(OrderDeadline::kReply)->met_at.has_value()) << c.name;
    const DeadlineStatus* x = v->Find(OrderDeadline::kReplyExtended);
    ASSERT_NE(x, nullptr) << c.name;
    EXPECT_EQ(FormatLocal(x->due), c.reply_extended) << c.name;
    EXPECT_EQ(x->from, v->Find(OrderDeadline::kReply)->due) << c.name;
  }
}

TEST(WorkOrderExtension, TheFinalReplyMeetsTheExtendedDeadline) {
  using E = OrderEventType;
  auto v = Play(Facts(), {Ev(E::kAccept, "2025-12-01T09:05:00+08:00"),
                         Ev(E::kRespond, "2025-12-01T09:20:00+08:00"),
                         Ev(E::kExtend, "2025-12-05T10:00:00+08:00"),
                         Ev(E::kReply, "2025-12-23T10:00:00+08:00")});
  ASSERT_TRUE(v.ok()) << v.error().message;
  EXPECT_FALSE(v->Find(OrderDeadline::kReply)->Late());
  EXPECT_TRUE(v->Find(OrderDeadline::kReplyExtended)->Late());  // due 12-22
  EXPECT_EQ(FormatLocal(v->Find(OrderDeadline::kReturnVisit)->due), "2025-12-26T23:59:59+08:00");
}

TEST(WorkOrderVisit, SecondComplaintIsFaceToFaceOrByAManager) {  // R-WO-6
  struct Case {
    bool second;
    VisitMode mode;
    bool by_manager;
    bool ok;
  };
  const Case cases[] = {
      {false, VisitMode::kPhone, false, true},      {true, VisitMode::kPhone, false, false},
      {true, VisitMode::kPhone, true, true},        {true, VisitMode::kFaceToFace, false, true},
  };
  for (const Case& c : cases) {
    OrderFacts f = Facts();
    f.second_complaint = c.second;
    auto events = PathTo(OrderState::kReplied);
    OrderEvent visit = Ev(OrderEventType::kVisit, "2025-12-02T10:00:00+08:00");
    visit.mode = c.mode;
    visit.by_manager = c.by_manager;
    events.push_back(visit);
    auto v = Play(f, events);
    EXPECT_EQ(v.ok(), c.ok) << c.second << " " << VisitModeName(c.mode) << " " << c.by_manager;
    if (!c.ok) {
      EXPECT_EQ(v.error().field, "mode");
    }
  }
}

TEST(WorkOrderVisit, RecordsEveryAnswer) {
  for (const char* field : {"process_satisfaction", "result_satisfaction", "reasonable", "mode"}) {
    auto events = PathTo(OrderState::kReplied);
    OrderEvent visit = Ev(OrderEventType::kVisit, "2025-12-02T10:00:00+08:00");
    const std::string f = field;
    if (f == "process_satisfaction") visit.process_satisfaction.reset();
    if (f == "result_satisfaction") visit.result_satisfaction.reset();
    if (f == "reasonable") visit.reasonable.reset();
    if (f == "mode") visit.mode.reset();
    events.push_back(visit);
    auto v = Play(Facts(), events);
    ASSERT_FALSE(v.ok()) << field;
    EXPECT_EQ(v.error().field, field);
  }
  // Replied Mon 12:00: visit due Thu 12-04 23:59:59 (3 calendar days).
  auto v = Play(Facts(), PathTo(OrderState::kVisited));
  const DeadlineStatus* r = v->Find(OrderDeadline::kReturnVisit);
  EXPECT_EQ(FormatLocal(r->due), "2025-12-04T23:59:59+08:00");
  EXPECT_EQ(DeadlineStatusName(*r, T("2025-12-10T00:00:00+08:00")), "met");
  EXPECT_EQ(v->result_satisfaction, Satisfaction::kSatisfied);
}

TEST(WorkOrderRepair, ChargesSignatureAndCompletionRecord) {  // R-REPAIR-1
  struct Case {
    const char* name;
    void (*change)(OrderEvent&);
    const char* field;  // nullptr: accepted
  };
  auto charged = [](OrderEvent& e) {
    e.charges = {{"更换暖气片阀门", 8500, "DN20 铜阀 1 个"}};
    e.signature = Contact{"王女士", *e.started_at - std::chrono::minutes{5}, "签字"};
  };
  const Case cases[] = {
      {"free work", [](OrderEvent&) {}, nullptr},
      {"charged and signed before", charged, nullptr},
      {"charged, unsigned",
       [](OrderEvent& e) { e.charges = {{"更换阀门", 8500, "DN20 铜阀"}}; }, "signature"},
      {"charged, signed after the work began",
       [](OrderEvent& e) {
         e.charges = {{"更换阀门", 8500, "DN20 铜阀"}};
         e.signature = Contact{"王女士", *e.started_at + std::chrono::minutes{1}, "签字"};
       },
       "signature"},
      {"an item without a name",
       [](OrderEvent& e) { e.charges = {{"", 100, "x"}}; }, "charges[0].item"},
      {"a negative price",
       [](OrderEvent& e) { e.charges = {{"阀门", -1, "x"}}; }, "charges[0].price_fen"},
      {"no staff", [](OrderEvent& e) { e.staff.clear(); }, "staff"},
      {"no start", [](OrderEvent& e) { e.started_at.reset(); }, "started_at"},
      {"no result", [](OrderEvent& e) { e.result.clear(); }, "result"},
      {"no confirmation", [](OrderEvent& e) { e.confirmation.reset(); }, "confirmation"},
  };
  for (const Case& c : cases) {
    auto events = PathTo(OrderState::kOnSite);
    OrderEvent repair = Ev(OrderEventType::kRepair, "2025-12-01T11:00:00+08:00");
    c.change(repair);
    events.push_back(repair);
    auto v = Play(Facts(Channel::kPhone, OrderCategory::kLeak), events);
    if (c.field == nullptr) {
      ASSERT_TRUE(v.ok()) << c.name << ": " << v.error().message;
      // Leak from 09:00, repaired 11:00: late against 10:00.
      EXPECT_TRUE(v->Find(OrderDeadline::kLeak)->Late());
    } else {
      ASSERT_FALSE(v.ok()) << c.name;
      EXPECT_EQ(v.error().code, ErrorCode::kInvalidArgument) << c.name;
      EXPECT_EQ(v.error().field, c.field) << c.name;
    }
  }
}

TEST(WorkOrderRepair, ArrivalByDispatchOrAppointment) {  // R-REPAIR-1
  using E = OrderEventType;
  struct Case {
    const char* appointment;  // nullptr: none
    const char* arrive;
    bool with_contact;
    const char* due;
    bool ok;
  };
  const Case cases[] = {
      {nullptr, "2025-12-01T10:00:00+08:00", false, "2025-12-01T10:00:00+08:00", true},
      {nullptr, "2025-12-01T10:00:01+08:00", false, "2025-12-01T10:00:00+08:00", false},
      {nullptr, "2025-12-01T10:20:00+08:00", true, "2025-12-01T10:00:00+08:00", true},
      {"2025-12-01T15:00:00+08:00", "2025-12-01T14:55:00+08:00", false,
       "2025-12-01T15:00:00+08:00", true},
      {"2025-12-01T15:00:00+08:00", "2025-12-01T15:10:00+08:00", false,
       "2025-12-01T15:00:00+08:00", false},
  };
  for (const Case& c : cases) {
    auto events = PathTo(OrderState::kResponded);
    OrderEvent dispatch = Ev(E::kDispatch, "2025-12-01T09:30:00+08:00");
    if (c.appointment) dispatch.appointment = T(c.appointment);
    events.push_back(dispatch);
    auto at_dispatch = Play(Facts(), events);
    ASSERT_TRUE(at_dispatch.ok());
    EXPECT_EQ(FormatLocal(at_dispatch->Find(OrderDeadline::kArrival)->due), c.due);
    OrderEvent arrive = Ev(E::kArrive, c.arrive);
    if (!c.with_contact) arrive.contact.reset();
    events.push_back(arrive);
    auto v = Play(Facts(), events);
    EXPECT_EQ(v.ok(), c.ok) << c.arrive;
    if (!c.ok) {
      EXPECT_EQ(v.error().field, "contact_record");
    }
  }
  auto events = PathTo(OrderState::kResponded);
  OrderEvent dispatch = Ev(E::kDispatch, "2025-12-01T09:30:00+08:00");
  dispatch.appointment = T("2025-12-01T09:00:00+08:00");
  events.push_back(dispatch);
  EXPECT_EQ(Play(Facts(), events).error().field, "appointment");
  events.back().appointment.reset();
  events.back().technician.clear();
  EXPECT_EQ(Play(Facts(), events).error().field, "technician");
}

TEST(WorkOrderDuplicates, ChildClosesWithItsParentKeepingItsOwnDeadlines) {  // R-WO-1
  // A provincial child (reply due Thu 12-04) of a parent replied Fri 12-05 and visited 12-06.
  OrderEvent close = Ev(OrderEventType::kClose, "2025-12-06T12:00:00+08:00");
  close.by_parent = 7;
  close.parent_reply_at = T("2025-12-05T10:00:00+08:00");
  close.parent_visit_at = T("2025-12-06T10:00:00+08:00");
  auto v = Play(Facts(Channel::kProvincialHotline),
               {Ev(OrderEventType::kAccept, "2025-12-01T09:05:00+08:00"), close});
  ASSERT_TRUE(v.ok()) << v.error().message;
  EXPECT_EQ(v->state, OrderState::kClosed);
  EXPECT_EQ(FormatLocal(v->Find(OrderDeadline::kReply)->due), "2025-12-04T23:59:59+08:00");
  EXPECT_TRUE(v->Find(OrderDeadline::kReply)->Late());
  EXPECT_FALSE(v->Find(OrderDeadline::kReturnVisit)->Late());
  EXPECT_TRUE(v->Find(OrderDeadline::kResponse)->lapsed);
  // Without by_parent, closing an unvisited order is refused.
  close.by_parent.reset();
  EXPECT_EQ(Play(Facts(), {close}).error().code, ErrorCode::kFailedPrecondition);
}

TEST(WorkOrderReopen, OwesReplyAndVisitAgain) {
  auto events = PathTo(OrderState::kClosed);
  events.push_back(Ev(OrderEventType::kReopen, "2025-12-03T09:00:00+08:00"));
  auto v = Play(Facts(), events);
  ASSERT_TRUE(v.ok()) << v.error().message;
  EXPECT_EQ(v->state, OrderState::kAccepted);
  EXPECT_TRUE(v->Find(OrderDeadline::kReply)->Open());
  EXPECT_EQ(v->Find(OrderDeadline::kReturnVisit), nullptr);
  EXPECT_EQ(FormatLocal(v->Find(OrderDeadline::kResponse)->due), "2025-12-03T09:30:00+08:00");
  events.back().reason.clear();
  EXPECT_EQ(Play(Facts(), events).error().field, "reason");
}

TEST(WorkOrderUrgency, OkWarningOverdue) {
  DeadlineStatus d;
  d.from = T("2025-12-01T09:00:00+08:00");
  d.due = T("2025-12-01T10:00:00+08:00");
  struct Case {
    const char* now;
    const char* want;
  };
  const Case cases[] = {{"2025-12-01T09:44:59+08:00", "ok"},
                        {"2025-12-01T09:45:00+08:00", "warning"},
                        {"2025-12-01T10:00:00+08:00", "warning"},
                        {"2025-12-01T10:00:01+08:00", "overdue"}};
  for (const Case& c : cases) EXPECT_EQ(DeadlineStatusName(d, T(c.now)), c.want) << c.now;
  d.met_at = T("2025-12-01T10:00:01+08:00");
  EXPECT_EQ(DeadlineStatusName(d, T("2025-12-02T00:00:00+08:00")), "late");
}

}  // namespace
}  // namespace hearth::rules
