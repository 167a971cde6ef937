// POST /api/v1/auth/login, POST /api/v1/auth/logout, GET /api/v1/auth/me.
#include "app/http/auth.hpp"

#include "adapters/json/json_input.hpp"
#include "app/http/filters.hpp"
#include "app/http/routes.hpp"

namespace hearth::app::http {
namespace {

struct Credentials {
  std::string username;
  std::string password;
};

// {"username": "…", "password": "…"}, nothing else. Errors never echo the body: it holds a
// password.
Result<Credentials> ParseCredentials(const std::string& body) {
  auto parsed = adapters::json::ParseInput(body);
  if (!parsed.ok()) return parsed.error();
  nlohmann::json& j = *parsed;
  if (!j.is_object()) {
    return Error::InvalidArgument(
        R"(the body must be a JSON object {"username": "…", "password": "…"})");
  }
  for (const auto& item : j.items()) {
    if (item.key() != "username" && item.key() != "password") {
      return Error::InvalidArgument("unknown field '" + item.key() + "'", item.key());
    }
  }
  Credentials out;
  for (auto [name, target] :
       {std::pair{"username", &out.username}, std::pair{"password", &out.password}}) {
    auto it = j.find(name);
    if (it == j.end()) {
      return Error::InvalidArgument(std::string("missing field '") + name + "'", name);
    }
    if (!it->is_string()) {
      return Error::InvalidArgument(std::string(name) + " must be a string", name);
    }
    *target = it->get<std::string>();
  }
  return out;
}

Result<std::string> BearerToken(const adapters::http::Request& request) {
  auto it = request.headers.find("authorization");
  if (it == request.headers.end()) {
    return Error::Unauthenticated("missing bearer token (send Authorization: Bearer <token>)");
  }
  return http::BearerToken(std::string_view(it->second));
}

}  // namespace

Result<std::string> BearerToken(std::string_view value) {
  auto trim = [](std::string_view s) {
    size_t b = s.find_first_not_of(" \t");
    if (b == std::string_view::npos) return std::string_view();
    return s.substr(b, s.find_last_not_of(" \t") - b + 1);
  };
  value = trim(value);
  size_t space = value.find_first_of(" \t");
  std::string scheme(value.substr(0, space));
  for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (scheme != "bearer" || space == std::string_view::npos) {
    return Error::Unauthenticated("the Authorization header is not a bearer token");
  }
  return std::string(trim(value.substr(space)));
}

namespace {

nlohmann::ordered_json PrincipalToJson(const services::Principal& p) {
  nlohmann::ordered_json j;
  j["user_id"] = p.user_id;
  j["username"] = p.username;
  j["role"] = rules::RoleName(p.role);
  j["company_id"] = p.company_id ? nlohmann::ordered_json(*p.company_id) : nullptr;
  j["household_id"] = p.household_id ? nlohmann::ordered_json(*p.household_id) : nullptr;
  return j;
}

// Built field by field, so that fields added to RouteDoc later need no change here.
adapters::http::RouteDoc Doc(std::string summary, std::string request_schema = "",
                             std::string response_schema = "", int status = 0) {
  adapters::http::RouteDoc doc;
  doc.summary = std::move(summary);
  doc.request_schema = std::move(request_schema);
  doc.response_schema = std::move(response_schema);
  doc.status = status;
  return doc;
}

}  // namespace

namespace {
thread_local int64_t request_user_id = 0;
}  // namespace

Result<services::Principal> RequirePrincipal(const adapters::http::Request& request,
                                             services::AuthService& auth) {
  auto token = BearerToken(request);
  if (!token.ok()) return token.error();
  auto principal = auth.Authenticate(*token);
  if (principal.ok()) request_user_id = principal->user_id;
  return principal;
}

int64_t TakeRequestUserId() { return std::exchange(request_user_id, 0); }

adapters::http::Handler ById(services::AuthService& auth, ByIdHandler handler) {
  return [&auth, handler = std::move(handler)](const adapters::http::Request& req) {
    auto p = RequirePrincipal(req, auth);
    if (!p.ok()) return AuthErrorResponse(p.error());
    auto id = IdParam(req.params.at("id"), "id");
    if (!id.ok()) return adapters::http::ErrorResponse(id.error());
    return handler(req, *p, *id);
  };
}

adapters::http::Response AuthErrorResponse(const Error& error) {
  adapters::http::Response resp = adapters::http::ErrorResponse(error);
  if (error.code == ErrorCode::kUnauthenticated) {
    resp.headers.emplace_back("WWW-Authenticate", R"(Bearer realm="hearth")");
  }
  return resp;
}

void AddAuthRoutes(adapters::http::Router& router, services::AuthService& auth) {
  router.Add(
      "POST", "/api/v1/auth/login",
      [&auth](const adapters::http::Request& req) {
        if (auto s = adapters::http::OnlyParams(req, {}); !s.ok())
          return adapters::http::ErrorResponse(s.error());
        auto credentials = ParseCredentials(req.body);
        if (!credentials.ok()) return adapters::http::ErrorResponse(credentials.error());
        auto issued = auth.Login(credentials->username, credentials->password, req.remote);
        if (!issued.ok()) return AuthErrorResponse(issued.error());
        adapters::http::Response resp = adapters::http::Json(
            200, {{"token", issued->token}, {"expires_at", FormatLocal(issued->expires_at)}});
        resp.headers.emplace_back("Cache-Control", "no-store");  // RFC 6749 §5.1
        return resp;
      },
      Doc("Log in with a username and password; returns a bearer token and its expiry. 429 with "
          "Retry-After when this address logs in too often, or has failed too often for this "
          "username; 503 with Retry-After when the server is too busy checking passwords",
          "Credentials", "Token", 200));

  router.Add(
      "POST", "/api/v1/auth/logout",
      [&auth](const adapters::http::Request& req) {
        if (auto s = adapters::http::OnlyParams(req, {}); !s.ok())
          return adapters::http::ErrorResponse(s.error());
        auto token = BearerToken(req);
        if (!token.ok()) return AuthErrorResponse(token.error());
        if (auto s = auth.Logout(*token); !s.ok()) return AuthErrorResponse(s.error());
        return adapters::http::Response{204, "application/json", "", {}};
      },
      Doc("Log out: revoke the bearer token of the request", "", "", 204));

  router.Add(
      "GET", "/api/v1/auth/me",
      [&auth](const adapters::http::Request& req) {
        if (auto s = adapters::http::OnlyParams(req, {}); !s.ok())
          return adapters::http::ErrorResponse(s.error());
        auto principal = RequirePrincipal(req, auth);
        if (!principal.ok()) return AuthErrorResponse(principal.error());
        return adapters::http::Json(200, PrincipalToJson(*principal));
      },
      Doc("The user the bearer token acts for: id, username, role, company, household", "", "Me"));
}

}  // namespace hearth::app::http
