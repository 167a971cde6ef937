// The demo city's households (internal to demo_city.cpp): each flat's household with its rooms
// and fees, and the room sensors of a sample of them, written through one Writer in the city's
// transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "ports/record_store.hpp"
#include "rules/policy.hpp"
#include "sim/demo_city.hpp"
#include "sim/demo_city_data.hpp"
#include "sim/demo_login.hpp"

namespace hearth::sim::demo {

/// Creates records in the transaction; after the first failure it writes nothing more and keeps
/// that error.
class Writer {
 public:
  Writer(ports::RecordTransaction& tx, const std::string& actor) : tx_(tx), actor_(actor) {}

  /// The new record's id; 0 once an error is kept.
  int64_t Make(const char* resource, const ports::Fields& fields);
  /// The new records' ids, in the order of `rows`; zeros once an error is kept.
  std::vector<int64_t> MakeMany(const char* resource, std::span<const ports::Fields> rows);
  const std::optional<Error>& error() const { return error_; }

 private:
  ports::RecordTransaction& tx_;
  const std::string& actor_;
  std::optional<Error> error_;
};

/// A flat of a building: whose, where, and its plan.
struct Flat {
  int64_t company_id = 0;
  size_t company_index = 0;  ///< in Specs()
  int64_t partition_id = 0, building_id = 0;
  std::string code, address;
  int64_t area = 0;  ///< hundredths of a m²
  int64_t floor = 0;
  std::string orientation;  ///< sun | shade
};

/// A company's households, drawn flat by flat as the city is laid out and written together:
/// households, then their rooms, then their fees, each in one Writer::MakeMany (a few large
/// statements instead of a round trip per record, which made PostgreSQL slow).
class HouseholdBatch {
 public:
  /// The household of `flat`: billed by meter (5 %) or by area, stopped (3 %) or heated, a
  /// phone and an id number of the district's region, 20.0 °C agreed in 5 % of the contracts.
  void Draw(Rng& rng, const DistrictSpec& district, const Flat& flat);
  /// Writes the households drawn, in the order drawn, each with its bedrooms (1 to 3 by area)
  /// and living room (R-TEMP-3) and, when heated and billed by area, a fee for each of the
  /// seasons season-1..season+1 (R-BILL-1), paid as PaidFen says, 1 to 20 days before it was
  /// due. Each first bedroom joins `bedrooms`, the rooms a sensor may go to. The batch is empty
  /// afterwards.
  void Write(Writer& w, const CompanySpec& spec, const rules::Policy& policy, int season,
             std::vector<Sensored>& bedrooms, DemoSummary& summary);

 private:
  std::vector<Flat> flats_;
  std::vector<ports::Fields> households_;
  std::vector<bool> with_fee_;
};

/// What the demo city's household paid of a fee of `amount` for `year` (R-BILL-1, W 9.2.2: some
/// in arrears): the seasons before `season` in full but one fee in 37 paid by half; `season`'s in
/// full for 8 fees in 10, by half for one, nothing for one; later seasons nothing yet.
int64_t PaidFen(int64_t fee_id, int64_t amount, int year, int season);

/// A sensor in the first bedroom of about 5 % of the households, spread at random, and always
/// of bedrooms[login] (the household login's), installed on `installed_on`.
void AddSensors(Writer& w, Rng& rng, std::vector<Sensored> bedrooms, size_t login,
                const std::string& installed_on, DemoSummary& summary);

}  // namespace hearth::sim::demo
