// The messages a work order causes (the outbox rows its store writes with the change):
//   received                      -> the household, with the reply deadline;
//   dispatch                      -> the household, with the technician and the arrival deadline;
//   extend, reply                 -> the household, and a hotline order's platform too
//                                    ("hotline:<channel>");
//   return                        -> a hotline order's platform;
//   close (of a child by its parent) -> the child's platform, with the parent's reply;
//   an overdue deadline           -> the company's managers, once.
// Message ids come from the order and its event (work-order-<id>-<seq>-<receiver>; an overdue
// one from the deadline and its due time), so a re-delivered message keeps its id.
//
// Pure; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/civil_time.hpp"
#include "ports/work_order_store.hpp"
#include "rules/work_order.hpp"

namespace hearth::services {

/// The messages of event number `seq` of the order `h`, given the view `v` after it.
std::vector<ports::OutboxMessage> EventMessages(const ports::WorkOrderHead& h, int64_t seq,
                                                const rules::OrderEvent& e,
                                                const rules::OrderView& v, Instant now);

/// The household's notice that its order was received; its id is "received", which the store
/// prefixes with the new order's id.
ports::OutboxMessage ReceivedMessage(const ports::WorkOrderHead& h, std::optional<Instant> reply_by,
                                     Instant now);

/// The managers' alert that deadline `d` has passed.
ports::OutboxMessage OverdueMessage(const ports::DueDeadline& d, Instant now);

}  // namespace hearth::services
