#include "app/http/policies.hpp"

#include <spdlog/spdlog.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "adapters/policy/policy_json.hpp"
#include "app/http/auth.hpp"

namespace hearth::app::http {
namespace {

using adapters::http::ErrorResponse;
using adapters::http::Request;
using nlohmann::ordered_json;

std::map<std::string, ordered_json> ReadProfiles(const services::PolicyRegistry& policies,
                                                 const std::string& policy_dir) {
  std::map<std::string, ordered_json> out;
  for (const std::string& name : policies.Names()) {
    const auto file = std::filesystem::path(policy_dir) / (name + ".toml");
    std::ifstream in(file);
    std::ostringstream text;
    text << in.rdbuf();
    auto json = in ? adapters::policy::PolicyTextAsJson(text.str())
                   : Result<ordered_json>(Error::NotFound("cannot read " + file.string()));
    if (!json.ok()) {
      spdlog::warn("GET /api/v1/policies/{}: left out: {}", name, json.error().message);
      continue;
    }
    out.emplace(name, std::move(*json));
  }
  return out;
}

std::string ProfileText(const ordered_json& profile, const char* key) {
  auto p = profile.find("profile");
  if (p == profile.end() || !p->is_object()) return "";
  auto v = p->find(key);
  return v != p->end() && v->is_string() ? v->get<std::string>() : "";
}

}  // namespace

void AddPolicyRoutes(adapters::http::Router& router, const services::PolicyRegistry& policies,
                     const std::string& policy_dir, services::AuthService& auth) {
  auto profiles =
      std::make_shared<const std::map<std::string, ordered_json>>(ReadProfiles(policies, policy_dir));
  router.Add(
      "GET", "/api/v1/policies",
      [profiles, &auth](const Request& req) {
        auto p = RequirePrincipal(req, auth);
        if (!p.ok()) return AuthErrorResponse(p.error());
        if (auto s = adapters::http::OnlyParams(req, {}); !s.ok()) return ErrorResponse(s.error());
        ordered_json items = ordered_json::array();
        for (const auto& [name, profile] : *profiles) {
          items.push_back({{"name", name},
                           {"title", ProfileText(profile, "name")},
                           {"city", ProfileText(profile, "city")}});
        }
        return adapters::http::Json(200, {{"policies", items}});
      },
      adapters::http::RouteDoc{.summary = "The policy profiles in force: name, title and city "
                                          "(every signed-in user)",
                               .query = {},
                               .request_schema = "",
                               .response_schema = "PolicyList",
                               .list = false});
  router.Add(
      "GET", "/api/v1/policies/{name}",
      [profiles, &auth](const Request& req) {
        auto p = RequirePrincipal(req, auth);
        if (!p.ok()) return AuthErrorResponse(p.error());
        if (auto s = adapters::http::OnlyParams(req, {}); !s.ok()) return ErrorResponse(s.error());
        const std::string& name = req.params.at("name");
        auto it = profiles->find(name);
        if (it == profiles->end()) {
          std::string known;
          for (const auto& [n, _] : *profiles) known += (known.empty() ? "" : ", ") + n;
          return ErrorResponse(
              Error::NotFound("no policy profile " + name + " (known: " + known + ")", "name"));
        }
        return adapters::http::Json(200, {{"name", name}, {"profile", it->second}});
      },
      adapters::http::RouteDoc{
          .summary = "A policy profile as its file has it: every table and number in the file's "
                     "order, each with the clause it cites (`source`), whether it is a platform "
                     "default (`default`) and its `note` (every signed-in user)",
          .query = {},
          .request_schema = "",
          .response_schema = "Policy",
          .list = false});
}

}  // namespace hearth::app::http
