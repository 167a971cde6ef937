#include "adapters/mqtt/reading_payload.hpp"

#include <nlohmann/json.hpp>
#include <string>

namespace hearth::adapters::mqtt {
namespace {

using json = nlohmann::json;

// A SAX handler rather than a DOM: the number callbacks see the number's own text, so the value
// keeps its exact decimal digits instead of going through a double.
class ReadingSax {
 public:
  explicit ReadingSax(std::string sensor) : sensor_(std::move(sensor)) {}

  bool null() { return Value("null"); }
  bool boolean(bool) { return Value("a boolean"); }
  bool number_integer(json::number_integer_t v) { return Number(std::to_string(v)); }
  bool number_unsigned(json::number_unsigned_t v) { return Number(std::to_string(v)); }
  bool number_float(json::number_float_t, const std::string& text) { return Number(text); }
  bool string(std::string& s) {
    if (state_ != State::kValue || key_ != Key::kTs) return Value("a string");
    current_.ts = std::move(s);
    return Done(Key::kTs);
  }
  bool binary(json::binary_t&) { return Value("binary"); }

  bool start_object(std::size_t) {
    if (state_ == State::kTop || state_ == State::kArray) {
      state_ = State::kObject;
      current_ = ports::IncomingReading{sensor_, {}, {}};
      seen_ts_ = seen_value_ = false;
      return true;
    }
    return Value("an object");
  }
  bool key(std::string& k) {
    if (k == "ts") {
      key_ = Key::kTs;
    } else if (k == "value") {
      key_ = Key::kValue;
    } else {
      std::string shown = k.size() > 40 ? k.substr(0, 40) + "…" : k;
      return Fail(Where() + "unknown field \"" + shown + "\"; expected ts and value", shown);
    }
    if ((key_ == Key::kTs && seen_ts_) || (key_ == Key::kValue && seen_value_)) {
      return Fail(Where() + "duplicate field \"" + k + "\"", k);
    }
    state_ = State::kValue;
    return true;
  }
  bool end_object() {
    if (!seen_ts_) return Fail(Where() + "missing field \"ts\"", "ts");
    if (!seen_value_) return Fail(Where() + "missing field \"value\"", "value");
    out_.push_back(std::move(current_));
    state_ = in_array_ ? State::kArray : State::kEnd;
    return true;
  }
  bool start_array(std::size_t) {
    if (state_ != State::kTop) return Value("an array");
    state_ = State::kArray;
    in_array_ = true;
    return true;
  }
  bool end_array() {
    if (out_.empty()) return Fail("payload: empty array; expected at least one reading", "payload");
    state_ = State::kEnd;
    return true;
  }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception&) {
    if (error_.empty()) {
      error_ = "payload: malformed JSON at byte " + std::to_string(position > 0 ? position - 1 : 0);
      field_ = "payload";
    }
    return false;
  }

  std::vector<ports::IncomingReading>& readings() { return out_; }
  const std::string& error() const { return error_; }
  const std::string& field() const { return field_; }

 private:
  enum class State { kTop, kArray, kObject, kValue, kEnd };
  enum class Key { kTs, kValue };

  std::string Where() const {
    return in_array_ ? "payload[" + std::to_string(out_.size()) + "]: " : "payload: ";
  }
  bool Fail(std::string message, std::string field) {
    error_ = std::move(message);
    field_ = std::move(field);
    return false;
  }
  // A JSON value where only a field's value may be: names what was expected there.
  bool Value(const char* what) {
    if (state_ == State::kValue) {
      return key_ == Key::kTs ? Fail(Where() + "ts must be a string (RFC 3339), not " + what, "ts")
                              : Fail(Where() + "value must be a number, not " + what, "value");
    }
    if (state_ == State::kArray) {
      return Fail(Where() + "expected an object {\"ts\":…,\"value\":…}, not " + what, "payload");
    }
    return Fail(std::string("payload: expected an object {\"ts\":…,\"value\":…} or an array of "
                            "them, not ") +
                    what,
                "payload");
  }
  bool Number(std::string text) {
    if (state_ != State::kValue) return Value("a number");
    if (key_ != Key::kValue)
      return Fail(Where() + "ts must be a string (RFC 3339), not a number", "ts");
    current_.value = std::move(text);
    return Done(Key::kValue);
  }
  bool Done(Key k) {
    (k == Key::kTs ? seen_ts_ : seen_value_) = true;
    state_ = State::kObject;
    return true;
  }

  std::string sensor_;
  State state_ = State::kTop;
  Key key_ = Key::kTs;
  bool in_array_ = false;
  bool seen_ts_ = false;
  bool seen_value_ = false;
  ports::IncomingReading current_;
  std::vector<ports::IncomingReading> out_;
  std::string error_, field_;
};

}  // namespace

Result<std::vector<ports::IncomingReading>> DecodeMqttReading(std::string_view topic,
                                                              std::string_view payload) {
  if (!topic.starts_with(kReadingsTopicPrefix)) {
    return Error::InvalidArgument("topic: expected hearth/v1/readings/<sensor-id>", "topic");
  }
  std::string_view sensor = topic.substr(kReadingsTopicPrefix.size());
  if (sensor.empty() || sensor.find_first_of("/+#") != std::string_view::npos) {
    return Error::InvalidArgument(
        "topic: expected hearth/v1/readings/<sensor-id>, the sensor id one non-empty level",
        "topic");
  }
  ReadingSax sax{std::string(sensor)};
  bool ok = json::sax_parse(payload, &sax, json::input_format_t::json, /*strict=*/true);
  if (!ok || !sax.error().empty()) {
    return Error::InvalidArgument(sax.error().empty() ? "payload: malformed JSON" : sax.error(),
                                  sax.field());
  }
  return std::move(sax.readings());
}

}  // namespace hearth::adapters::mqtt
