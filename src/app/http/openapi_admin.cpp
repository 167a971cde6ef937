// The OpenAPI schemas of the admin's bodies (issue 11): accounts (app/http/users.cpp) and
// calendar imports (app/http/calendar_imports.cpp, adapters/json/calendar_import_json.hpp).
#include "app/http/openapi.hpp"
#include "app/http/openapi_schema.hpp"

namespace hearth::app::http {
namespace {

using nlohmann::ordered_json;

using schema::Object;

ordered_json Typed(const char* type, const std::string& description, bool nullable = false) {
  ordered_json s = {{"type", type}, {"description", description}};
  if (nullable) s["nullable"] = true;
  return s;
}

}  // namespace

void AddAdminBodySchemas(ordered_json& schemas) {
  const ordered_json role = schema::RoleEnum("the account's role");
  schemas["User"] = Object(
      {{"id", Typed("integer", "")},
       {"username", Typed("string", "a-z 0-9 . _ - @, 1-64 characters")},
       {"role", role},
       {"company_id", Typed("integer", "manager, agent, technician: their company", true)},
       {"household_id", Typed("integer", "household: its household", true)},
       {"disabled", Typed("boolean", "a disabled account cannot log in; its tokens are refused")},
       {"created_at", Typed("string", "RFC 3339")}},
      {"id", "username", "role", "company_id", "household_id", "disabled", "created_at"});
  schemas["StaffList"] = Object(
      {{"items", {{"type", "array"},
                  {"items", {{"$ref", "#/components/schemas/User"}}},
                  {"description", "a company's enabled accounts, by username; never paged: a "
                                  "company's staff are a few hundred at most"}}}},
      {"items"});
  schemas["NewUser"] = Object(
      {{"username", Typed("string", "a-z 0-9 . _ - @, 1-64 characters; upper case is folded")},
       {"password", Typed("string", "12-1024 bytes, not a common password")},
       {"role", role},
       {"company_id", Typed("integer", "required for manager, agent and technician", true)},
       {"household_id", Typed("integer", "required for household", true)}},
      {"username", "password", "role"});
  schemas["UserPatch"] = Object(
      {{"disabled", Typed("boolean", "true disables (and revokes its sessions)")}}, {"disabled"});
  schemas["PasswordReset"] =
      Object({{"password", Typed("string", "the new password: 12-1024 bytes, not a common one")}},
             {"password"});
  schemas["RevokedSessions"] =
      Object({{"revoked", Typed("integer", "sessions revoked by this request")}}, {"revoked"});
  const ordered_json entry = Object(
      {{"date", Typed("string", "YYYY-MM-DD, in the year it is listed under; sorted, once")},
       {"name", Typed("string", "the holiday's name, e.g. 春节")},
       {"off", Typed("boolean", "true: a day off; false: a make-up working day (a weekend)")}},
      {"date", "name", "off"});
  ordered_json years = {{"type", "object"},
                        {"description", "the dates of each year, by the year (four digits)"},
                        {"additionalProperties", {{"type", "array"}, {"items", entry}}}};
  schemas["CalendarFile"] = Object(
      {{"source", Typed("string", "where the dates come from (the notice)")}, {"years", years}},
      {"years"});
  schemas["CalendarImport"] =
      Object({{"id", Typed("integer", "")},
              {"imported_at", Typed("string", "RFC 3339")},
              {"source", Typed("string", "")},
              {"replace", Typed("boolean", "its years replaced those years wholly (else merged)")},
              {"years", {{"type", "array"}, {"items", {{"type", "integer"}}}}},
              {"holidays", Typed("integer", "days off listed")},
              {"make_up_days", Typed("integer", "make-up working days listed")}},
             {"id", "imported_at", "source", "replace", "years", "holidays", "make_up_days"});
}

}  // namespace hearth::app::http
