// RecordReader: reads the fields of one generic ports::Record for a typed view
// (ports/record_views.hpp), failing with an internal error that names `resource.field` when a
// required field is missing or a field holds a value of the wrong type, and tracing each read
// (FieldRead) for the test that checks every view against its resource's descriptor.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "core/civil_time.hpp"
#include "core/result.hpp"
#include "model/resources.hpp"
#include "ports/record_store.hpp"

namespace hearth::ports {

/// One field a view reads, as it reads it (for the descriptor test).
struct FieldRead {
  std::string field;
  model::FieldType type = model::FieldType::kText;  ///< the type the view expects
  bool required = false;                            ///< a missing value is an error
  /// kEnum fields read as a rules enum: whether the enum accepts a value. Empty otherwise.
  std::function<bool(std::string_view)> accepts;
};

/// Reads the fields of one record of `resource` for a view. The first field that is missing
/// (when required) or of the wrong type is the error Finish() returns; reads after it return
/// defaults, which Finish() then discards. Every read is appended to `trace` when it is given.
class RecordReader {
 public:
  RecordReader(const Record& record, const char* resource, std::vector<FieldRead>* trace)
      : record_(record), resource_(resource), trace_(trace) {}

  /// kInt
  int64_t Int(const char* field) { return IntAt(field, model::FieldType::kInt, true).value_or(0); }
  std::optional<int64_t> OptionalInt(const char* field) {
    return IntAt(field, model::FieldType::kInt, false);
  }
  /// kRef: the id of the referenced record.
  int64_t Ref(const char* field) { return IntAt(field, model::FieldType::kRef, true).value_or(0); }
  std::optional<int64_t> OptionalRef(const char* field) {
    return IntAt(field, model::FieldType::kRef, false);
  }
  /// kCenti: the stored value × 100.
  int64_t Centi(const char* field) {
    return IntAt(field, model::FieldType::kCenti, true).value_or(0);
  }
  std::optional<int64_t> OptionalCenti(const char* field) {
    return IntAt(field, model::FieldType::kCenti, false);
  }
  /// kTenths: the stored value × 10.
  int64_t Tenths(const char* field) {
    return IntAt(field, model::FieldType::kTenths, true).value_or(0);
  }
  std::optional<int64_t> OptionalTenths(const char* field) {
    return IntAt(field, model::FieldType::kTenths, false);
  }
  /// kText
  std::string Text(const char* field) {
    return TextAt(field, model::FieldType::kText, true).value_or(std::string());
  }
  std::optional<std::string> OptionalText(const char* field) {
    return TextAt(field, model::FieldType::kText, false);
  }
  /// kDate, parsed.
  Date Day(const char* field) { return DayAt(field, true).value_or(Date{}); }
  std::optional<Date> OptionalDay(const char* field) { return DayAt(field, false); }
  /// kEnum kept as its text (no rules enum exists for it).
  std::string EnumText(const char* field) {
    return TextAt(field, model::FieldType::kEnum, true).value_or(std::string());
  }
  std::optional<std::string> OptionalEnumText(const char* field) {
    return TextAt(field, model::FieldType::kEnum, false);
  }
  /// kEnum parsed into a rules enum by `parse` (e.g. rules::ParseOrientation).
  template <typename E>
  E Enum(const char* field, std::optional<E> (*parse)(std::string_view)) {
    return EnumAt(field, parse, true).value_or(E{});
  }
  template <typename E>
  std::optional<E> OptionalEnum(const char* field, std::optional<E> (*parse)(std::string_view)) {
    return EnumAt(field, parse, false);
  }

  /// `view` when every read succeeded, else the first failure.
  template <typename V>
  Result<V> Finish(V view) const {
    if (error_) return *error_;
    return view;
  }

 private:
  // The field's stored value; nullptr when it is absent or null (a failure when required).
  const FieldValue* Find(const char* field, model::FieldType type, bool required,
                         std::function<bool(std::string_view)> accepts = {}) {
    if (trace_) trace_->push_back({field, type, required, std::move(accepts)});
    auto it = record_.fields.find(field);
    if (it == record_.fields.end() || std::holds_alternative<std::nullptr_t>(it->second)) {
      if (required) Fail(field, "is missing");
      return nullptr;
    }
    return &it->second;
  }

  std::optional<int64_t> IntAt(const char* field, model::FieldType type, bool required) {
    const FieldValue* v = Find(field, type, required);
    if (v == nullptr) return std::nullopt;
    if (const auto* i = std::get_if<int64_t>(v)) return *i;
    Fail(field, "is not an integer");
    return std::nullopt;
  }

  std::optional<std::string> TextAt(const char* field, model::FieldType type, bool required,
                                    std::function<bool(std::string_view)> accepts = {}) {
    const FieldValue* v = Find(field, type, required, std::move(accepts));
    if (v == nullptr) return std::nullopt;
    if (const auto* t = std::get_if<std::string>(v)) return *t;
    Fail(field, "is not text");
    return std::nullopt;
  }

  std::optional<Date> DayAt(const char* field, bool required) {
    auto text = TextAt(field, model::FieldType::kDate, required);
    if (!text) return std::nullopt;
    auto day = ParseDate(*text);
    if (!day.ok()) {
      Fail(field, "is not a date: '" + *text + "'");
      return std::nullopt;
    }
    return *day;
  }

  template <typename E>
  std::optional<E> EnumAt(const char* field, std::optional<E> (*parse)(std::string_view),
                          bool required) {
    auto text = TextAt(field, model::FieldType::kEnum, required,
                       [parse](std::string_view t) { return parse(t).has_value(); });
    if (!text) return std::nullopt;
    std::optional<E> value = parse(*text);
    if (!value) Fail(field, "is not one of its values: '" + *text + "'");
    return value;
  }

  void Fail(const char* field, const std::string& what) {
    if (error_) return;
    error_ = Error::Internal("stored record " + std::string(resource_) + "/" +
                             std::to_string(record_.id) + " breaks its descriptor: " + resource_ +
                             "." + field + " " + what);
  }

  const Record& record_;
  const char* resource_;
  std::vector<FieldRead>* trace_;
  std::optional<Error> error_;
};

}  // namespace hearth::ports
