// Query filters named the same way on every route (issue 11):
//   company  a company's id or its code (company_id is accepted too, as an id);
//   from/to  a date (YYYY-MM-DD: from its first second / to its last, local time) or an RFC 3339
//            time;
//   season   the year a season starts.
// Each error names the parameter.
#pragma once

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/http/message.hpp"
#include "core/civil_time.hpp"
#include "core/result.hpp"
#include "ports/record_store.hpp"

namespace hearth::app::http {

/// The company to filter on: the `company` (id or code) or `company_id` parameter, or none. A
/// company-scoped caller gets its own company; naming another is permission_denied. An unknown
/// code or id is invalid_argument.
Result<std::optional<int64_t>> CompanyFilter(const adapters::http::Request& req,
                                             ports::RecordStore& records,
                                             const ports::Scope& scope);

/// The instant of parameter `name` (a date or an RFC 3339 time), or none when absent. A date
/// means its first second for `from`, its last for `to` (end_of_day).
Result<std::optional<Instant>> TimeParam(const adapters::http::Request& req, const char* name,
                                         bool end_of_day);

/// A positive decimal id from a path segment or parameter; invalid_argument naming `field`.
Result<int64_t> IdParam(const std::string& text, const std::string& field);

/// The optional id parameter `name` (e.g. household=12): none when absent or empty;
/// invalid_argument naming it otherwise.
Result<std::optional<int64_t>> OptionalIdParam(const adapters::http::Request& req,
                                               const char* name);

/// The optional "photos" member of a JSON body: a list of photo references (strings);
/// invalid_argument naming "photos" or "photos[i]".
Result<std::vector<std::string>> PhotoRefs(const nlohmann::json& body);

/// A JSON object body with only `allowed` keys; invalid_argument naming the body or the key.
Result<nlohmann::json> ObjectBody(const std::string& body,
                                  std::initializer_list<std::string_view> allowed);

/// A string member of a JSON body: "" when absent or null (unless `required`: invalid_argument
/// naming the key, as also for an empty required string); invalid_argument when not a string.
Result<std::string> TextField(const nlohmann::json& body, const char* key, bool required);

/// An RFC 3339 time member of a JSON body: invalid_argument naming the key when it is absent or
/// null and `required`, not a string, or not such a time. Absent and not required: Instant{},
/// and `out` (when given) is left unset; otherwise `out` is set too.
Result<Instant> TimeField(const nlohmann::json& body, const char* key, bool required,
                          std::optional<Instant>* out = nullptr);

/// An optional id member of a JSON body (`what` names the record: "company must be a company
/// id"): none when absent or null; invalid_argument naming the key unless a positive integer.
Result<std::optional<int64_t>> IdMember(const nlohmann::json& body, const char* key,
                                        const char* what);

/// A true/false member of a JSON body: none when absent or null (unless `required`:
/// invalid_argument naming the key and saying `why`); invalid_argument when not a boolean.
Result<std::optional<bool>> BoolMember(const nlohmann::json& body, const char* key, bool required,
                                       const char* why = "");

/// An optional amount of money in yuan ("4280.50" or 4280.5; at most two decimals), as fen:
/// none when absent or null; invalid_argument naming `field` (default: the key) otherwise.
Result<std::optional<int64_t>> YuanMember(const nlohmann::json& body, const char* key,
                                          const std::string& field = "");

/// An optional area in m² ("85.50" or 85.5; at most two decimals), as m² × 100: none when absent
/// or null; invalid_argument naming the key otherwise.
Result<std::optional<int64_t>> AreaMember(const nlohmann::json& body, const char* key);

/// A required "YYYY-MM-DD" member of a JSON body; invalid_argument naming the key otherwise.
Result<Date> DateField(const nlohmann::json& body, const char* key);

/// The season parameter: a year 2000..2200, or none.
Result<std::optional<int>> SeasonParam(const adapters::http::Request& req);
/// The required "season" member of a JSON body, as SeasonParam: an integer year 2000..2200;
/// invalid_argument naming "season" otherwise.
Result<int> SeasonMember(const nlohmann::json& body);

}  // namespace hearth::app::http
