#include "adapters/json/work_order_json.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace hearth::adapters::json {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;
using rules::OrderEventType;

// The keys each type takes besides type, at and note.
const std::map<OrderEventType, std::set<std::string>>& KeysByType() {
  static const std::map<OrderEventType, std::set<std::string>> keys = {
      {OrderEventType::kAccept, {}},
      {OrderEventType::kRespond, {}},
      {OrderEventType::kDispatch, {"technician", "appointment"}},
      {OrderEventType::kArrive, {"contact_record"}},
      {OrderEventType::kRepair,
       {"charges", "signature", "staff", "started_at", "result", "confirmation"}},
      {OrderEventType::kReply, {"result"}},
      {OrderEventType::kReturn, {"approved_by", "seal", "contact_record", "reason"}},
      {OrderEventType::kExtend, {"reason", "contact_record"}},
      {OrderEventType::kVisit,
       {"process_satisfaction", "result_satisfaction", "reasonable", "mode", "by_manager"}},
      {OrderEventType::kClose, {"by_parent", "parent_reply_at", "parent_visit_at"}},
      {OrderEventType::kReopen, {"reason"}},
  };
  return keys;
}

class Reader {
 public:
  explicit Reader(const json& j, std::string prefix = {}) : j_(j), prefix_(std::move(prefix)) {}

  const json* Find(const std::string& key) const {
    auto it = j_.find(key);
    return it == j_.end() || it->is_null() ? nullptr : &*it;
  }
  std::string Path(const std::string& key) const { return prefix_ + key; }
  Error Wrong(const std::string& key, const std::string& what) const {
    return Error::InvalidArgument(Path(key) + " must be " + what, Path(key));
  }

  Status Text(const std::string& key, std::string& out) const {
    const json* v = Find(key);
    if (!v) return OkStatus();
    if (!v->is_string()) return Wrong(key, "a string");
    out = v->get<std::string>();
    return OkStatus();
  }
  Status Bool(const std::string& key, bool& out) const {
    const json* v = Find(key);
    if (!v) return OkStatus();
    if (!v->is_boolean()) return Wrong(key, "true or false");
    out = v->get<bool>();
    return OkStatus();
  }
  Status OptBool(const std::string& key, std::optional<bool>& out) const {
    bool b = false;
    if (!Find(key)) return OkStatus();
    if (auto s = Bool(key, b); !s.ok()) return s;
    out = b;
    return OkStatus();
  }
  Status Time(const std::string& key, std::optional<Instant>& out) const {
    const json* v = Find(key);
    if (!v) return OkStatus();
    if (!v->is_string()) return Wrong(key, "an RFC 3339 time with an offset");
    auto t = ParseRfc3339(v->get<std::string>());
    if (!t.ok()) return Wrong(key, "an RFC 3339 time with an offset, e.g. 2026-01-05T10:00:00+08:00");
    out = *t;
    return OkStatus();
  }
  Status Id(const std::string& key, std::optional<int64_t>& out) const {
    const json* v = Find(key);
    if (!v) return OkStatus();
    if (!v->is_number_integer() || v->get<int64_t>() <= 0) return Wrong(key, "an order id");
    out = v->get<int64_t>();
    return OkStatus();
  }
  template <typename E>
  Status Named(const std::string& key, std::optional<E> (*parse)(std::string_view),
               const char* allowed, std::optional<E>& out) const {
    std::string text;
    if (auto s = Text(key, text); !s.ok()) return s;
    if (!Find(key)) return OkStatus();
    out = parse(text);
    if (!out) return Wrong(key, std::string("one of ") + allowed);
    return OkStatus();
  }
  Status ContactAt(const std::string& key, std::optional<rules::Contact>& out) const {
    const json* v = Find(key);
    if (!v) return OkStatus();
    if (!v->is_object()) return Wrong(key, "an object {who, at, how}");
    Reader r(*v, Path(key) + ".");
    for (const auto& [k, value] : v->items()) {
      if (k != "who" && k != "at" && k != "how") {
        return Error::InvalidArgument("unknown field '" + r.Path(k) + "'", r.Path(k));
      }
    }
    rules::Contact c;
    std::optional<Instant> at;
    if (auto s = r.Text("who", c.who); !s.ok()) return s;
    if (auto s = r.Text("how", c.how); !s.ok()) return s;
    if (auto s = r.Time("at", at); !s.ok()) return s;
    if (!at) return Error::InvalidArgument(r.Path("at") + " is required", r.Path("at"));
    c.at = *at;
    out = std::move(c);
    return OkStatus();
  }
  Status Names(const std::string& key, std::vector<std::string>& out) const {
    const json* v = Find(key);
    if (!v) return OkStatus();
    if (!v->is_array()) return Wrong(key, "a list of names");
    for (const auto& item : *v) {
      if (!item.is_string() || item.get<std::string>().empty()) {
        return Wrong(key, "a list of names");
      }
      out.push_back(item.get<std::string>());
    }
    return OkStatus();
  }
  Status Charges(const std::string& key, std::vector<rules::ChargeItem>& out) const {
    const json* v = Find(key);
    if (!v) return OkStatus();
    if (!v->is_array()) return Wrong(key, "a list of {item, price_fen, materials}");
    for (size_t i = 0; i < v->size(); ++i) {
      const json& item = (*v)[i];
      const std::string at = key + "[" + std::to_string(i) + "]";
      if (!item.is_object()) return Wrong(at, "an object {item, price_fen, materials}");
      Reader r(item, Path(at) + ".");
      for (const auto& [k, value] : item.items()) {
        if (k != "item" && k != "price_fen" && k != "materials") {
          return Error::InvalidArgument("unknown field '" + r.Path(k) + "'", r.Path(k));
        }
      }
      rules::ChargeItem c;
      if (auto s = r.Text("item", c.item); !s.ok()) return s;
      if (auto s = r.Text("materials", c.materials); !s.ok()) return s;
      const json* price = r.Find("price_fen");
      if (!price || !price->is_number_integer()) {
        return r.Wrong("price_fen", "the price in fen, an integer");
      }
      c.price_fen = price->get<int64_t>();
      out.push_back(std::move(c));
    }
    return OkStatus();
  }

 private:
  const json& j_;
  std::string prefix_;
};

ordered_json ContactJson(const rules::Contact& c) {
  return {{"who", c.who}, {"at", FormatLocal(c.at)}, {"how", c.how}};
}

Error Malformed(const std::string& what) {
  return Error::Internal("a stored work-order deadline is malformed: " + what);
}

}  // namespace

Result<rules::OrderEvent> OrderEventFromJson(const json& j, bool from_client) {
  if (!j.is_object()) return Error::InvalidArgument("an event must be a JSON object", "body");
  Reader r(j);
  std::optional<OrderEventType> type;
  if (!r.Find("type")) {
    return Error::InvalidArgument("type is required: one of " + rules::AllEventTypeNames(),
                                  "type");
  }
  if (auto s = r.Named<OrderEventType>("type", rules::ParseEventType,
                                       rules::AllEventTypeNames().c_str(), type);
      !s.ok()) {
    return s.error();
  }
  const auto& allowed = KeysByType().at(*type);
  const std::string type_name{rules::EventTypeName(*type)};
  for (const auto& [key, value] : j.items()) {
    if (key == "type" || key == "at" || key == "note") continue;
    if (!allowed.contains(key)) {
      const std::string name = key;  // a structured binding is not captured (clang 14)
      bool known = std::any_of(KeysByType().begin(), KeysByType().end(),
                               [&name](const auto& kv) { return kv.second.contains(name); });
      return Error::InvalidArgument(known ? key + " is not a field of a " + type_name + " event"
                                          : "unknown field '" + key + "'",
                                    key);
    }
  }
  if (from_client && *type == OrderEventType::kClose) {
    for (const char* key : {"by_parent", "parent_reply_at", "parent_visit_at"}) {
      if (j.contains(key)) {
        return Error::InvalidArgument(std::string(key) + " is set by Hearth when a parent closes",
                                      key);
      }
    }
  }
  rules::OrderEvent e;
  e.type = *type;
  std::optional<Instant> at;
  if (auto s = r.Time("at", at); !s.ok()) return s.error();
  if (!at) return Error::InvalidArgument("at is required: when it happened (RFC 3339)", "at");
  e.at = *at;
  Status s = r.Text("note", e.note);
  if (s.ok()) s = r.Text("technician", e.technician);
  if (s.ok()) s = r.Time("appointment", e.appointment);
  if (s.ok()) s = r.ContactAt("contact_record", e.contact);
  if (s.ok()) s = r.Text("approved_by", e.approved_by);
  if (s.ok()) s = r.Bool("seal", e.seal);
  if (s.ok()) s = r.Text("reason", e.reason);
  if (s.ok()) s = r.Charges("charges", e.charges);
  if (s.ok()) s = r.ContactAt("signature", e.signature);
  if (s.ok()) s = r.Names("staff", e.staff);
  if (s.ok()) s = r.Time("started_at", e.started_at);
  if (s.ok()) s = r.Text("result", e.result);
  if (s.ok()) s = r.ContactAt("confirmation", e.confirmation);
  if (s.ok()) {
    s = r.Named<rules::Satisfaction>("process_satisfaction", rules::ParseSatisfaction,
                                     "satisfied, basically-satisfied, unsatisfied",
                                     e.process_satisfaction);
  }
  if (s.ok()) {
    s = r.Named<rules::Satisfaction>("result_satisfaction", rules::ParseSatisfaction,
                                     "satisfied, basically-satisfied, unsatisfied",
                                     e.result_satisfaction);
  }
  if (s.ok()) s = r.OptBool("reasonable", e.reasonable);
  if (s.ok()) s = r.Named<rules::VisitMode>("mode", rules::ParseVisitMode, "phone, face-to-face", e.mode);
  if (s.ok()) s = r.Bool("by_manager", e.by_manager);
  if (s.ok()) s = r.Id("by_parent", e.by_parent);
  if (s.ok()) s = r.Time("parent_reply_at", e.parent_reply_at);
  if (s.ok()) s = r.Time("parent_visit_at", e.parent_visit_at);
  if (!s.ok()) return s.error();
  return e;
}

ordered_json OrderEventToJson(const rules::OrderEvent& e) {
  ordered_json j = {{"type", rules::EventTypeName(e.type)}, {"at", FormatLocal(e.at)}};
  auto text = [&j](const char* key, const std::string& v) {
    if (!v.empty()) j[key] = v;
  };
  auto time = [&j](const char* key, const std::optional<Instant>& t) {
    if (t) j[key] = FormatLocal(*t);
  };
  text("note", e.note);
  text("technician", e.technician);
  time("appointment", e.appointment);
  if (e.contact) j["contact_record"] = ContactJson(*e.contact);
  text("approved_by", e.approved_by);
  if (e.type == OrderEventType::kReturn) j["seal"] = e.seal;
  text("reason", e.reason);
  if (!e.charges.empty()) {
    ordered_json items = ordered_json::array();
    for (const auto& c : e.charges) {
      items.push_back({{"item", c.item}, {"price_fen", c.price_fen}, {"materials", c.materials}});
    }
    j["charges"] = std::move(items);
  }
  if (e.signature) j["signature"] = ContactJson(*e.signature);
  if (!e.staff.empty()) j["staff"] = e.staff;
  time("started_at", e.started_at);
  text("result", e.result);
  if (e.confirmation) j["confirmation"] = ContactJson(*e.confirmation);
  if (e.process_satisfaction) {
    j["process_satisfaction"] = rules::SatisfactionName(*e.process_satisfaction);
  }
  if (e.result_satisfaction) {
    j["result_satisfaction"] = rules::SatisfactionName(*e.result_satisfaction);
  }
  if (e.reasonable) j["reasonable"] = *e.reasonable;
  if (e.mode) j["mode"] = rules::VisitModeName(*e.mode);
  if (e.type == OrderEventType::kVisit) j["by_manager"] = e.by_manager;
  if (e.by_parent) j["by_parent"] = *e.by_parent;
  time("parent_reply_at", e.parent_reply_at);
  time("parent_visit_at", e.parent_visit_at);
  return j;
}

ordered_json DeadlineToJson(const rules::DeadlineStatus& d, Instant now) {
  ordered_json j = {{"due", FormatLocal(d.due)},
                    {"basis", d.basis.Display()},
                    {"calendar_incomplete", d.calendar_incomplete},
                    {"from", FormatLocal(d.from)},
                    {"status", rules::DeadlineStatusName(d, now)}};
  if (d.met_at) j["met_at"] = FormatLocal(*d.met_at);
  return j;
}

std::string DeadlinesToText(const std::vector<rules::DeadlineStatus>& deadlines) {
  json out = json::array();
  for (const auto& d : deadlines) {
    json j = {{"name", rules::OrderDeadlineName(d.name)},
              {"from", FormatLocal(d.from)},
              {"due", FormatLocal(d.due)},
              {"source", d.basis.source},
              {"platform_default", d.basis.platform_default},
              {"note", d.basis.note},
              {"calendar_incomplete", d.calendar_incomplete},
              {"lapsed", d.lapsed}};
    if (d.met_at) j["met_at"] = FormatLocal(*d.met_at);
    out.push_back(std::move(j));
  }
  return out.dump();
}

Result<std::vector<rules::DeadlineStatus>> DeadlinesFromText(const std::string& text) {
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!j.is_array()) return Malformed("not a list");
  std::vector<rules::DeadlineStatus> out;
  for (const json& item : j) {
    if (!item.is_object()) return Malformed("not an object");
    rules::DeadlineStatus d;
    try {
      const std::string name = item.at("name").get<std::string>();
      auto parsed = rules::ParseOrderDeadline(name);
      if (!parsed) return Malformed("name " + name);
      d.name = *parsed;
      auto from = ParseRfc3339(item.at("from").get<std::string>());
      auto due = ParseRfc3339(item.at("due").get<std::string>());
      if (!from.ok() || !due.ok()) return Malformed("time");
      d.from = *from;
      d.due = *due;
      d.basis = {item.at("source").get<std::string>(), item.at("platform_default").get<bool>(),
                 item.at("note").get<std::string>()};
      d.calendar_incomplete = item.at("calendar_incomplete").get<bool>();
      d.lapsed = item.at("lapsed").get<bool>();
      if (auto met = item.find("met_at"); met != item.end()) {
        auto t = ParseRfc3339(met->get<std::string>());
        if (!t.ok()) return Malformed("met_at");
        d.met_at = *t;
      }
    } catch (const json::exception& e) {
      return Malformed(e.what());
    }
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace hearth::adapters::json
