// Use cases of price-change notices (issue 16, R-BILL-1, W 9.2.1 热费价格调整时，应及时告知热用户):
// the admin or a company's manager announces an approved tariff to every household of the company
// billed on its basis, once; the company's staff and the regulator read the notices.
//
// - The text says the new price, its first day and approval document, and the price it replaces
//   (the tariff of the same basis valid the day before), in Chinese; each household gets it
//   through the outbox, as one message.
// - A notice is `late` when it went out on or after the tariff's first day (the households were
//   not told before it applied); it is taken all the same, since a late notice is better than
//   none, and the regulator sees which were late.
// - Times are the server's. Every notice is audited by the store. Thread-safe.
#pragma once

#include <optional>
#include <vector>

#include "core/result.hpp"
#include "ports/clock.hpp"
#include "ports/price_notice_store.hpp"
#include "ports/record_store.hpp"
#include "services/work_order_service.hpp"

namespace hearth::services {

struct PriceNoticeRead {
  ports::PriceNotice notice;
  bool late = false;  ///< announced on or after the tariff's first day
};

class PriceNoticeService {
 public:
  /// None is owned; all must outlive the service.
  PriceNoticeService(ports::PriceNoticeStore& store, ports::RecordStore& records,
                     const ports::Clock& clock)
      : store_(store), records_(records), clock_(clock) {}

  /// Announces tariff `tariff_id`. Errors: permission_denied but for the admin or a manager;
  /// not_found ("tariff") outside the actor's scope; the store's already_exists ("tariff").
  Result<PriceNoticeRead> Announce(int64_t tariff_id, const OrderActor& actor) const;
  /// The tariff's notice; not_found ("tariff") outside the actor's scope or when none.
  Result<PriceNoticeRead> OfTariff(int64_t tariff_id, const OrderActor& actor) const;
  /// In the actor's scope (its company), newest first; a household has none to list (it reads
  /// its own messages).
  Result<std::vector<PriceNoticeRead>> List(ports::PriceNoticeQuery query,
                                            const OrderActor& actor) const;

 private:
  ports::PriceNoticeStore& store_;
  ports::RecordStore& records_;
  const ports::Clock& clock_;
};

}  // namespace hearth::services
