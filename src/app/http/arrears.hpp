// Arrears over HTTP (issue 16, R-BILL-1, W 9.2.2):
//   GET  /api/v1/arrears?company=&household=&season=&cursor=&limit=   fees past their due day and
//                                              still owed, newest fee first
//   GET  /api/v1/arrears/{fee_id}              any fee in scope, owed or not
//   POST /api/v1/arrears/{fee_id}/reminders    {"channel":"sms"|"wechat"} (the platform sends it)
//                                              | {"channel":"notice"|"letter","proof","sent_at"}
//                                              (recorded by hand); "content" optional; 201 with
//                                              the fee as it now stands
//   POST /api/v1/arrears/{fee_id}/stop         {"effective":"YYYY-MM-DD","note"}; 201 with the
//                                              approved stop (heating_changes.hpp)
//
// A fee answers its amounts (yuan, two decimals), days overdue, the household's heating status,
// the proven reminders against the contract's steps (`reminders_needed`, `notice_days`),
// `may_stop_from`, the stop already decided (`stop_heating_change_id`), `actions` (what the caller
// may do now: "remind", "stop") and its reminders, newest first, each with its `delivery`:
// "recorded" (by hand, with its proof), "pending", "delivered" or "failed" (the platform's, with
// attempts and the last error), and whether it is `proven`. Statuses: 400 naming the field, 403
// for a role that may not act, 404 outside the caller's scope, 409 when the fee is not overdue
// and owed, the steps are not done ("reminders", "effective"), the household is stopped, or a
// stop is decided already.
#pragma once

#include "adapters/http/router.hpp"
#include "ports/record_store.hpp"
#include "services/arrears_service.hpp"
#include "services/auth_service.hpp"

namespace hearth::app::http {

void AddArrearsRoutes(adapters::http::Router& router, const services::ArrearsService& service,
                      ports::RecordStore& records, services::AuthService& auth);

}  // namespace hearth::app::http
