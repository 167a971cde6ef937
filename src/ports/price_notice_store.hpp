// Port: notices of a price change to the households it concerns (R-BILL-1, W 9.2.1
// 热费价格调整时，应及时告知热用户).
//
// A tariff is announced once: the notice (the tariff, its price and first day, when and by whom,
// how many households were told) is written with one outbox message to every household of the
// tariff's company billed on the tariff's basis, and its audit entry (resource "price_notices"),
// in one transaction; the messages go in as one statement however many households there are.
// Methods take no scope: services check access. Thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/civil_time.hpp"
#include "core/result.hpp"

namespace hearth::ports {

struct PriceNotice {
  int64_t id = 0;
  int64_t tariff_id = 0;
  int64_t company_id = 0;
  std::string billing;  ///< "area" or "meter": the households told
  int64_t price_fen = 0;
  Date valid_from;
  std::string text;         ///< what the households were told
  int64_t households = 0;   ///< told
  Instant announced_at;
  std::string announced_by;
};

struct PriceNoticeQuery {
  std::optional<int64_t> company_id;
  std::optional<int64_t> before;  ///< cursor: ids below this (newest first)
  int limit = 50;                 ///< 1..1001
};

class PriceNoticeStore {
 public:
  virtual ~PriceNoticeStore() = default;

  /// Inserts `notice` (id assigned, households counted) and a message to each household of
  /// notice.company_id billed by notice.billing (receiver "household", topic "tariff.changed",
  /// message id "price-notice-<id>-household-<household id>", saying `fields`), audited by
  /// notice.announced_by. already_exists (field "tariff") when the tariff was announced before.
  virtual Result<PriceNotice> Announce(
      const PriceNotice& notice,
      const std::vector<std::pair<std::string, std::string>>& fields) = 0;
  /// The tariff's notice; not_found (field "tariff") when it has none.
  virtual Result<PriceNotice> OfTariff(int64_t tariff_id) = 0;
  /// Newest first.
  virtual Result<std::vector<PriceNotice>> List(const PriceNoticeQuery& query) = 0;
};

}  // namespace hearth::ports
