#include "adapters/json/ledger_json.hpp"

#include <cmath>

#include "adapters/json/monitoring_json.hpp"

namespace hearth::adapters::json {
namespace {

using nlohmann::json;

json TenthsOrNull(const std::optional<rules::Tenths>& t) {
  return t ? json(static_cast<double>(*t) / 10.0) : json(nullptr);
}

Error Malformed(const std::string& key) {
  return Error::Internal("a stored refund ledger day is malformed: " + key);
}

Result<std::optional<rules::Tenths>> TenthsAt(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !(it->is_null() || it->is_number())) return Malformed(key);
  if (it->is_null()) return std::optional<rules::Tenths>();
  return std::optional<rules::Tenths>(
      static_cast<rules::Tenths>(std::llround(it->get<double>() * 10.0)));
}

Result<ports::LedgerEvidence> EvidenceFromJson(const json& j) {
  if (!j.is_object()) return Malformed("evidence");
  ports::LedgerEvidence e;
  auto source = j.find("source");
  if (source == j.end() || !source->is_string()) return Malformed("evidence.source");
  auto parsed = rules::ParseEvidenceSource(source->get<std::string>());
  if (!parsed) return Malformed("evidence.source");
  e.source = *parsed;
  if (auto room = j.find("room"); room != j.end() && room->is_string()) e.room = *room;
  if (auto on = j.find("measured_on"); on != j.end()) {
    auto date = on->is_string() ? ParseDate(on->get<std::string>()) : Result<Date>(Error{});
    if (!date.ok()) return Malformed("evidence.measured_on");
    e.measured_on = *date;
  }
  if (auto id = j.find("measurement_id"); id != j.end()) {
    if (!id->is_number_integer()) return Malformed("evidence.measurement_id");
    e.measurement_id = id->get<int64_t>();
  }
  if (auto rooms = j.find("rooms"); rooms != j.end()) {
    if (!rooms->is_array()) return Malformed("evidence.rooms");
    for (const auto& item : *rooms) {
      auto r = RoomSummaryFromJson(item);
      if (!r.ok()) return r.error();
      e.rooms.push_back(std::move(*r));
    }
  }
  return e;
}

Result<ports::LedgerDay> DayFromJson(const json& j) {
  if (!j.is_object()) return Malformed("day");
  ports::LedgerDay d;
  auto date = j.find("date");
  if (date == j.end() || !date->is_string()) return Malformed("date");
  auto parsed_date = ParseDate(date->get<std::string>());
  if (!parsed_date.ok()) return Malformed("date");
  d.date = *parsed_date;
  auto share = j.find("share_percent");
  if (share == j.end() || !share->is_number_integer()) return Malformed("share_percent");
  d.share_percent = share->get<int>();
  auto cause = j.find("cause");
  auto parsed_cause = cause != j.end() && cause->is_string()
                          ? rules::ParseRefundCause(cause->get<std::string>())
                          : std::nullopt;
  if (!parsed_cause) return Malformed("cause");
  d.cause = *parsed_cause;
  auto reason = j.find("reason");
  if (reason == j.end() || !reason->is_string()) return Malformed("reason");
  d.reason = reason->get<std::string>();
  auto value = TenthsAt(j, "value");
  auto guarantee = TenthsAt(j, "guarantee");
  auto outdoor = TenthsAt(j, "outdoor_mean");
  if (!value.ok()) return value.error();
  if (!guarantee.ok()) return guarantee.error();
  if (!outdoor.ok()) return outdoor.error();
  d.value = *value;
  d.guarantee = *guarantee;
  d.outdoor_mean = *outdoor;
  auto evidence = j.find("evidence");
  if (evidence == j.end()) return Malformed("evidence");
  auto e = EvidenceFromJson(*evidence);
  if (!e.ok()) return e.error();
  d.evidence = std::move(*e);
  return d;
}

}  // namespace

nlohmann::json LedgerDaysJson(std::span<const ports::LedgerDay> days) {
  json out = json::array();
  for (const ports::LedgerDay& d : days) {
    json evidence{{"source", rules::EvidenceSourceName(d.evidence.source)},
                  {"room", d.evidence.room}};
    if (d.evidence.measured_on) evidence["measured_on"] = FormatDate(*d.evidence.measured_on);
    if (d.evidence.measurement_id) evidence["measurement_id"] = *d.evidence.measurement_id;
    if (d.evidence.source == rules::EvidenceSource::kRemote) {
      evidence["rooms"] = RoomSummariesJson<json>(d.evidence.rooms);
    }
    out.push_back({{"date", FormatDate(d.date)},
                   {"share_percent", d.share_percent},
                   {"cause", rules::RefundCauseName(d.cause)},
                   {"reason", d.reason},
                   {"value", TenthsOrNull(d.value)},
                   {"guarantee", TenthsOrNull(d.guarantee)},
                   {"outdoor_mean", TenthsOrNull(d.outdoor_mean)},
                   {"evidence", std::move(evidence)}});
  }
  return out;
}

std::string LedgerDaysToText(std::span<const ports::LedgerDay> days) {
  return LedgerDaysJson(days).dump();
}

Result<std::vector<ports::LedgerDay>> LedgerDaysFromText(std::string_view text) {
  auto j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_array()) return Malformed("not a JSON array");
  std::vector<ports::LedgerDay> days;
  days.reserve(j.size());
  for (const auto& item : j) {
    auto d = DayFromJson(item);
    if (!d.ok()) return d.error();
    days.push_back(std::move(*d));
  }
  return days;
}

}  // namespace hearth::adapters::json
