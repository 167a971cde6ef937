// The outage register (停热登记簿, issue 15, R-OUT-1/R-OUT-2) as a workbook: one sheet 停热登记,
// one row per stop in the order given (newest first), with Chinese headers: 编号, 企业, 类型
// (计划/抢修), 企业原因, 原因, 开始, 预计恢复, 实际恢复, 时长(小时) (to the actual end, or to
// `now` while it goes on), 影响户数, 影响面积(m²), 路段, 应通知时间 (the first advance or
// emergency duty), 通知情况 (按时/逾期/待通知/超时未通知; 无需通知), 超期恢复 (an overrun duty).
// Errors: the writer's. Thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "services/outage_service.hpp"

namespace hearth::app::http {

/// `companies`: id → name shown; `period`: what the register covers, for the note.
Result<std::string> OutageRegisterXlsx(const std::vector<services::OutageRead>& stops,
                                       const std::map<int64_t, std::string>& companies,
                                       const std::string& period, Instant now);

}  // namespace hearth::app::http
