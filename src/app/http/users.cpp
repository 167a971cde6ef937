// /api/v1/users: accounts, for admins only (issue 11): list (paged), read, add, disable and
// enable, reset a password, revoke sessions. Password hashes never leave the store.
#include <algorithm>

#include "adapters/json/json_input.hpp"
#include "app/http/admin.hpp"
#include "app/http/filters.hpp"
#include "app/http/paging.hpp"

namespace hearth::app::http {
namespace {

using adapters::http::ErrorResponse;
using adapters::http::Request;
using adapters::http::Response;
using nlohmann::ordered_json;

nlohmann::ordered_json UserJson(const ports::User& u) {
  ordered_json j;
  j["id"] = u.id;
  j["username"] = u.username;
  j["role"] = rules::RoleName(u.role);
  j["company_id"] = u.company_id ? ordered_json(*u.company_id) : nullptr;
  j["household_id"] = u.household_id ? ordered_json(*u.household_id) : nullptr;
  j["disabled"] = u.disabled;
  j["created_at"] = FormatLocal(u.created_at);
  return j;
}

// The admin acting, or the error to answer with.
Result<services::Actor> RequireAdmin(const Request& req, services::AuthService& auth) {
  auto p = RequirePrincipal(req, auth);
  if (!p.ok()) return p.error();
  if (p->role != rules::Role::kAdmin) {
    return Error::PermissionDenied("accounts are managed by admins");
  }
  return services::Actor{p->username, p->user_id};
}

Response Fail(const Error& e) { return AuthErrorResponse(e); }

// A JSON object body with only `allowed` keys. Errors never echo the body: it may hold a password.
Result<nlohmann::json> ObjectBody(const Request& req,
                                  std::initializer_list<std::string_view> allowed) {
  auto parsed = adapters::json::ParseInput(req.body);
  if (!parsed.ok()) return parsed.error();  // names no value: the body may hold a password
  nlohmann::json& j = *parsed;
  if (!j.is_object()) {
    return Error::InvalidArgument("the body must be a JSON object", "body");
  }
  for (const auto& item : j.items()) {
    if (std::find(allowed.begin(), allowed.end(), item.key()) == allowed.end()) {
      return Error::InvalidArgument("unknown field '" + item.key() + "'", item.key());
    }
  }
  return j;
}

Result<std::string> Text(const nlohmann::json& j, const char* name) {
  auto it = j.find(name);
  if (it == j.end())
    return Error::InvalidArgument(std::string("missing field '") + name + "'", name);
  if (!it->is_string())
    return Error::InvalidArgument(std::string(name) + " must be a string", name);
  return it->get<std::string>();
}

Result<std::optional<int64_t>> OptionalId(const nlohmann::json& j, const char* name) {
  auto it = j.find(name);
  if (it == j.end() || it->is_null()) return std::optional<int64_t>();
  if (!it->is_number_integer()) {
    return Error::InvalidArgument(std::string(name) + " must be an integer id", name);
  }
  return std::optional<int64_t>(it->get<int64_t>());
}

Result<int64_t> PathId(const Request& req) {
  auto id = adapters::http::ParseDigits(req.params.at("id"));
  if (!id) return Error::NotFound("no user " + req.params.at("id"), "id");
  return *id;
}

Result<services::NewAccount> ParseNewAccount(const Request& req) {
  auto j = ObjectBody(req, {"username", "password", "role", "company_id", "household_id"});
  if (!j.ok()) return j.error();
  services::NewAccount a;
  for (auto [name, target] : {std::pair{"username", &a.username},
                              std::pair{"password", &a.password}, std::pair{"role", &a.role}}) {
    auto v = Text(*j, name);
    if (!v.ok()) return v.error();
    *target = std::move(*v);
  }
  auto company = OptionalId(*j, "company_id");
  if (!company.ok()) return company.error();
  auto household = OptionalId(*j, "household_id");
  if (!household.ok()) return household.error();
  a.company_id = *company;
  a.household_id = *household;
  return a;
}

adapters::http::RouteDoc Doc(std::string summary, std::string request_schema = "",
                             std::string response_schema = "", int status = 0,
                             std::vector<std::string> query = {}, bool list = false) {
  adapters::http::RouteDoc doc;
  doc.summary = std::move(summary);
  doc.request_schema = std::move(request_schema);
  doc.response_schema = std::move(response_schema);
  doc.status = status;
  doc.query = std::move(query);
  doc.list = list;
  return doc;
}

}  // namespace

void AddUserRoutes(adapters::http::Router& router, services::UserAdminService& accounts,
                   services::AuthService& auth, ports::RecordStore& records) {
  router.Add(
      "GET", "/api/v1/staff",
      [&accounts, &auth, &records](const Request& req) {
        auto p = RequirePrincipal(req, auth);
        if (!p.ok()) return Fail(p.error());
        if (auto s = adapters::http::OnlyParams(req, {"company", "company_id", "role"}); !s.ok()) {
          return ErrorResponse(s.error());
        }
        std::optional<rules::Role> role;
        if (auto it = req.query.find("role"); it != req.query.end() && !it->second.empty()) {
          role = rules::ParseRole(it->second);
          if (!role || rules::ScopeKindOf(*role) != rules::ScopeKind::kCompany) {
            return ErrorResponse(Error::InvalidArgument(
                "role must be one of manager, agent, technician", "role"));
          }
        }
        auto company = CompanyFilter(req, records, services::ScopeOf(*p));
        if (!company.ok()) return ErrorResponse(company.error());
        auto staff = accounts.Staff(*p, *company, role);
        if (!staff.ok()) return ErrorResponse(staff.error());
        ordered_json items = ordered_json::array();
        for (const auto& u : *staff) items.push_back(UserJson(u));
        return adapters::http::Json(200, ordered_json{{"items", std::move(items)}});
      },
      Doc("The enabled accounts of a company, by username, of one role when `role` is given "
          "(manager, agent, technician): whom a manager names as staff. Company staff get their "
          "own company's; admins and regulators name the company",
          "", "StaffList", 200, {"company", "company_id", "role"}));

  router.Add(
      "GET", "/api/v1/users",
      [&accounts, &auth](const Request& req) {
        auto by = RequireAdmin(req, auth);
        if (!by.ok()) return Fail(by.error());
        if (auto s = adapters::http::OnlyParams(req, {"cursor", "limit"}); !s.ok()) {
          return ErrorResponse(s.error());
        }
        auto page = ReadPage(req, 50, 1000);
        if (!page.ok()) return ErrorResponse(page.error());
        auto users = accounts.List(page->cursor, page->limit);
        if (!users.ok()) return ErrorResponse(users.error());
        ordered_json items = ordered_json::array();
        for (const auto& u : *users) items.push_back(UserJson(u));
        std::optional<int64_t> next;
        if (static_cast<int>(users->size()) == page->limit) next = users->back().id;
        return adapters::http::Json(200, PageJson(std::move(items), next));
      },
      Doc("The accounts in id order (admin); paged with cursor and limit", "", "User", 200,
          {"cursor", "limit"}, true));

  router.Add(
      "POST", "/api/v1/users",
      [&accounts, &auth](const Request& req) {
        auto by = RequireAdmin(req, auth);
        if (!by.ok()) return Fail(by.error());
        if (auto s = adapters::http::OnlyParams(req, {}); !s.ok()) return ErrorResponse(s.error());
        auto account = ParseNewAccount(req);
        if (!account.ok()) return ErrorResponse(account.error());
        auto user = accounts.Add(*account, *by);
        if (!user.ok()) return ErrorResponse(user.error());
        return adapters::http::Json(201, UserJson(*user));
      },
      Doc("Add an account (admin): a username, a password of 12-1024 bytes (not a common one), "
          "a role, and the company (manager, agent, technician) or household (household) it "
          "acts for; audited",
          "NewUser", "User", 201));

  router.Add(
      "GET", "/api/v1/users/{id}",
      [&accounts, &auth](const Request& req) {
        auto by = RequireAdmin(req, auth);
        if (!by.ok()) return Fail(by.error());
        if (auto s = adapters::http::OnlyParams(req, {}); !s.ok()) return ErrorResponse(s.error());
        auto id = PathId(req);
        if (!id.ok()) return ErrorResponse(id.error());
        auto user = accounts.Get(*id);
        if (!user.ok()) return ErrorResponse(user.error());
        return adapters::http::Json(200, UserJson(*user));
      },
      Doc("One account (admin)", "", "User"));

  router.Add(
      "PATCH", "/api/v1/users/{id}",
      [&accounts, &auth](const Request& req) {
        auto by = RequireAdmin(req, auth);
        if (!by.ok()) return Fail(by.error());
        if (auto s = adapters::http::OnlyParams(req, {}); !s.ok()) return ErrorResponse(s.error());
        auto id = PathId(req);
        if (!id.ok()) return ErrorResponse(id.error());
        auto j = ObjectBody(req, {"disabled"});
        if (!j.ok()) return ErrorResponse(j.error());
        auto it = j->find("disabled");
        if (it == j->end() || !it->is_boolean()) {
          return ErrorResponse(
              Error::InvalidArgument("disabled must be true or false", "disabled"));
        }
        auto user = accounts.SetDisabled(*id, it->get<bool>(), *by);
        if (!user.ok()) return ErrorResponse(user.error());
        return adapters::http::Json(200, UserJson(*user));
      },
      Doc("Disable or enable an account (admin): a disabled user cannot log in, and disabling "
          "revokes its sessions; audited",
          "UserPatch", "User", 200));

  router.Add(
      "POST", "/api/v1/users/{id}/password",
      [&accounts, &auth](const Request& req) {
        auto by = RequireAdmin(req, auth);
        if (!by.ok()) return Fail(by.error());
        if (auto s = adapters::http::OnlyParams(req, {}); !s.ok()) return ErrorResponse(s.error());
        auto id = PathId(req);
        if (!id.ok()) return ErrorResponse(id.error());
        auto j = ObjectBody(req, {"password"});
        if (!j.ok()) return ErrorResponse(j.error());
        auto password = Text(*j, "password");
        if (!password.ok()) return ErrorResponse(password.error());
        if (auto s = accounts.ResetPassword(*id, *password, *by); !s.ok()) {
          return ErrorResponse(s.error());
        }
        return Response{204, "application/json", "", {}};
      },
      Doc("Reset an account's password (admin); every session of the account is revoked; "
          "audited without the password",
          "PasswordReset", "", 204));

  router.Add(
      "DELETE", "/api/v1/users/{id}/sessions",
      [&accounts, &auth](const Request& req) {
        auto by = RequireAdmin(req, auth);
        if (!by.ok()) return Fail(by.error());
        if (auto s = adapters::http::OnlyParams(req, {}); !s.ok()) return ErrorResponse(s.error());
        auto id = PathId(req);
        if (!id.ok()) return ErrorResponse(id.error());
        auto revoked = accounts.RevokeSessions(*id, *by);
        if (!revoked.ok()) return ErrorResponse(revoked.error());
        return adapters::http::Json(200, ordered_json{{"revoked", *revoked}});
      },
      Doc("Revoke every session (token) of an account (admin); audited", "", "RevokedSessions",
          200));
}

}  // namespace hearth::app::http
