// The regulator's comparison of companies over HTTP (issue 15, R-REG-1; what each figure counts:
// services/regulator_service.hpp):
//   GET /api/v1/regulator/companies?month=YYYY-MM|from=YYYY-MM-DD&to=YYYY-MM-DD[&pool_fen=]
//       [&policy=][&format=json|xlsx]
//       every company side by side over a month or a run of days (a season at most): the five indicators, complaints per 10,000 households (in
//       total and by channel), on-time replies, satisfaction, outages, refunds owed and paid, and
//       the subsidy score with its working line by line and each company's share of `pool_fen`
//       (fen, 0..10^13; absent: scores only). format=xlsx answers the workbook (two sheets:
//       企业对比 and 补贴测算, Chinese headers) as regulator-companies-<period>.xlsx.
//       Access: admin and regulator; everyone else 403. The period is required (400 naming
//       month, from or to: app/http/reports.hpp ReportPeriodParam).
//   GET /api/v1/regulator/licence-flags?company=
//       the buildings outside their company's licensed districts (Z 3.4), each with its
//       households (connections), the stops that cut them off, the orders from them and the
//       connection applications (报装) taken in for them; admin and regulator every company's, a
//       company's staff their own, households 403.
//   GET /api/v1/regulator/season-flags?season=&company=
//       the season's public duties (R-SEASON-1, services/season_duty_service.hpp) per company and
//       licensed district: the season's dates and the decision behind an early start or an
//       extension, and each announcement (commissioning, start of heating) on time, late,
//       missing or due, with the announcement record; `flagged` counts the late and missing.
//       Access as for the licence flags.
#pragma once

#include "adapters/http/router.hpp"
#include "ports/record_store.hpp"
#include "services/auth_service.hpp"
#include "services/regulator_service.hpp"
#include "services/season_duty_service.hpp"

namespace hearth::app::http {

/// The arguments must outlive `router`.
void AddRegulatorRoutes(adapters::http::Router& router, const services::RegulatorService& service,
                        const services::SeasonDutyService& seasons, ports::RecordStore& records,
                        services::AuthService& auth);

}  // namespace hearth::app::http
