#include "app/http/records.hpp"

#include <memory>

#include "adapters/json/record_json.hpp"
#include "app/http/auth.hpp"
#include "services/record_service.hpp"

namespace hearth::app::http {
namespace {

using adapters::json::BodyMode;

Result<int64_t> IdParam(const adapters::http::Request& req) {
  const std::string& text = req.params.at("id");
  auto id = adapters::http::ParseDigits(text);
  if (!id) return Error::NotFound("no such record: " + text, "id");
  return *id;
}

Result<ports::ListQuery> ListQueryOf(const adapters::http::Request& req, const model::Resource& r) {
  ports::ListQuery q;
  for (const auto& [key, value] : req.query) {
    if (key == "limit") {
      auto limit = adapters::http::ParseDigits(value, 4);
      if (!limit || *limit < 1 || *limit > 1000) {
        return Error::InvalidArgument("limit must be 1–1000", "limit");
      }
      q.limit = static_cast<int>(*limit);
    } else if (key == "cursor") {
      q.after = adapters::http::ParseDigits(value);
      if (!q.after) {
        return Error::InvalidArgument("cursor must be the next_cursor of an earlier page",
                                      "cursor");
      }
    } else {
      const model::Field* f = r.Find(key);
      if (f == nullptr || !f->filterable) {
        return Error::InvalidArgument("unknown filter '" + key + "' for " + r.name, key);
      }
      auto v = adapters::json::FilterValue(*f, value);
      if (!v.ok()) return v.error();
      q.equals[key] = std::move(*v);
    }
  }
  return q;
}

std::vector<std::string> FilterNames(const model::Resource& r) {
  std::vector<std::string> names{"cursor", "limit"};
  for (const auto& f : r.fields) {
    if (f.filterable) names.push_back(f.name);
  }
  return names;
}

nlohmann::ordered_json Out(const model::Resource& r, ports::Record rec, const Access& access) {
  if (access.mask) access.mask(r, rec);
  return adapters::json::RecordToJson(r, rec);
}

}  // namespace

void AddRecordRoutes(adapters::http::Router& router, ports::RecordStore& store,
                     const ports::Clock& clock, Authorizer authorize, ports::BillStore* bills) {
  // Writes go through the service's checks (issue 11); it holds nothing but the stores, so the
  // routes share one.
  auto checked = std::make_shared<services::RecordService>(store, clock, bills);
  for (const model::Resource& res : model::Resources()) {
    const model::Resource* r = &res;
    const std::string base = "/api/v1/" + r->name;
    const std::string schema = r->singular;

    router.Add("GET", base,
               [r, &store, authorize](const adapters::http::Request& req) {
                 auto access = authorize(req, *r, Verb::kRead);
                 if (!access.ok()) return AuthErrorResponse(access.error());
                 auto q = ListQueryOf(req, *r);
                 if (!q.ok()) return adapters::http::ErrorResponse(q.error());
                 q->scope = access->scope;
                 auto page = store.List(*r, *q);
                 if (!page.ok()) return adapters::http::ErrorResponse(page.error());
                 nlohmann::ordered_json items = nlohmann::ordered_json::array();
                 for (const auto& rec : page->items) {
                   items.push_back(Out(*r, rec, *access));
                 }
                 nlohmann::ordered_json body{{"items", std::move(items)}, {"next_cursor", nullptr}};
                 if (page->next_cursor) body["next_cursor"] = std::to_string(*page->next_cursor);
                 return adapters::http::Json(200, body);
               },
               {"List " + r->name + " (" + r->doc + ")", FilterNames(*r), "", schema, true});

    router.Add("GET", base + "/{id}",
               [r, &store, authorize](const adapters::http::Request& req) {
                 auto access = authorize(req, *r, Verb::kRead);
                 if (!access.ok()) return AuthErrorResponse(access.error());
                 auto id = IdParam(req);
                 if (!id.ok()) return adapters::http::ErrorResponse(id.error());
                 auto rec = store.Get(*r, *id, access->scope);
                 if (!rec.ok()) return adapters::http::ErrorResponse(rec.error());
                 return adapters::http::Json(200, Out(*r, std::move(*rec), *access));
               },
               {"Get one " + r->singular, {}, "", schema, false});

    router.Add("POST", base,
               [r, checked, authorize](const adapters::http::Request& req) {
                 auto access = authorize(req, *r, Verb::kWrite);
                 if (!access.ok()) return AuthErrorResponse(access.error());
                 auto fields = adapters::json::FieldsFromJson(*r, req.body, BodyMode::kCreate);
                 if (!fields.ok()) return adapters::http::ErrorResponse(fields.error());
                 auto rec = checked->Create(*r, *fields, access->scope, access->actor);
                 if (!rec.ok()) return adapters::http::ErrorResponse(rec.error());
                 return adapters::http::Json(201, Out(*r, std::move(*rec), *access));
               },
               {"Create a " + r->singular, {}, schema, schema, false});

    router.Add("PATCH", base + "/{id}",
               [r, checked, authorize](const adapters::http::Request& req) {
                 auto access = authorize(req, *r, Verb::kWrite);
                 if (!access.ok()) return AuthErrorResponse(access.error());
                 auto id = IdParam(req);
                 if (!id.ok()) return adapters::http::ErrorResponse(id.error());
                 auto fields = adapters::json::FieldsFromJson(*r, req.body, BodyMode::kUpdate);
                 if (!fields.ok()) return adapters::http::ErrorResponse(fields.error());
                 auto rec = checked->Update(*r, *id, *fields, access->scope, access->actor);
                 if (!rec.ok()) return adapters::http::ErrorResponse(rec.error());
                 return adapters::http::Json(200, Out(*r, std::move(*rec), *access));
               },
               {"Change fields of a " + r->singular, {}, schema, schema, false});

    router.Add("DELETE", base + "/{id}",
               [r, checked, authorize](const adapters::http::Request& req) {
                 auto access = authorize(req, *r, Verb::kWrite);
                 if (!access.ok()) return AuthErrorResponse(access.error());
                 auto id = IdParam(req);
                 if (!id.ok()) return adapters::http::ErrorResponse(id.error());
                 if (auto s = checked->Delete(*r, *id, access->scope, access->actor); !s.ok()) {
                   return adapters::http::ErrorResponse(s.error());
                 }
                 return adapters::http::Response{204, "application/json", "", {}};
               },
               {"Delete a " + r->singular, {}, "", "", false});
  }
}

}  // namespace hearth::app::http
