// The demo city's data (sim/demo_city.hpp): the companies, districts and heat sources it is built
// from, and the generators of its personal data (resident ID numbers with their GB 11643 check
// digit, mobile numbers). Internal to the demo city; split out to keep demo_city.cpp small.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "services/auth_service.hpp"
#include "sim/demo_city.hpp"

namespace hearth::sim::demo {

// SplitMix64 (Steele, Lea and Flood, 2014): small, fast, and the same on every platform.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  /// lo..hi, both included (the modulo bias is nothing for demo data).
  int64_t Between(int64_t lo, int64_t hi) {
    return lo + static_cast<int64_t>(Next() % static_cast<uint64_t>(hi - lo + 1));
  }
  /// True with probability per_mille / 1000.
  bool Chance(int64_t per_mille) { return Between(0, 999) < per_mille; }

 private:
  uint64_t state_;
};

struct DistrictSpec {
  std::string code, name, region;  ///< region: the ID-card region code of the district
  int early_start_days = 0;        ///< 2025: an early start this many days before the official
  int extension_days = 0;          ///< 2025: an extension of this many days after the official end
  /// R-SEASON-1: the demo season's announcement of the start of heating: "" on time (a week
  /// ahead, as every other), "late" (on the day itself), "missing" (none).
  std::string heating_start_notice;
};

struct SourceSpec {
  std::string code, name, kind;
};

struct CompanySpec {
  std::string policy, city, code, name, licence, prefix;
  std::array<DistrictSpec, 3> districts;
  std::array<SourceSpec, 3> sources;  ///< source i stands in district i
  int64_t area_price_fen = 0;         ///< yuan per m² per season, in fen
  int64_t meter_price_fen = 0;        ///< yuan per GJ, in fen
  std::string approval;
  std::vector<std::string> communities;
};

// Invented companies and communities in real districts; prices as approved in Shandong cities.
/// The two companies, one per policy profile, with their districts and heat sources.
const std::vector<CompanySpec>& Specs();

/// `n` in decimal, zero-padded to `width` digits.
std::string Padded(int64_t n, int width);

/// An 18-digit resident ID: region, birth date, sequence, and its GB 11643 check digit.
std::string IdNumber(Rng& rng, const std::string& region);

/// A mainland mobile number of a common prefix.
std::string Phone(Rng& rng);

/// Whom the demo users act for: each company, and the household of the household login.
struct UserScopes {
  struct Company {
    int64_t id = 0;
    std::string code;
  };
  std::vector<Company> companies;
  int64_t household = 0;
  std::string household_code;
};

/// The demo users, all with `password`: demo-admin, demo-regulator, then for each company
/// demo-<code>-manager, demo-<code>-agent and demo-<code>-technician, then demo-household. A
/// username already taken is left as it is and not listed. Audited by `actor`. Errors: the auth
/// service's, other than already_exists.
Result<std::vector<DemoLogin>> AddDemoUsers(services::AuthService& auth, const UserScopes& scopes,
                                            const std::string& password,
                                            const std::string& actor);

}  // namespace hearth::sim::demo
