#include "services/work_order_messages.hpp"

#include <string>
#include <utility>

#include "rules/deadline.hpp"

namespace hearth::services {
namespace {

using rules::OrderEventType;

std::string Id(int64_t id) { return std::to_string(id); }

// A message about an order's event. `seq` is the event's number in the order's timeline.
ports::OutboxMessage Message(const ports::WorkOrderHead& h, int64_t seq, std::string receiver,
                             std::string topic, Instant now,
                             std::vector<std::pair<std::string, std::string>> fields) {
  ports::OutboxMessage m;
  m.message_id = "work-order-" + Id(h.id) + "-" + Id(seq) + "-" + receiver;
  m.receiver = std::move(receiver);
  m.topic = std::move(topic);
  m.company_id = h.company_id;
  if (m.receiver == "household") m.household_id = h.household_id;
  m.order_id = h.id;
  m.created_at = now;
  fields.insert(fields.begin(), {"order_id", Id(h.id)});
  if (!h.external_id.empty()) fields.insert(fields.begin() + 1, {"external_id", h.external_id});
  m.fields = std::move(fields);
  return m;
}

}  // namespace

std::vector<ports::OutboxMessage> EventMessages(const ports::WorkOrderHead& h, int64_t seq,
                                                const rules::OrderEvent& e,
                                                const rules::OrderView& v, Instant now) {
  std::vector<ports::OutboxMessage> out;
  const std::string platform = "hotline:" + std::string(rules::ChannelName(h.channel));
  const bool hotline = rules::IsHotline(h.channel);
  auto at = [](Instant t) { return FormatLocal(t); };
  switch (e.type) {
    case OrderEventType::kDispatch: {
      const auto* arrival = v.Find(rules::OrderDeadline::kArrival);
      out.push_back(
          Message(h, seq, "household", "work-order.dispatched", now,
                  {{"technician", e.technician}, {"arrive_by", arrival ? at(arrival->due) : ""}}));
      break;
    }
    case OrderEventType::kExtend: {
      const auto* x = v.Find(rules::OrderDeadline::kReplyExtended);
      std::vector<std::pair<std::string, std::string>> f = {{"reason", e.reason},
                                                            {"reply_by", x ? at(x->due) : ""}};
      out.push_back(Message(h, seq, "household", "work-order.extended", now, f));
      if (hotline) out.push_back(Message(h, seq, platform, "work-order.extended", now, f));
      break;
    }
    case OrderEventType::kReply: {
      std::vector<std::pair<std::string, std::string>> f = {{"replied_at", at(e.at)},
                                                            {"result", e.result}};
      out.push_back(Message(h, seq, "household", "work-order.replied", now, f));
      if (hotline) out.push_back(Message(h, seq, platform, "work-order.replied", now, f));
      break;
    }
    case OrderEventType::kReturn:
      if (hotline) {
        out.push_back(Message(
            h, seq, platform, "work-order.returned", now,
            {{"returned_at", at(e.at)}, {"reason", e.reason}, {"approved_by", e.approved_by}}));
      }
      break;
    case OrderEventType::kClose:
      // A child closed with its parent answers its own platform with the parent's reply.
      if (e.by_parent && hotline) {
        out.push_back(Message(h, seq, platform, "work-order.closed", now,
                              {{"closed_at", at(e.at)},
                               {"parent_id", Id(*e.by_parent)},
                               {"replied_at", e.parent_reply_at ? at(*e.parent_reply_at) : ""}}));
      }
      break;
    default:
      break;
  }
  return out;
}

ports::OutboxMessage ReceivedMessage(const ports::WorkOrderHead& h, std::optional<Instant> reply_by,
                                     Instant now) {
  ports::OutboxMessage m = Message(h, 0, "household", "work-order.received", now,
                                   {{"received_at", FormatLocal(h.received_at)},
                                    {"reply_by", reply_by ? FormatLocal(*reply_by) : ""}});
  m.message_id = "received";  // the store prefixes the new order's id
  return m;
}

ports::OutboxMessage OverdueMessage(const ports::DueDeadline& d, Instant now) {
  ports::OutboxMessage m;
  const std::string name{rules::OrderDeadlineName(d.name)};
  m.message_id = "work-order-" + Id(d.order_id) + "-overdue-" + name + "-" +
                 Id(d.due.time_since_epoch().count());
  m.receiver = "managers";
  m.topic = "work-order.overdue";
  m.company_id = d.company_id;
  m.order_id = d.order_id;
  m.created_at = now;
  m.fields = {{"order_id", Id(d.order_id)}, {"deadline", name}, {"due", FormatLocal(d.due)}};
  return m;
}

}  // namespace hearth::services
