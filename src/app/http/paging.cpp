#include "app/http/paging.hpp"

#include <algorithm>

namespace hearth::app::http {

Result<PageRequest> ReadPage(const adapters::http::Request& req, int default_limit,
                             int max_limit) {
  PageRequest page;
  page.limit = default_limit;
  if (auto it = req.query.find("limit"); it != req.query.end()) {
    auto limit = adapters::http::ParseDigits(it->second, 6);
    if (!limit || *limit < 1 || *limit > max_limit) {
      return Error::InvalidArgument("limit must be 1–" + std::to_string(max_limit), "limit");
    }
    page.limit = static_cast<int>(*limit);
  }
  if (auto it = req.query.find("cursor"); it != req.query.end()) {
    page.cursor = adapters::http::ParseDigits(it->second);
    if (!page.cursor) {
      return Error::InvalidArgument("cursor must be the next_cursor of an earlier page", "cursor");
    }
  }
  return page;
}

nlohmann::ordered_json PageJson(nlohmann::ordered_json items, std::optional<int64_t> next) {
  return {{"items", std::move(items)},
          {"next_cursor", next ? nlohmann::ordered_json(std::to_string(*next))
                               : nlohmann::ordered_json(nullptr)}};
}

nlohmann::ordered_json PositionPage(const nlohmann::ordered_json& all, const PageRequest& page) {
  const size_t size = all.size();
  const size_t start = std::min(size, static_cast<size_t>(page.cursor.value_or(0)));
  const size_t end = std::min(size, start + static_cast<size_t>(page.limit));
  nlohmann::ordered_json items = nlohmann::ordered_json::array();
  for (size_t i = start; i < end; ++i) items.push_back(all[i]);
  return PageJson(std::move(items),
                  end < size ? std::optional<int64_t>(static_cast<int64_t>(end)) : std::nullopt);
}

}  // namespace hearth::app::http
