// The checks a record must pass beyond its descriptor's types and ranges (issue 11, "Records that
// are not checked"): the ones that need only the record itself. Pure; thread-safe.
//
// The JSON decoder checks each value on its own (type, range, enum); these check what it cannot:
// the text inside a value, and fields against each other. They take the whole record as it will
// be stored (for a PATCH: the stored record with the changes applied), so no change can leave a
// record invalid. Checks that need other records (a payment's fee, a building's licence) are in
// services/record_service.hpp.
//
// Decisions:
// - Text. No NUL and no other C0 control character but tab, line feed and carriage return, in
//   every text field of every record, and in the strings and keys of JSON fields (the contract):
//   a NUL truncates the value in C strings, logs and exports, and the other controls are never
//   typed by a person.
// - Times (fields marked `timestamp`: payments' paid_at, reminders' sent_at). An RFC 3339 time
//   with its UTC offset, a real one: the year 2000–2200 (no season, hence no fee or reminder, is
//   outside the range of the records' `season`), no second 60 (a leap second is not a time a
//   payment is booked at), an offset within ±14:00 (no real zone is further).
// - Seasons (R-SEASON-1). official_start falls in `season` (the year the season starts);
//   official_end is on or after official_start; commissioning_start and early_start are on or
//   before official_start; extension_end is after official_end (an extension of no day is none:
//   leave it null); and the season, extension included, lasts less than a year, so a district's
//   seasons never overlap. An early start or an extension is the district's decision (Z 2.1,
//   W 5.2.2), so decision_ref, the decision's reference, is required with either.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <variant>

#include "core/result.hpp"
#include "model/resources.hpp"

namespace hearth::rules {

/// A record's values as the checks see them: the same type as ports::Fields (null, an integer
/// in the field's stored unit, or text).
using RecordValue = std::variant<std::nullptr_t, int64_t, std::string>;
using RecordFields = std::map<std::string, RecordValue>;

/// invalid_argument naming `field` when `text` holds a C0 control character other than tab, LF
/// or CR.
Status CheckText(std::string_view field, std::string_view text);

/// invalid_argument naming `field` when `json_text` (a JSON document as stored: controls are
/// escaped there) has a string or key that decodes to a C0 control other than tab, LF or CR.
/// Precondition: `json_text` is valid JSON.
Status CheckJsonText(std::string_view field, std::string_view json_text);

/// invalid_argument naming `field` unless `text` is a real RFC 3339 time with offset (see the
/// decision above).
Status CheckTimestamp(std::string_view field, std::string_view text);

/// R-SEASON-1: a season's dates, as stored ("YYYY-MM-DD"; empty for an optional one left null).
struct SeasonRecordDates {
  int64_t season = 0;  ///< the year the season starts
  std::string commissioning_start, official_start, official_end, early_start, extension_end;
  std::string decision_ref;  ///< the district's decision behind early_start or extension_end
};
/// invalid_argument naming the first field at fault (see the decision above).
Status CheckSeasonDates(const SeasonRecordDates& season);

/// R-BILL-1 (W 9.3): a relief is a percentage or an amount, exactly one, and its period does not
/// end before it starts. invalid_argument naming the field at fault.
Status CheckRelief(const RecordFields& relief);

/// Every check above that applies to a record of `resource`: text fields, JSON fields,
/// timestamps, and the resource's own cross-field rules (seasons, reliefs). `record` holds the record's
/// fields as they will be stored; a field that is absent or null is not checked (required
/// fields are the decoder's).
Status CheckRecord(const model::Resource& resource, const RecordFields& record);

}  // namespace hearth::rules
