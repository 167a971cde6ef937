// The hotline platforms' partner endpoint (issue 13):
//   POST /api/v1/hotline/{platform}/orders     a work order, in POST /api/v1/work-orders' shape
//                                              (channel implied by the platform)
// authenticated by a key of that platform for one company (hearth hotline add-key), signed:
//   X-Hearth-Key: <key id>
//   X-Hearth-Timestamp: <Unix seconds>          within kPartnerClockSkew of the server's clock
//   X-Hearth-Signature: <hex HMAC-SHA256(secret, timestamp + "\n" + body)>
// A signature is accepted once: the same request sent again is a replay, refused (a platform
// re-sending an order signs it anew, and gets the order it created: 200). Every refusal is 401
// with a message naming what is wrong (no such key, a revoked key, another platform's key, an
// old timestamp, a wrong signature, a replay). The order is received as by an agent of the key's
// company ("hotline:<platform>:<key>" in the audit); its replies and returns go back to the
// platform through the outbox.
#pragma once

#include <chrono>

#include "adapters/http/router.hpp"
#include "ports/clock.hpp"
#include "ports/partner_keys.hpp"
#include "services/work_order_service.hpp"

namespace hearth::app::http {

inline constexpr std::chrono::seconds kPartnerClockSkew{300};

void AddHotlineRoutes(adapters::http::Router& router, const services::WorkOrderService& orders,
                      ports::PartnerKeyStore& keys, const ports::Clock& clock);

}  // namespace hearth::app::http
