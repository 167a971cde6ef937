// The records Hearth keeps, described as data: one Resource per API collection and SQL table.
//
// A descriptor drives everything generic about a record: validation of JSON bodies (types,
// required and unknown fields, ranges, enums), the SQL that stores it (the tables themselves are
// created by the versioned migrations), list filters, which fields are masked for which roles
// (W 12.1), how a record belongs to a company or household (access control), and the OpenAPI
// document. Rules that need typed records map them from these (see model/household.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hearth::model {

enum class FieldType {
  kInt,       ///< integer
  kText,      ///< string
  kBool,      ///< stored as 0/1
  kDate,      ///< "YYYY-MM-DD"
  kMonthDay,  ///< "MM-DD"
  kEnum,      ///< one of `values`
  kCenti,     ///< decimal with at most 2 places, stored ×100 (area m², money yuan)
  kTenths,    ///< decimal with at most 1 place, stored ×10 (°C)
  kRef,       ///< id of a record of `ref`
  kJson,      ///< a JSON object, stored as text
};

struct Field {
  std::string name;
  FieldType type = FieldType::kText;
  bool required = false;
  std::string doc;
  std::vector<std::string> values;  ///< kEnum
  std::string ref;                  ///< kRef: the resource it points to
  std::optional<int64_t> min, max;  ///< kInt (value), kCenti/kTenths (stored units)
  bool filterable = false;          ///< usable as ?name= in lists
  bool sensitive = false;           ///< masked for roles without need (W 12.1)
  bool immutable = false;           ///< set on create only
  bool timestamp = false;           ///< kText holding an RFC 3339 time with offset
                                    ///< (rules/record_checks.hpp)
};

/// How a record belongs to a company (for company-scoped roles) and to a household.
struct Ownership {
  /// SQL expression giving the record's company id, over the table aliased `r`, e.g.
  /// "r.company_id" or "(SELECT company_id FROM buildings b WHERE b.id = r.building_id)".
  /// Empty: not company-scoped (districts, seasons: shared by all).
  std::string company_expr;
  /// SQL expression giving the record's household id, or empty.
  std::string household_expr;
};

struct Resource {
  std::string name;      ///< collection name in /api/v1/<name>, also the table name
  std::string singular;  ///< "household"
  std::string doc;
  std::vector<Field> fields;  ///< besides `id`, which every record has
  std::vector<std::vector<std::string>> unique;  ///< natural keys
  Ownership ownership;
  bool household_readable = false;  ///< a household user may read its own records of this kind

  const Field* Find(const std::string& field) const;
};

/// Every resource, in dependency order (a record refers only to earlier resources).
const std::vector<Resource>& Resources();
/// The resource named `name`, or nullptr.
const Resource* FindResource(const std::string& name);

}  // namespace hearth::model
