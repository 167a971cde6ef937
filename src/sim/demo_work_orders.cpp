// How each planned order lives (demo_order_plan.hpp plans which orders come): one seeded Maker
// follows an order's timeline through WorkOrderService.
#include "sim/demo_work_orders.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>
#include <vector>

#include "model/resources.hpp"
#include "rules/deadline.hpp"
#include "rules/season.hpp"
#include "sim/demo_city_data.hpp"
#include "sim/demo_order_plan.hpp"
#include "sim/season_simulator.hpp"

namespace hearth::sim {
namespace {

using orders::Company;
using orders::Household;
using orders::Plan;

using demo::Rng;
using rules::Channel;
using rules::OrderCategory;
using rules::OrderDeadline;
using E = rules::OrderEventType;
using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;

template <size_t N>
const char* Text(Rng& rng, const std::array<const char*, N>& texts) {
  return texts[static_cast<size_t>(rng.Between(0, N - 1))];
}

// Per mille of the orders that can have it.
constexpr int kCharged = 300, kAppointment = 400, kLateArrival = 20, kLateLeak = 60;

const std::array<const char*, 5> kHeatingComplaints = {
    "卧室温度只有16度，暖气不热", "客厅暖气上热下凉", "家里温度不达标，老人孩子受冻",
    "暖气片不热，已自行放气仍不热", "夜间室温偏低，早上只有15度"};
const std::array<const char*, 4> kLeakComplaints = {"暖气片接口漏水", "楼道供热管道滴水",
                                                    "阀门处漏水，地面已积水", "地暖分水器漏水"};
const std::array<const char*, 4> kRepairComplaints = {"暖气阀门拧不动，需要更换", "户内管道有异响",
                                                      "温控阀失灵", "暖气片需要放气，无法自行处理"};
const std::array<const char*, 4> kBillingComplaints = {"采暖费金额有疑问", "申请停热后仍被收费",
                                                       "已缴费但未开通供暖", "发票开具问题"};
const std::array<const char*, 3> kHeatingResults = {"已调节楼栋平衡阀，复测室温19.5度",
                                                    "已清洗户内过滤器，室温恢复正常",
                                                    "已排气并调节阀门，复测室温达标"};
const std::array<const char*, 3> kBillingResults = {"已核对面积与单价，费用无误，已向业主解释",
                                                    "核实后已退还多收费用", "已补开发票"};
const std::array<const char*, 3> kReturnReasons = {"小区庭院管网由物业管理，不属本单位职责",
                                                   "非本单位供热区域",
                                                   "诉求为房屋质量问题，应由开发商处理"};
const std::array<const char*, 3> kExtendReasons = {
    "需更换庭院管网阀门，待材料到货", "需协调物业开挖检修", "楼栋管网改造，需停热窗口"};
const std::array<const char*, 6> kTechnicians = {"赵师傅", "钱师傅", "孙师傅",
                                                 "李师傅", "周师傅", "吴师傅"};
const std::array<const char*, 10> kSurnames = {"王", "李", "张", "刘", "陈",
                                               "杨", "赵", "黄", "周", "吴"};

struct Charge {
  const char* item;
  int64_t price_fen;
  const char* materials;
};
const std::array<Charge, 3> kCharges = {{{"更换暖气片阀门", 8500, "DN20 铜球阀 1 个"},
                                         {"更换温控阀", 12000, "温控阀 1 个"},
                                         {"暖气片清洗", 6000, "无"}}};

std::string Caller(int64_t household_id) {
  return std::string(kSurnames[static_cast<size_t>(household_id % 10)]) +
         (household_id / 10 % 2 ? "女士" : "先生");
}

rules::Contact Contact(int64_t household_id, Instant at, const char* how) {
  return {Caller(household_id), at, how};
}

// A time after `last` and by `due`, in the first part of the time left, preferably by day.
Instant OnTime(Rng& rng, Instant last, Instant due) {
  if (due <= last + minutes{10}) return last + (due > last ? (due - last) / 2 : minutes{1});
  const auto span = std::chrono::duration_cast<std::chrono::seconds>(due - last).count();
  Instant t = last + std::chrono::seconds{rng.Between(span * 15 / 100, span * 70 / 100)};
  const auto hour = (t - StartOfLocalDay(LocalDate(t))) / hours{1};
  if (hour < 8 || hour >= 21) {
    const Date morning = LocalDate(t) + days{hour >= 21 ? 1 : 0};
    const Instant by_day = StartOfLocalDay(morning) + hours{8} + minutes{rng.Between(10, 150)};
    if (by_day > last && by_day < due) t = by_day;
  }
  return t;
}

Instant After(Rng& rng, Instant t, int64_t lo_minutes, int64_t hi_minutes) {
  return t + minutes{rng.Between(lo_minutes, hi_minutes)} +
         std::chrono::seconds{rng.Between(0, 59)};
}

// Makes the orders of the plans through the service, one life at a time.
class Maker {
 public:
  Maker(const services::WorkOrderService& service, const std::vector<Company>& companies,
        const std::vector<Household>& households, Instant now, DemoOrderSummary& summary)
      : service_(service),
        companies_(companies),
        households_(households),
        now_(now),
        summary_(summary) {}

  Status Make(const Plan& p, uint64_t seed) {
    Rng rng(seed);
    const Household& h = households_[p.household];
    const Company& c = companies_[h.company];
    auto received = Receive(p, p.channel, p.received, std::nullopt, rng);
    if (!received.ok()) return received.error();
    if (!received->created) return OkStatus();  // made before (a re-run)
    const int64_t id = received->order.order.head.id;
    const bool second = received->order.order.head.second_complaint;
    summary_.second_complaints += second;
    view_ = received->order.view;
    last_ = p.received;
    std::optional<int64_t> child;
    if (p.duplicate) {
      // The same complaint from the provincial hotline: linked, taken on, closed with this one.
      const Instant at = After(rng, p.received, 15, 120);
      if (at < now_) {
        auto r = Receive(p, Channel::kProvincialHotline, at, id, rng);
        if (!r.ok()) return r.error();
        child = r->order.order.head.id;
        ++summary_.duplicates;
        rules::OrderView saved = view_;
        const Instant saved_last = last_;
        last_ = at;
        for (E type : {E::kAccept, E::kRespond}) {
          auto s = Step(*child, Event(type, After(rng, last_, 2, 12)), c.agent);
          if (!s.ok()) return s.error();
          if (!*s) break;
        }
        view_ = saved;
        last_ = saved_last;
      }
    }
    auto done = Life(p, id, second, c, h, rng);
    if (!done.ok()) return done.error();
    if (child) {
      auto read = service_.Get(*child, c.agent.scope);
      if (!read.ok()) return read.error();
      Count(read->view);
    }
    Count(view_);
    return OkStatus();
  }

 private:
  Result<services::WorkOrderService::Received> Receive(const Plan& p, Channel channel, Instant at,
                                                       std::optional<int64_t> parent, Rng& rng) {
    const Household& h = households_[p.household];
    services::NewWorkOrder n;
    n.channel = channel;
    if (rules::IsHotline(channel)) {
      static constexpr std::array<std::pair<Channel, const char*>, 6> kPrefix = {{
          {Channel::kCityHotline, "12345"},
          {Channel::kProvincialHotline, "SD12345"},
          {Channel::kOnReceipt, "JSJB"},
          {Channel::kInternetPlus, "HLW"},
          {Channel::kFirstQuestion, "SWFZ"},
          {Channel::kUrgent, "JJ"},
      }};
      const char* prefix = "";
      for (const auto& [ch, text] : kPrefix) {
        if (ch == channel) prefix = text;
      }
      n.external_id = std::string(prefix) + "-" +
                      std::to_string(rules::SeasonYearOf(LocalDate(at))) + "-" +
                      demo::Padded(++numbers_[static_cast<size_t>(channel)], 6);
    }
    n.received_at = at;
    n.household = std::to_string(h.id);
    n.category = p.category;
    switch (p.category) {
      case OrderCategory::kHeatingQuality:
        n.content = Text(rng, kHeatingComplaints);
        break;
      case OrderCategory::kLeak:
        n.content = Text(rng, kLeakComplaints);
        break;
      case OrderCategory::kRepair:
        n.content = Text(rng, kRepairComplaints);
        break;
      default:
        n.content = Text(rng, kBillingComplaints);
        break;
    }
    n.caller_phone = !h.phone.empty() && rng.Chance(900) ? h.phone : demo::Phone(rng);
    n.parent_id = parent;
    auto r = service_.Receive(n, companies_[h.company].agent);
    if (r.ok() && r->created) {
      ++summary_.orders;
      ++summary_.by_channel[std::string(rules::ChannelName(channel))];
    }
    return r;
  }

  static rules::OrderEvent Event(E type, Instant at) {
    rules::OrderEvent e;
    e.type = type;
    e.at = at;
    return e;
  }

  // Records the event (no earlier than the one before), unless it would come after now: false
  // then, and the order stays open.
  Result<bool> Step(int64_t id, rules::OrderEvent e, const services::OrderActor& actor) {
    e.at = std::max(e.at, last_);
    if (e.at > now_) return false;
    const Instant at = e.at;
    auto r = service_.Record(id, std::move(e), actor);
    if (!r.ok()) return r.error();
    view_ = std::move(r->view);
    last_ = at;
    ++summary_.events;
    return true;
  }

  Instant Due(OrderDeadline name) const {
    const auto* d = view_.Find(name);
    return d ? d->due : last_ + hours{24};
  }

  // The order's life after its receipt; stops at the first event after now.
  Result<bool> Life(const Plan& p, int64_t id, bool second, const Company& c, const Household& h,
                    Rng& rng) {
    const bool fast = p.channel == Channel::kUrgent || p.category == OrderCategory::kLeak;
#define HEARTH_STEP(expr, actor)         \
  do {                                   \
    auto s_ = Step(id, (expr), (actor)); \
    if (!s_.ok()) return s_.error();     \
    if (!*s_) return false;              \
  } while (false)

    if (p.returned) {
      if (rng.Chance(500)) HEARTH_STEP(Event(E::kAccept, After(rng, last_, 3, 30)), c.agent);
      const Instant due = Due(OrderDeadline::kReturn);
      rules::OrderEvent e =
          Event(E::kReturn, p.late_return ? After(rng, std::max(due, last_), 60, 30 * 60)
                                          : OnTime(rng, last_ + minutes{5}, due - minutes{5}));
      e.approved_by = "demo-" + c.code + "-manager";
      e.seal = true;
      e.contact = Contact(h.id, e.at - minutes{rng.Between(5, 30)}, "phone");
      e.reason = Text(rng, kReturnReasons);
      HEARTH_STEP(e, c.agent);
      HEARTH_STEP(Event(E::kClose, After(rng, last_, 10, 60)), c.agent);
      return true;
    }
    HEARTH_STEP(Event(E::kAccept, fast ? After(rng, last_, 1, 5) : After(rng, last_, 3, 40)),
                c.agent);
    const Instant response = Due(OrderDeadline::kResponse);
    HEARTH_STEP(Event(E::kRespond, p.late_response ? After(rng, response, 5, 60)
                                   : fast          ? After(rng, last_, 1, 5)
                                                   : OnTime(rng, last_ + minutes{1}, response)),
                c.agent);
    OrderDeadline reply = OrderDeadline::kReply;
    if (p.extended && Due(OrderDeadline::kReply) > last_ + hours{3}) {
      rules::OrderEvent e =
          Event(E::kExtend, OnTime(rng, last_ + hours{1}, Due(OrderDeadline::kReply) - hours{1}));
      e.reason = Text(rng, kExtendReasons);
      e.contact = Contact(h.id, e.at, "phone");
      HEARTH_STEP(e, c.agent);
      reply = OrderDeadline::kReplyExtended;
    }
    const bool leak = p.category == OrderCategory::kLeak;
    if (leak || p.category == OrderCategory::kRepair) {
      const std::string technician = Text(rng, kTechnicians);
      rules::OrderEvent d =
          Event(E::kDispatch, leak ? After(rng, last_, 1, 5) : After(rng, last_, 10, 240));
      d.technician = technician;
      const bool appointment = !leak && rng.Chance(kAppointment);
      if (appointment) {
        // On the hour or half hour, 2-26 hours ahead.
        const Instant ahead = d.at + hours{rng.Between(2, 26)};
        d.appointment = ahead - (ahead.time_since_epoch() % minutes{30});
      }
      HEARTH_STEP(d, c.agent);
      rules::OrderEvent a =
          Event(E::kArrive, d.appointment ? *d.appointment - minutes{rng.Between(0, 20)}
                                          : After(rng, last_, 8, leak ? 18 : 26));
      if (!d.appointment && rng.Chance(kLateArrival)) {
        a.at = After(rng, Due(OrderDeadline::kArrival), 5, 40);
        a.contact = Contact(h.id, last_ + minutes{20}, "phone");
      }
      HEARTH_STEP(a, c.technician);
      rules::OrderEvent r = Event(E::kRepair, last_);
      r.started_at = After(rng, last_, 2, leak ? 4 : 10);
      // A leak is handled within its hour (R-REPAIR-1) but for a few.
      r.at = leak ? (rng.Chance(kLateLeak) ? After(rng, *r.started_at, 60, 150)
                                           : After(rng, *r.started_at, 8, 14))
                  : After(rng, *r.started_at, 30, 150);
      if (!leak && rng.Chance(kCharged)) {
        const Charge& ch = kCharges[static_cast<size_t>(rng.Between(0, kCharges.size() - 1))];
        r.charges.push_back({ch.item, ch.price_fen, ch.materials});
        r.signature = Contact(h.id, *r.started_at - minutes{rng.Between(1, 3)}, "signed on paper");
      }
      r.staff = {technician, Text(rng, kTechnicians)};
      r.result = leak ? "已更换接口垫片并试压，不再漏水" : "已维修完成，运行正常";
      r.confirmation = Contact(h.id, r.at, "signed on paper");
      HEARTH_STEP(r, c.technician);
    }
    const Instant due = Due(reply);
    const bool late = p.late_reply || (p.extended && p.late_extended);
    rules::OrderEvent answer =
        Event(E::kReply, late ? After(rng, std::max(due, last_), 120, 72 * 60)
                              : OnTime(rng, last_ + minutes{20}, due));
    answer.result = p.category == OrderCategory::kHeatingQuality ? Text(rng, kHeatingResults)
                    : p.category == OrderCategory::kBilling      ? Text(rng, kBillingResults)
                                                                 : "已维修完成，运行正常";
    HEARTH_STEP(answer, c.agent);
    rules::OrderEvent v =
        Event(E::kVisit, OnTime(rng, last_ + hours{2}, Due(OrderDeadline::kReturnVisit)));
    const bool late_reply = view_.Find(reply) && view_.Find(reply)->Late();
    auto satisfaction = [&] {
      const int64_t x = rng.Between(0, 999);
      const int64_t satisfied = late_reply ? 550 : 820, basically = late_reply ? 850 : 950;
      return x < satisfied   ? rules::Satisfaction::kSatisfied
             : x < basically ? rules::Satisfaction::kBasicallySatisfied
                             : rules::Satisfaction::kUnsatisfied;
    };
    v.result_satisfaction = satisfaction();
    v.process_satisfaction = rng.Chance(900) ? v.result_satisfaction : satisfaction();
    v.reasonable = rng.Chance(850);
    const services::OrderActor* visitor = &c.agent;
    if (second) {
      // R-WO-6: face to face, or by a manager.
      v.mode = rng.Chance(650) ? rules::VisitMode::kFaceToFace : rules::VisitMode::kPhone;
      v.by_manager = *v.mode == rules::VisitMode::kPhone || rng.Chance(300);
    } else {
      v.mode = rng.Chance(900) ? rules::VisitMode::kPhone : rules::VisitMode::kFaceToFace;
      v.by_manager = rng.Chance(30);
    }
    if (v.by_manager) visitor = &c.manager;
    HEARTH_STEP(v, *visitor);
    HEARTH_STEP(Event(E::kClose, After(rng, last_, 5, 90)), c.agent);
#undef HEARTH_STEP
    return true;
  }

  void Count(const rules::OrderView& v) {
    summary_.open += v.state != rules::OrderState::kClosed;
    summary_.returned += v.returned;
    summary_.extended += v.extended;
    summary_.late += std::any_of(v.deadlines.begin(), v.deadlines.end(),
                                 [](const rules::DeadlineStatus& d) { return d.Late(); });
  }

  const services::WorkOrderService& service_;
  const std::vector<Company>& companies_;
  const std::vector<Household>& households_;
  Instant now_;
  DemoOrderSummary& summary_;
  std::array<int64_t, 16> numbers_{};  ///< the hotline platforms' order numbers, per channel
  rules::OrderView view_;
  Instant last_;
};

}  // namespace

Result<DemoOrderSummary> GenerateDemoWorkOrders(ports::RecordStore& records,
                                                const services::PolicyRegistry& policies,
                                                const services::WorkOrderService& service,
                                                const DemoOrderOptions& options) {
  if (options.per_season < 1) {
    return Error::InvalidArgument("per_season is at least 1", "per_season");
  }
  std::vector<Company> companies;
  std::vector<Household> households;
  if (auto s = orders::LoadCity(records, policies, companies, households); !s.ok()) {
    return s.error();
  }
  if (std::none_of(companies.begin(), companies.end(),
                   [](const Company& c) { return !c.heated.empty(); })) {
    return Error::InvalidArgument("the city has no heated household to complain", "households");
  }
  const std::vector<Plan> plans = orders::PlanOrders(companies, households, options);
  DemoOrderSummary summary;
  Maker maker(service, companies, households, options.now, summary);
  for (const Plan& p : plans) {
    if (auto s = maker.Make(p, p.key); !s.ok()) return s.error();
  }
  return summary;
}

}  // namespace hearth::sim
