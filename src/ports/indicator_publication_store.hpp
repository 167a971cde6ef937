// Port: a company's published monthly indicators (issue 15, W 14.4.6: a company publishes its
// indicators to its households periodically; RULES.md: each shows the records it was computed
// from). A publication is written once and never changes: one per company and month, holding the
// month's indicators as computed when it was published and the records behind each, with each
// record's part of the numerator and denominator. Publishing is audited (resource
// "indicator_publications") in its transaction. Methods take no scope: services check access.
// Thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/civil_time.hpp"
#include "core/result.hpp"

namespace hearth::ports {

struct PublishedIndicator {
  std::string rule;  ///< "R-KPI-S", "R-KPI-Q", "R-KPI-C", "R-KPI-P", "R-KPI-B"
  std::string name;
  int64_t numerator = 0;    ///< the value is numerator / denominator
  int64_t denominator = 0;  ///< 0: not applicable
  std::string display;      ///< "99.50%", "0.35‰", "n/a"
  int target_per_mille = 0;
  std::string target_kind;  ///< "at-most", "at-least"
  std::string basis;        ///< the target's clause
  std::string status;       ///< "met", "not-met", "not-applicable"
  int64_t records = 0;      ///< how many records are behind it
};

/// One record behind a published indicator.
struct IndicatorRecord {
  std::string rule;
  /// R-KPI-S: a stop's id; R-KPI-Q: "<order id>/<deadline>"; R-KPI-P, R-KPI-B: an order's id;
  /// R-KPI-C: a household's id.
  std::string record;
  int64_t numerator = 0;    ///< its part of the numerator
  int64_t denominator = 0;  ///< its part of the denominator (R-KPI-S: 0, the period's is whole)
};

struct IndicatorPublication {
  int64_t id = 0;
  int64_t company_id = 0;
  std::string month;   ///< "YYYY-MM"
  std::string policy;  ///< the profile whose targets were used
  Instant computed_at;
  std::string published_by;
  std::vector<PublishedIndicator> indicators;  ///< R-KPI-S, Q, C, P, B, as published
};

struct PublicationQuery {
  std::optional<int64_t> company_id;
  std::optional<std::string> month;  ///< "YYYY-MM"
  int64_t offset = 0;                ///< rows to skip: the list's cursor is a position
  int limit = 50;                    ///< 1..1001
};

class IndicatorPublicationStore {
 public:
  virtual ~IndicatorPublicationStore() = default;

  /// Stores `publication` (its id ignored) with `records`, all or nothing. already_exists when
  /// the company's month is published already.
  virtual Result<IndicatorPublication> Publish(const IndicatorPublication& publication,
                                               const std::vector<IndicatorRecord>& records) = 0;
  /// Newest month first, then by company and id (a stable order: a position pages it).
  virtual Result<std::vector<IndicatorPublication>> List(const PublicationQuery& query) = 0;
  /// not_found for an unknown id.
  virtual Result<IndicatorPublication> Get(int64_t id) = 0;
  /// The records behind `rule` of publication `id` (every rule when empty), in the order they
  /// were published, from position `offset`; at most `limit` (1..1001).
  virtual Result<std::vector<IndicatorRecord>> Records(int64_t id, const std::string& rule,
                                                       int64_t offset, int limit) = 0;
};

}  // namespace hearth::ports
