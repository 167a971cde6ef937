// Increase, decrease, stop and resume heating over HTTP (增减停复, issue 16, R-ACCT-1, W 9.1.8):
//   POST /api/v1/heating-changes               take one in: {"household","kind","effective",
//                                              "area","received_at","applicant","documents":[…],
//                                              "note"}; 201. The hall gives received_at and the
//                                              applicant; a household applies for its own stop or
//                                              resumption without them.
//   GET  /api/v1/heating-changes?company=&household=&state=&kind=&cursor=&limit=   newest first
//   GET  /api/v1/heating-changes/{id}
//   POST /api/v1/heating-changes/{id}/events   {"type":"supply-documents","documents":[…]}
//                                              | {"type":"approve","note"}
//                                              | {"type":"refuse","reason","note"}; 200
//
// An answer carries the household's status and area when received and the area asked for
// (m², two decimals), the documents on file and `missing`, the state and decision, the
// `settlement` once approved by area (yuan, negative for a credit, with its days, the season's
// days and the price), and `actions`, what the caller may do next. Statuses: 400 naming the field,
// 403 for a role that may not take the step, 404 outside the caller's scope, 409 for a state
// that does not allow it, documents missing at approval, no tariff by area, or a household
// changed since the application. A stop the company decided for arrears (arrears.hpp) names its
// fee in `arrears_fee_id` and has no documents. The answer to an approval by area carries the
// household's `bill` of the season settled again with it (bills.hpp), when one was issued.
#pragma once

#include <nlohmann/json.hpp>

#include "adapters/http/router.hpp"
#include "ports/record_store.hpp"
#include "services/auth_service.hpp"
#include "services/heating_change_service.hpp"

namespace hearth::app::http {

/// One application as the routes answer it (also the stop for arrears, arrears.hpp).
nlohmann::ordered_json HeatingChangeJson(const services::HeatingChangeRead& read);

void AddHeatingChangeRoutes(adapters::http::Router& router,
                            const services::HeatingChangeService& service,
                            ports::RecordStore& records, services::AuthService& auth);

}  // namespace hearth::app::http
