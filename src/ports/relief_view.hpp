// The typed view of a `reliefs` record (R-BILL-1, W 9.3), as the billing run reads it; beside
// ports/record_views.hpp, read the same way (a plain struct, From() over a generic Record).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_time.hpp"
#include "core/result.hpp"
#include "ports/record_reader.hpp"

namespace hearth::ports {

/// A temporary relief the government published (R-BILL-1, W 9.3).
struct ReliefView {
  static constexpr const char* kResource = "reliefs";
  int64_t id = 0;
  int64_t company_id = 0;
  std::string name, reference;
  std::string applies_to;  ///< "all", or a household class (households.assistance)
  std::optional<int64_t> percent;  ///< hundredths of a percent
  std::optional<int64_t> amount;   ///< fen
  Date valid_from, valid_to;       ///< inclusive

  /// It names a household of class `assistance` ("" for none).
  bool AppliesTo(std::string_view assistance) const {
    return applies_to == "all" || applies_to == assistance;
  }

  static Result<ReliefView> From(const Record& r, std::vector<FieldRead>* trace = nullptr) {
    RecordReader in(r, kResource, trace);
    ReliefView v;
    v.id = r.id;
    v.company_id = in.Ref("company_id");
    v.name = in.Text("name");
    v.reference = in.Text("reference");
    v.applies_to = in.EnumText("applies_to");
    v.percent = in.OptionalCenti("percent");
    v.amount = in.OptionalCenti("amount");
    v.valid_from = in.Day("valid_from");
    v.valid_to = in.Day("valid_to");
    return in.Finish(std::move(v));
  }
};

}  // namespace hearth::ports
