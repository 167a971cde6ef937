// Published monthly indicators over HTTP (issue 15, W 14.4.6; what a publication holds and who
// may do what: services/indicator_publication_service.hpp):
//   POST /api/v1/indicators/publications   {"month":"YYYY-MM"[,"company":id]}: computes the
//        month's R-KPI-S, Q, C, P and B and stores them for good (201); 409 when the month is
//        published already ("conflict") or not over ("failed_precondition")
//   GET  /api/v1/indicators/publications?company=&month=&cursor=&limit=   newest month first
//   GET  /api/v1/indicators/publications/{id}
//   GET  /api/v1/indicators/publications/{id}/records?rule=&cursor=&limit=   the records behind
//        its indicators, each with its part of the numerator and denominator
//   GET  /api/v1/public/indicators?company=&month=&cursor=&limit=   no sign-in: every company's
//        publications, without their records or who published them
#pragma once

#include "adapters/http/router.hpp"
#include "ports/record_store.hpp"
#include "services/auth_service.hpp"
#include "services/indicator_publication_service.hpp"

namespace hearth::app::http {

void AddIndicatorRoutes(adapters::http::Router& router,
                        const services::IndicatorPublicationService& service,
                        ports::RecordStore& records, services::AuthService& auth);

}  // namespace hearth::app::http
