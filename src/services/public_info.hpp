// A company's public service information (R-INFO-1, W 4.5, W 12.2), for anyone without signing
// in: who it is, its service numbers and halls, the procedures and their time limits, the
// quality standard, the heating dates of each district it serves, its current prices and how to
// pay, and both sides' rights and duties. The procedures, standards and rights come from the
// company's policy profile (rules/public_info.hpp), the rest from its records. Nothing about a
// household is in it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/civil_time.hpp"
#include "core/result.hpp"
#include "ports/record_store.hpp"
#include "rules/public_info.hpp"
#include "services/policy_registry.hpp"

namespace hearth::services {

struct PublicContact {
  std::string kind;  ///< hotline, repair, supervision, hall
  std::string name, phone;
  std::optional<std::string> address, hours;
};

/// One district the company is licensed for, with the season's dates there.
struct PublicSeason {
  std::string district_code, district_name;
  int season = 0;  ///< the year it starts
  Date official_start, official_end;
  std::optional<Date> early_start, extension_end;
  bool decided = false;  ///< the district's record; otherwise the profile's default dates
};

/// A price valid on the day asked (R-BILL-1, W 9.2.1).
struct PublicPrice {
  std::string name, billing;  ///< billing: area (yuan per m² per season) or meter (yuan per GJ)
  int64_t price_fen = 0;
  Date valid_from;
  std::optional<Date> valid_to;
  std::optional<std::string> approval;
  std::optional<int64_t> base_price_fen;  ///< a meter tariff's fixed part, per m² for the season
};

struct PublicCompanyInfo {
  std::string code, name;
  std::optional<std::string> licence_no;
  std::string policy;  ///< the profile's name, e.g. "威海市城区供热服务规范"
  std::vector<PublicContact> contacts;
  std::vector<PublicSeason> seasons;
  std::vector<PublicPrice> prices;
  std::vector<rules::PublicItem> procedures, standards, rights, duties;
};

/// The public information of the company whose code is `code`, on `today`. Errors:
/// not_found (field "code") for no such company; failed_precondition when its profile is not
/// loaded; the store's.
Result<PublicCompanyInfo> PublicInfoOf(ports::RecordStore& records, const PolicyRegistry& policies,
                                       const std::string& code, Date today);

}  // namespace hearth::services
