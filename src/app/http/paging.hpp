// Paging, the same on every list: `limit` (how many items, 1..the route's maximum) and `cursor`
// (the `next_cursor` of the page before, given back unchanged). A page is
// {"items":[…],"next_cursor":"…"|null}; null means there is nothing more.
//
// Stored lists use the last item's key as the cursor (ids, or a reading's time), so a page never
// skips or repeats an item whatever is written meanwhile. Lists computed on each request
// (alerts, usage rates, weather, measurements) use the position in their order, and so do the
// energy reports (ordered by day, not by a key): there a report filed meanwhile shifts a page.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "adapters/http/message.hpp"
#include "core/result.hpp"

namespace hearth::app::http {

struct PageRequest {
  std::optional<int64_t> cursor;  ///< the cursor given back, as a number; none on the first page
  int limit = 50;
};

/// Reads `cursor` and `limit` from the query. invalid_argument naming the parameter: a limit
/// outside 1..max_limit, or a cursor that is not a next_cursor of this API (a decimal number).
Result<PageRequest> ReadPage(const adapters::http::Request& req, int default_limit = 50,
                             int max_limit = 1000);

/// {"items": items, "next_cursor": next or null}.
nlohmann::ordered_json PageJson(nlohmann::ordered_json items, std::optional<int64_t> next);

/// The page of a stored list fetched with one item more than `limit` (the extra one tells that
/// another page follows): the first `limit` items as `to_json` gives them, and next_cursor the
/// key (`key_of`) of the last one shown when more follow.
template <typename T, typename ToJson, typename KeyOf>
nlohmann::ordered_json KeyedPage(const std::vector<T>& fetched, int limit, const ToJson& to_json,
                                 const KeyOf& key_of) {
  const size_t shown = static_cast<size_t>(limit);
  nlohmann::ordered_json items = nlohmann::ordered_json::array();
  for (size_t i = 0; i < fetched.size() && i < shown; ++i) items.push_back(to_json(fetched[i]));
  std::optional<int64_t> next;
  if (fetched.size() > shown && shown > 0) next = key_of(fetched[shown - 1]);
  return PageJson(std::move(items), next);
}

/// A page of a list computed whole: the items from position `page.cursor` (0 without), at most
/// `page.limit` of them; next_cursor is the position after the page when more follow.
nlohmann::ordered_json PositionPage(const nlohmann::ordered_json& all, const PageRequest& page);

}  // namespace hearth::app::http
