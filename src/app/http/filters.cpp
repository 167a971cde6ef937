#include "app/http/filters.hpp"

#include <algorithm>

#include "adapters/json/json_input.hpp"
#include "core/decimal.hpp"

namespace hearth::app::http {
namespace {

const std::string* Param(const adapters::http::Request& req, const char* name) {
  auto it = req.query.find(name);
  return it == req.query.end() ? nullptr : &it->second;
}

}  // namespace

Result<std::optional<int64_t>> CompanyFilter(const adapters::http::Request& req,
                                             ports::RecordStore& records,
                                             const ports::Scope& scope) {
  const std::string* given = Param(req, "company");
  const char* field = "company";
  if (given == nullptr) {
    given = Param(req, "company_id");
    field = "company_id";
  }
  std::optional<int64_t> id;
  if (given != nullptr) {
    const model::Resource& companies = *model::FindResource("companies");
    if (auto digits = adapters::http::ParseDigits(*given)) {
      auto rec = records.Get(companies, *digits, {});
      if (!rec.ok()) {
        if (rec.error().code != ErrorCode::kNotFound) return rec.error();
        return Error::InvalidArgument("no company " + *given, field);
      }
      id = *digits;
    } else {
      ports::ListQuery q;
      q.equals["code"] = *given;
      q.limit = 1;
      auto page = records.List(companies, q);
      if (!page.ok()) return page.error();
      if (page->items.empty()) {
        return Error::InvalidArgument("no company with the id or code '" + *given + "'", field);
      }
      id = page->items.front().id;
    }
  }
  if (scope.company_id) {
    if (id && *id != *scope.company_id) {
      return Error::PermissionDenied("a company's staff see their own company only", field);
    }
    return scope.company_id;
  }
  return id;
}

Result<std::optional<Instant>> TimeParam(const adapters::http::Request& req, const char* name,
                                         bool end_of_day) {
  const std::string* text = Param(req, name);
  if (text == nullptr) return std::optional<Instant>();
  if (text->size() == 10) {
    auto d = ParseDate(*text);
    if (!d.ok()) return Error::InvalidArgument(d.error().message, name);
    return std::optional<Instant>(end_of_day ? EndOfLocalDay(*d) : StartOfLocalDay(*d));
  }
  auto t = ParseRfc3339(*text);
  if (!t.ok()) {
    return Error::InvalidArgument(std::string(name) +
                                      " must be a date (YYYY-MM-DD) or an RFC "
                                      "3339 time: " +
                                      t.error().message,
                                  name);
  }
  return std::optional<Instant>(*t);
}

namespace {
constexpr int64_t kFirstSeason = 2000, kLastSeason = 2200;
Error BadSeason() {
  return Error::InvalidArgument("season must be the year the season starts, 2000–2200", "season");
}
}  // namespace

Result<std::optional<int>> SeasonParam(const adapters::http::Request& req) {
  const std::string* text = Param(req, "season");
  if (text == nullptr) return std::optional<int>();
  auto year = adapters::http::ParseDigits(*text, 4);
  if (!year || *year < kFirstSeason || *year > kLastSeason) return BadSeason();
  return std::optional<int>(static_cast<int>(*year));
}

Result<int> SeasonMember(const nlohmann::json& body) {
  auto it = body.find("season");
  if (it == body.end() || !it->is_number_integer()) return BadSeason();
  const auto year = it->get<int64_t>();
  if (year < kFirstSeason || year > kLastSeason) return BadSeason();
  return static_cast<int>(year);
}

Result<int64_t> IdParam(const std::string& text, const std::string& field) {
  auto id = adapters::http::ParseDigits(text);
  if (!id) return Error::InvalidArgument(field + " must be a number", field);
  return *id;
}

Result<std::string> TextField(const nlohmann::json& body, const char* key, bool required) {
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) {
    if (required) return Error::InvalidArgument(std::string(key) + " is required", key);
    return std::string();
  }
  if (!it->is_string()) return Error::InvalidArgument(std::string(key) + " must be a string", key);
  if (required && it->get<std::string>().empty()) {
    return Error::InvalidArgument(std::string(key) + " must not be empty", key);
  }
  return it->get<std::string>();
}

Result<std::optional<int64_t>> OptionalIdParam(const adapters::http::Request& req,
                                               const char* name) {
  const std::string* text = Param(req, name);
  if (text == nullptr || text->empty()) return std::optional<int64_t>{};
  auto id = IdParam(*text, name);
  if (!id.ok()) return id.error();
  return std::optional<int64_t>{*id};
}

Result<std::vector<std::string>> PhotoRefs(const nlohmann::json& body) {
  std::vector<std::string> out;
  auto photos = body.find("photos");
  if (photos == body.end() || photos->is_null()) return out;
  if (!photos->is_array()) {
    return Error::InvalidArgument("photos must be a list of photo references", "photos");
  }
  for (size_t i = 0; i < photos->size(); ++i) {
    if (!(*photos)[i].is_string()) {
      const std::string field = "photos[" + std::to_string(i) + "]";
      return Error::InvalidArgument(field + " must be a string", field);
    }
    out.push_back((*photos)[i].get<std::string>());
  }
  return out;
}

namespace {

/// A number with at most two decimals, as hundredths; `must_be` says what it must be.
Result<std::optional<int64_t>> HundredthsMember(const nlohmann::json& body, const char* key,
                                                const std::string& name, const char* must_be) {
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) return std::optional<int64_t>{};
  const auto bad = [&name, must_be] {
    return Error::InvalidArgument(name + " must be " + must_be, name);
  };
  std::string text;
  if (it->is_string()) {
    text = it->get<std::string>();
  } else if (it->is_number()) {
    text = it->dump();
  } else {
    return bad();
  }
  auto d = ParseDecimal(text);
  if (!d.ok() || d->scale > 2) return bad();
  return std::optional<int64_t>{Rescale(*d, 2)};
}

}  // namespace

Result<std::optional<int64_t>> YuanMember(const nlohmann::json& body, const char* key,
                                          const std::string& field) {
  return HundredthsMember(body, key, field.empty() ? std::string(key) : field,
                          "an amount in yuan with at most two decimals, such as \"4280.50\"");
}

Result<std::optional<int64_t>> AreaMember(const nlohmann::json& body, const char* key) {
  return HundredthsMember(body, key, key,
                          "an area in m² with at most two decimals, such as \"85.50\"");
}

Result<std::optional<int64_t>> IdMember(const nlohmann::json& body, const char* key,
                                        const char* what) {
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) return std::optional<int64_t>{};
  if (!it->is_number_integer() || it->get<int64_t>() <= 0) {
    return Error::InvalidArgument(std::string(key) + " must be " + what + " id", key);
  }
  return std::optional<int64_t>{it->get<int64_t>()};
}

Result<std::optional<bool>> BoolMember(const nlohmann::json& body, const char* key, bool required,
                                       const char* why) {
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) {
    if (!required) return std::optional<bool>{};
    return Error::InvalidArgument(
        std::string(key) + " is required" + (*why ? " (" : "") + why + (*why ? ")" : ""), key);
  }
  if (!it->is_boolean()) {
    return Error::InvalidArgument(std::string(key) + " must be true or false", key);
  }
  return std::optional<bool>{it->get<bool>()};
}

Result<Instant> TimeField(const nlohmann::json& body, const char* key, bool required,
                          std::optional<Instant>* out) {
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) {
    if (required) return Error::InvalidArgument(std::string(key) + " is required", key);
    return Instant{};
  }
  if (!it->is_string()) {
    return Error::InvalidArgument(std::string(key) + " must be an RFC 3339 time", key);
  }
  auto t = ParseRfc3339(it->get<std::string>());
  if (!t.ok()) return Error::InvalidArgument(std::string(key) + ": " + t.error().message, key);
  if (out) *out = *t;
  return *t;
}

Result<Date> DateField(const nlohmann::json& body, const char* key) {
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) {
    return Error::InvalidArgument(std::string(key) + " is required", key);
  }
  if (!it->is_string()) {
    return Error::InvalidArgument(std::string(key) + " must be a date, YYYY-MM-DD", key);
  }
  auto d = ParseDate(it->get<std::string>());
  if (!d.ok()) return Error::InvalidArgument(std::string(key) + ": " + d.error().message, key);
  return *d;
}

Result<nlohmann::json> ObjectBody(const std::string& body,
                                  std::initializer_list<std::string_view> allowed) {
  auto parsed = adapters::json::ParseInput(body);
  if (!parsed.ok()) return parsed.error();
  nlohmann::json& j = *parsed;
  if (!j.is_object()) return Error::InvalidArgument("the body must be a JSON object", "body");
  for (const auto& [key, value] : j.items()) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      return Error::InvalidArgument("unknown field '" + key + "'", key);
    }
  }
  return j;
}

}  // namespace hearth::app::http
