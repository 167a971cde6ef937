#include "adapters/json/deadline_json.hpp"

namespace hearth::adapters::json {

nlohmann::ordered_json DeadlineToJson(const rules::DeadlineRequest& request,
                              const rules::DeadlineAnswer& answer) {
  nlohmann::ordered_json j;
  j["rule"] = rules::DeadlineRuleName(request.rule);
  if (request.channel) {
    j["channel"] = rules::ChannelName(*request.channel);
  } else {
    j["channel"] = nullptr;
  }
  j["from"] = FormatLocal(request.from);
  j["deadline"] = FormatLocal(answer.deadline);
  j["calendar_incomplete"] = answer.calendar_incomplete;
  j["basis"] = answer.basis.Display();
  return j;
}

}  // namespace hearth::adapters::json
