// Port: mass complaints (issue 15, R-REG-1): the complaints of a community in a time range, and
// the flags raised on them. A flag is written once per episode (keyed by the company, the
// community and the complaint that reached the threshold), with the messages that tell the
// regulator and the company, and an audit entry (resource "mass_complaints"), in one
// transaction; an episode that grows updates its row and tells no one again. Methods take no
// scope: services check access. Thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/civil_time.hpp"
#include "core/result.hpp"
#include "ports/work_order_store.hpp"

namespace hearth::ports {

/// A community's complaint: an order received from one of its households, not a duplicate.
struct CommunityComplaint {
  int64_t company_id = 0;
  std::string community;  ///< the household's building's 小区
  int64_t order_id = 0;
  Instant received_at;
};

struct CommunityComplaintQuery {
  std::optional<int64_t> company_id;      ///< none: every company's
  std::optional<std::string> community;   ///< none: every community's
  Instant from, until;                    ///< received in [from, until]
};

struct MassComplaintFlag {
  int64_t id = 0;
  int64_t company_id = 0;
  std::string community;
  int64_t reached_order_id = 0;
  Instant first_at, reached_at, last_at;
  std::vector<int64_t> order_ids;  ///< the episode's complaints, by id
  int threshold = 0;               ///< the profile's count and window it was judged by
  int window_hours = 0;
  std::string policy;
  Instant flagged_at;
};

struct MassComplaintQuery {
  std::optional<int64_t> company_id;
  Instant from, until;           ///< reached in [from, until]
  std::optional<int64_t> after;  ///< cursor: ids greater than this
  int limit = 50;                ///< 1..1001
};

class MassComplaintStore {
 public:
  virtual ~MassComplaintStore() = default;

  /// The complaints of `query`, by company, community, reception time, then order id.
  virtual Result<std::vector<CommunityComplaint>> Complaints(
      const CommunityComplaintQuery& query) = 0;
  /// The community of a household's building; not_found (field "household").
  virtual Result<std::string> CommunityOf(int64_t household_id) = 0;

  /// Records `flag` (its id assigned) with `outbox` and an audit entry by `actor`, and returns
  /// true. When a flag of the company's community already spans a time within [first_at,
  /// last_at], this is that episode seen again (from a narrower window, or with a complaint that
  /// arrived late): its complaints become the union of both, its span the hull, and nothing is
  /// sent (false). Two servers flagging the same reached complaint at once write it once; two
  /// flagging one episode by different reached complaints at the same moment may write it twice.
  virtual Result<bool> Flag(const MassComplaintFlag& flag, std::span<const OutboxMessage> outbox,
                            const std::string& actor) = 0;
  /// Flags by id.
  virtual Result<std::vector<MassComplaintFlag>> List(const MassComplaintQuery& query) = 0;
};

}  // namespace hearth::ports
