// Judging a household's days (issue 5, R-TEMP-1..5, R-REFUND-1..5): for each day its value, the
// evidence behind it, its guarantee, its status and its refund share.
//
// For household h and day d:
//   - remote value: h's household-day (R-TEMP-3, RollupService; caught up first when a
//     RollupService is given, so the answer includes every reading committed before the call);
//   - guarantee (R-TEMP-2): rules::GuaranteeFor from the usage rates of h's partition and of its
//     building's community (RecordStore::UsageRates, within h's company), h's agreed_temp, and
//     company_heats = (h's heating_status is "heated"): where the company decides (partition rate
//     below the threshold), a household it heats is a household it decided to heat. The rates
//     and h's heating are those valid on d (R-ACCT-1, issue 16; rules/usage_history.hpp): given
//     the heating changes store, the records' with every approved 增减停复 effective after d
//     undone. The agreed temperature is the one of h's contract valid on d (given the contract
//     history: rules::TermsOn over h's contract versions), else the records';
//   - exempt (R-TEMP-1): the outdoor daily mean of the district of h's building, when one was
//     recorded, below the profile's design outdoor temperature;
//   - evidence (R-REFUND-5): rules::DailyEvidence over the official days of the season holding d,
//     from the remote values and h's valid manual measurements (standing: overridden ->
//     kOverridden; third_party -> kThirdParty; signed -> kSigned; otherwise kUnsigned);
//   - stops (R-REFUND-2, issue 15): given the stops store, the union of the company-caused stops
//     that cut h off on d (rules::StopSecondsByDay), up to now for a stop still going;
//   - findings (R-REFUND-4, issue 15): given the findings store, the effective household-caused
//     finding that covers d (rules::CoveredDays) removes its temperature share;
//   - status (R-TEMP-5, rules::JudgeDay), share (rules::ShareOfDay) and reason
//     (rules::DescribeShare, or a sentence on the status when there is no share).
// The season is the district's season record for its start year, else the profile's default
// dates (R-SEASON-1). Early-start and extension days of a season record are judged against the
// guarantee on their remote value (R-SEASON-1 decision: the guarantee applies, shortfalls are
// reported) with no share (no fee). Other days outside the official period (commissioning,
// summer) carry their remote value but no guarantee: not judged.
//
// The profile is the one named by the household's company. Thread-safe.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "ports/clock.hpp"
#include "ports/contract_history.hpp"
#include "ports/finding_store.hpp"
#include "ports/heating_change_store.hpp"
#include "ports/monitoring_store.hpp"
#include "ports/outage_store.hpp"
#include "ports/record_store.hpp"
#include "ports/record_views.hpp"
#include "rules/refund.hpp"
#include "rules/refund_evidence.hpp"
#include "rules/temperature.hpp"
#include "rules/usage_history.hpp"
#include "services/policy_registry.hpp"
#include "services/rollup_service.hpp"

namespace hearth::services {

/// The widest from..to one call judges.
inline constexpr int kMaxJudgedDays = 366;

struct JudgedDay {
  Date date;
  std::optional<rules::Tenths> value;      ///< the day's value, from its evidence
  std::optional<rules::Tenths> guarantee;  ///< none: no guarantee (or outside the season)
  rules::DayStatus status = rules::DayStatus::kNotJudged;
  int share_percent = 0;
  std::string reason;  ///< empty when the Cache asked for none
  bool in_season = false;  ///< an official day: the fee's days (R-REFUND-3)
  /// An early-start or extension day the district decided (R-SEASON-1): judged against the
  /// guarantee and reported, but it carries no fee, so no refund share.
  bool extra_day = false;
  std::optional<rules::Tenths> outdoor_mean;
  // Evidence (R-REFUND-5).
  rules::EvidenceSource source = rules::EvidenceSource::kNone;
  std::optional<Date> measured_on;        ///< manual, manual-period
  std::optional<int64_t> measurement_id;  ///< manual, manual-period
  std::string room;        ///< remote: the room with the minimum; manual: the measured room
  std::vector<ports::RoomSummary> rooms;  ///< remote, none: the household-day's rooms
  /// Company-caused stops that cut the household off that day, their union (R-REFUND-2).
  rules::Centihours outage = 0;
  std::optional<int64_t> finding_id;  ///< the effective finding covering the day (R-REFUND-4)
};

struct HouseholdJudgement {
  int64_t household_id = 0;
  std::string policy;            ///< the profile's id
  std::string guarantee_case;    ///< rules::GuaranteeCaseName, of the last day asked
  std::string guarantee_reason;  ///< rules::Guarantee::reason
  std::vector<JudgedDay> days;   ///< from..to, one per day
};

/// The stores of what else decides a day besides its temperature (issue 15). Each may be null:
/// then no day counts stop hours, or findings. A stop still going counts up to `clock`'s now
/// (without a clock: to the end of the judged range).
struct DayFacts {
  ports::OutageStore* outages = nullptr;
  ports::FindingStore* findings = nullptr;
  const ports::Clock* clock = nullptr;
  ports::HeatingChangeStore* changes = nullptr;  ///< none: the records decide every day
  ports::ContractHistory* contracts = nullptr;    ///< none: the records' terms hold every day
};

class JudgingService {
 public:
  /// None is owned; all must outlive the service. `rollups` may be null (no catch-up).
  JudgingService(ports::MonitoringStore& store, ports::RecordStore& records,
                 const PolicyRegistry& policies, RollupService* rollups, DayFacts facts = {})
      : store_(store), records_(records), policies_(policies), rollups_(rollups), facts_(facts) {}

  /// What many households share, read once for a batch of calls (alerts, the refund ledger and
  /// the reports judge many households): a record changed during the batch is seen by the next
  /// batch. Not thread-safe: one per caller.
  struct Cache {
    /// Usage rates by company.
    std::map<int64_t, std::vector<ports::UsageRateRow>> partitions, communities;
    std::map<int64_t, ports::PartitionView> partition_records;  ///< by id
    std::map<int64_t, ports::BuildingView> buildings;           ///< by id
    std::map<int64_t, std::shared_ptr<const rules::Policy>> policies;  ///< by company
    std::map<int64_t, std::vector<ports::SeasonView>> seasons;        ///< by district
    /// Outdoor means by district and the range asked.
    std::map<std::tuple<int64_t, Date, Date>, std::vector<ports::OutdoorMean>> means;
    /// The approved heating changes (R-ACCT-1) of a company effective after a day, by where
    /// their households are; by company and that day.
    struct Changes {
      std::map<int64_t, std::vector<rules::AreaShift>> partitions, households;
      std::map<std::string, std::vector<rules::AreaShift>> communities;
    };
    std::map<std::pair<int64_t, Date>, Changes> changes;
    /// The contract versions (R-ACCT-1) of a company's households whose last day is on or
    /// after a day, by household; by company and that day.
    std::map<std::pair<int64_t, Date>, std::map<int64_t, std::vector<rules::TermsUntil>>>
        contracts;
    /// By company: the households with a valid manual measurement. Only they are asked for
    /// their measurements.
    std::map<int64_t, std::set<int64_t>> measured;
    /// false: the judged days carry no reason text, for a batch that words its own (the refund
    /// ledger keeps rules::ComputeRefund's reasons of the days with a share).
    bool reasons = true;

    /// A page of households read at once (Prefetch): the stored days, company-caused stops and
    /// findings of the households first..last over from..to, the days' rooms over `rooms`.
    /// Judge takes a household's from it when the household, every day it reads (lo..hi) and
    /// the days it judges (judged) are inside; its days are handed over once (a second Judge of
    /// the same household reads the store).
    struct Page {
      int64_t first = 0, last = -1;
      Date from{}, to{};
      std::optional<ports::RoomsWanted> rooms;  ///< none: every day's
      std::map<int64_t, std::vector<ports::HouseholdDay>> days;
      std::map<int64_t, std::vector<rules::StopSpan>> stops;
      std::map<int64_t, std::vector<rules::FindingCover>> covers;
      std::set<int64_t> taken;  ///< households whose days were handed over
      bool Holds(int64_t household, Date lo, Date hi, const ports::RoomsWanted& judged) const {
        return household >= first && household <= last && lo >= from && hi <= to &&
               (!rooms || (rooms->Holds(judged.from) && rooms->Holds(judged.to))) &&
               !taken.contains(household);
      }
    };
    Page page;
  };

  /// Judges `household_id`'s days from..to (inclusive). The caller checks access first: this
  /// reads without scope. Errors: invalid_argument (field "from") when from > to or the range
  /// spans more than kMaxJudgedDays; not_found (field "id") for an unknown household;
  /// failed_precondition when its company's profile is not loaded; the stores' errors.
  Result<HouseholdJudgement> Judge(int64_t household_id, Date from, Date to,
                                   Cache* cache = nullptr) const;
  /// The same, for a household the caller has read (a page of households): its record is not
  /// read again.
  Result<HouseholdJudgement> Judge(const ports::HouseholdView& household, Date from, Date to,
                                   Cache* cache = nullptr) const;

  /// The households of `company_id` that have a stored household-day of from..to,
  /// a sensor whose newest reading is in or after the range (readings not rolled up yet), or a
  /// valid manual measurement, by id: every other household has no judged day in the range,
  /// since a day is judged only on a value (rules::JudgeDay). Callers that judge a company's
  /// days judge these alone; Judge catches each up. Nothing is rolled up here: this is on the
  /// request path of the live indicators.
  Result<std::vector<int64_t>> WithEvidence(int64_t company_id, Date from, Date to) const;

  /// The days Judge reads for `household` from..to: from..to widened to the official seasons it
  /// touches (a day's evidence looks back over its season, R-REFUND-5). Judge's errors.
  Result<std::pair<Date, Date>> JudgedSpan(const ports::HouseholdView& household, Date from,
                                           Date to, Cache& cache) const;

  /// Reads the stored days, stops and findings of the households whose id is in [first, last]
  /// over from..to into `cache` (replacing its page), in one statement each, for the Judge calls
  /// that follow; the days' rooms only over `rooms` (every day's when none: the Judge calls that
  /// take the page judge days inside it). Catches their days up first (when given a
  /// RollupService), as Judge would. A page is a snapshot: a stop still going counts up to the
  /// time it was read. The stores' errors.
  Status Prefetch(int64_t first, int64_t last, Date from, Date to, Cache& cache,
                  std::optional<ports::RoomsWanted> rooms = std::nullopt) const;
  /// Prefetch for the households of `page` (by id) judged from..to: over every day their Judge
  /// reads (JudgedSpan), the rooms of from..to. Nothing for an empty page. Judge's errors and
  /// the stores'.
  Status PrefetchPage(std::span<const ports::HouseholdView> page, Date from, Date to,
                      Cache& cache) const;
  /// What JudgeEach hands each judged household to; an error stops the walk.
  using JudgedVisitor =
      std::function<Status(const ports::HouseholdView&, const HouseholdJudgement&)>;
  /// Judges from..to the households `ids` (ascending) that `keep` keeps (all without it), a page
  /// at a time (PrefetchPage), and hands each judgement to `visit` in id order. The caller
  /// checks access first. Judge's errors (not_found for an id of no household), the stores' and
  /// visit's.
  Status JudgeEach(std::span<const int64_t> ids, Date from, Date to, Cache& cache,
                   const JudgedVisitor& visit,
                   const std::function<bool(const ports::HouseholdView&)>& keep = {}) const;

  /// R-TEMP-2: the household's guarantee today, as Judge judges its days (same errors, without
  /// "from").
  Result<rules::Guarantee> GuaranteeOf(int64_t household_id, Cache* cache = nullptr) const;

  /// The official dates of the household's season that starts in `start_year`: its district's
  /// season record, else the profile's default dates (R-SEASON-1).
  Result<rules::SeasonDates> SeasonOf(int64_t household_id, int start_year) const;
  Result<rules::SeasonDates> SeasonOf(const ports::HouseholdView& household, int start_year,
                                      Cache* cache = nullptr) const;

 private:
  // What judging a household needs besides its days: where it is, its profile, its guarantee.
  struct Context {
    ports::HouseholdView household;
    ports::BuildingView building;
    std::shared_ptr<const rules::Policy> policy;
    rules::GuaranteeInput input;  ///< as the records stand
    rules::Guarantee guarantee;   ///< from `input`
  };
  Result<Context> ContextOf(const ports::HouseholdView& household, Cache& cache) const;
  /// The guarantees of the days lo..hi: the first day of each run of days with one guarantee,
  /// and that guarantee, from the rates and the contract valid then (the header); one run when no
  /// approved change of the household's partition, community or own takes effect after lo and
  /// no contract version of the household's ends on or after lo.
  /// The household's contract versions whose last day is on or after lo (none without the
  /// contract history).
  Result<const std::vector<rules::TermsUntil>*> ContractsOf(const Context& c, Date lo,
                                                            Cache& cache) const;
  Result<std::vector<std::pair<Date, rules::Guarantee>>> GuaranteesOver(const Context& c, Date lo,
                                                                        Date hi,
                                                                        Cache& cache) const;
  /// The household's profile and its district's season records.
  struct Seasons {
    std::shared_ptr<const rules::Policy> policy;
    const std::vector<ports::SeasonView>* records = nullptr;
  };
  Result<Seasons> SeasonsOf(const ports::HouseholdView& household, Cache& cache) const;
  Result<const std::vector<ports::SeasonView>*> SeasonRecords(int64_t district_id,
                                                              Cache& cache) const;
  /// Per day of [from, to]: the company-caused stop time, and the covering finding.
  /// From `page` when given (it holds the household and from..to), else from the stores.
  Status AddFacts(int64_t household_id, Date from, Date to, const Cache::Page* page,
                  std::map<Date, long>& stopped, std::map<Date, int64_t>& covered) const;
  /// The end of the stops counted for from..to: its end, or now while it goes on.
  Instant StopsUntil(Date from, Date to) const;

  ports::MonitoringStore& store_;
  ports::RecordStore& records_;
  const PolicyRegistry& policies_;
  RollupService* rollups_;
  DayFacts facts_;
};

}  // namespace hearth::services
