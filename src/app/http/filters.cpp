#include "app/http/filters.hpp"

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
    return Error::InvalidArgument(std::string(name) + " must be a date (YYYY-MM-DD) or an RFC "
                                  "3339 time: " + t.error().message,
                                  name);
  }
  return std::optional<Instant>(*t);
}

Result<std::optional<int>> SeasonParam(const adapters::http::Request& req) {
  const std::string* text = Param(req, "season");
  if (text == nullptr) return std::optional<int>();
  auto year = adapters::http::ParseDigits(*text, 4);
  if (!year || *year < 2000 || *year > 2200) {
    return Error::InvalidArgument("season must be the year the season starts, 2000–2200",
                                  "season");
  }
  return std::optional<int>(static_cast<int>(*year));
}

}  // namespace hearth::app::http
