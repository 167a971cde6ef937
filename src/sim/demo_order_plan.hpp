// The plan of the demo city's work orders (demo_work_orders.hpp says what it makes): which
// orders come, when, from which channel, about what, and which of them go late, are returned,
// extended, repeated or duplicated; plus the evening of a mass complaint. Deterministic for
// (seed, now, the city). Internal to demo_work_orders.cpp, which lives each planned order.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/civil_time.hpp"
#include "core/result.hpp"
#include "ports/record_store.hpp"
#include "rules/policy.hpp"
#include "rules/work_order.hpp"
#include "services/policy_registry.hpp"
#include "services/work_order_service.hpp"
#include "sim/demo_work_orders.hpp"

namespace hearth::sim::orders {

struct Company {
  int64_t id = 0;
  std::string code;
  std::shared_ptr<const rules::Policy> policy;
  std::vector<size_t> heated, all;  ///< indexes into the households
  services::OrderActor agent, technician, manager;
};

struct Household {
  int64_t id = 0;
  size_t company = 0;
  std::string phone;
  int64_t partition_id = 0;
};

// One order to make: when, whose, from where, what, and how its life goes.
struct Plan {
  Instant received;
  size_t household = 0;
  rules::Channel channel = rules::Channel::kPhone;
  rules::OrderCategory category = rules::OrderCategory::kHeatingQuality;
  bool returned = false, late_return = false, extended = false, late_extended = false,
       late_response = false, late_reply = false, duplicate = false;
  uint64_t key = 0;  ///< the seed of its life
};

/// Reads the companies (with their profiles and demo staff) and their households, paged by id.
Status LoadCity(ports::RecordStore& records, const services::PolicyRegistry& policies,
                std::vector<Company>& companies, std::vector<Household>& households);

/// The orders from the official start of o.season to o.now, in the order received.
std::vector<Plan> PlanOrders(const std::vector<Company>& companies,
                             const std::vector<Household>& households, const DemoOrderOptions& o);

}  // namespace hearth::sim::orders
