// Golden request/response files for every record resource (tests/golden/records/<name>.json).
//
// Each file is a list of exchanges {method, target, body, status, response}, replayed in
// resource order against a fresh SQLite store; every response must match byte for byte.
// HEARTH_UPDATE_GOLDEN=1 regenerates the files from the descriptors' sample values: review the
// diff before committing it.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>

#include "adapters/storage/migrations.hpp"
#include "adapters/storage/record_store_sql.hpp"
#include "app/http/records.hpp"
#include "support/test_process.hpp"

namespace hearth::app::http {
namespace {

using nlohmann::ordered_json;

const std::string kDir = std::string(HEARTH_SOURCE_DIR) + "/tests/golden/records/";

// A valid sample value for a field; refs point at record 1 of their resource (created earlier).
// Seasons get dates in the order R-SEASON-1 needs (rules/record_checks.hpp), in their start year
// (2025 + variant); payments stay within fee 1 (85.50) in sum (services/record_service.hpp).
ordered_json Sample(const model::Field& f, const std::string& resource, int variant) {
  if (resource == "seasons") {
    const std::string year = std::to_string(2025 + variant), next = std::to_string(2026 + variant);
    if (f.name == "season") return 2025 + variant;
    if (f.name == "commissioning_start") return year + "-11-08";
    if (f.name == "early_start") return year + "-11-10";
    if (f.name == "official_start") return year + "-11-15";
    if (f.name == "official_end") return next + "-03-15";
    if (f.name == "extension_end") return next + "-03-31";
  }
  // A relief is a percentage or an amount (R-BILL-1, W 9.3): the first and third a percentage,
  // the second an amount.
  if (resource == "reliefs" && f.name == "percent" && variant == 1) return nullptr;
  if (resource == "reliefs" && f.name == "amount" && variant != 1) return nullptr;
  if (resource == "payments" && f.name == "amount") {
    return ordered_json::parse(variant == 0 ? "40" : variant == 1 ? "45.5" : "40.25");
  }
  switch (f.type) {
    case model::FieldType::kInt: return f.min ? *f.min + 1 + variant : 1 + variant;
    case model::FieldType::kRef: return 1;
    case model::FieldType::kBool: return variant == 0;
    case model::FieldType::kDate: return variant == 0 ? "2025-11-15" : "2026-03-15";
    case model::FieldType::kMonthDay: return "11-15";
    case model::FieldType::kEnum: return f.values[static_cast<size_t>(variant) % f.values.size()];
    case model::FieldType::kCenti: return ordered_json::parse(variant == 0 ? "85.5" : "102.25");
    case model::FieldType::kTenths: return ordered_json::parse(variant == 0 ? "18.0" : "20.5");
    case model::FieldType::kJson: return ordered_json{{"quality", "18 °C in bedrooms"}};
    case model::FieldType::kText:
      if (f.name == "phone") return "13812345678";
      if (f.name == "id_number") return "370602199001011234";
      if (f.name == "policy") return "weihai";
      if (f.timestamp) return "2025-11-20T10:00:00+08:00";
      return resource + "-" + f.name + "-" + std::to_string(variant);
  }
  return nullptr;
}

// The scripted exchanges of one resource, responses not yet filled in.
ordered_json Script(const model::Resource& r) {
  ordered_json body = ordered_json::object();
  for (const auto& f : r.fields) body[f.name] = Sample(f, r.name, 0);
  ordered_json second = body;
  for (const auto& f : r.fields) {
    if (f.type != model::FieldType::kRef) second[f.name] = Sample(f, r.name, 1);
  }
  ordered_json patch = ordered_json::object();
  for (const auto& f : r.fields) {
    if (!f.immutable && f.type != model::FieldType::kRef) {
      patch[f.name] = Sample(f, r.name, 2);
      break;
    }
  }
  if (r.name == "seasons") {
    // season alone cannot change: the dates would leave it (refused); move the end instead.
    patch = ordered_json{{"official_end", "2027-03-20"}};
  }
  const std::string base = "/api/v1/" + r.name;
  auto ex = [](std::string method, std::string target, ordered_json b) {
    return ordered_json{{"method", std::move(method)}, {"target", std::move(target)},
                        {"body", std::move(b)}};
  };
  ordered_json unknown = body;
  unknown["colour"] = "red";
  ordered_json script = ordered_json::array();
  script.push_back(ex("POST", base, body));
  script.push_back(ex("POST", base, second));
  script.push_back(ex("POST", base, body));  // the same natural key again
  script.push_back(ex("POST", base, unknown));
  script.push_back(ex("POST", base, ordered_json::object()));
  script.push_back(ex("GET", base + "/1", nullptr));
  script.push_back(ex("GET", base + "?limit=1", nullptr));
  script.push_back(ex("GET", base + "?limit=1&cursor=1", nullptr));
  script.push_back(ex("PATCH", base + "/2", patch));
  script.push_back(ex("GET", base + "/999", nullptr));
  script.push_back(ex("DELETE", base + "/2", nullptr));
  script.push_back(ex("GET", base + "/2", nullptr));
  return script;
}

adapters::http::Response Replay(const adapters::http::Router& router, const ordered_json& ex) {
  adapters::http::Request req;
  req.method = ex["method"];
  std::string target = ex["target"];
  size_t q = target.find('?');
  req.path = target.substr(0, q);
  if (q != std::string::npos) req.query = *adapters::http::ParseQuery(target.substr(q + 1));
  if (!ex["body"].is_null()) req.body = ex["body"].dump();
  return router.Handle(req);
}

TEST(RecordsGolden, EveryResource) {
  support::TempDir dir;
  auto conn = adapters::storage::Connect(dir / "golden.db");
  ASSERT_TRUE(conn.ok());
  ASSERT_TRUE(adapters::storage::Migrate(**conn).ok());
  adapters::storage::SqlRecordStore store(std::move(*conn));
  adapters::http::Router router;
  const ports::ManualClock clock(*ParseRfc3339("2025-12-10T15:00:00+08:00"));
  AddRecordRoutes(router, store, clock,
                  [](const adapters::http::Request&, const model::Resource&, Verb) {
                    return Result<Access>(Access{{}, "golden", {}});
                  });
  bool update = std::getenv("HEARTH_UPDATE_GOLDEN") != nullptr;
  for (const auto& r : model::Resources()) {
    SCOPED_TRACE(r.name);
    std::string path = kDir + r.name + ".json";
    ordered_json script;
    if (update) {
      script = Script(r);
    } else {
      std::ifstream in(path);
      ASSERT_TRUE(in) << "missing " << path << "; run with HEARTH_UPDATE_GOLDEN=1";
      script = ordered_json::parse(in);
    }
    for (auto& ex : script) {
      adapters::http::Response resp = Replay(router, ex);
      ordered_json got = resp.body.empty() ? ordered_json(nullptr) : ordered_json::parse(resp.body);
      if (update) {
        ex["status"] = resp.status;
        ex["response"] = got;
      } else {
        SCOPED_TRACE(ex["method"].get<std::string>() + " " + ex["target"].get<std::string>());
        EXPECT_EQ(resp.status, ex["status"].get<unsigned>());
        EXPECT_EQ(got.dump(2), ex["response"].dump(2));
      }
    }
    if (update) std::ofstream(path) << script.dump(2) << "\n";
  }
}

}  // namespace
}  // namespace hearth::app::http
