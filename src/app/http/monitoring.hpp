// Judging days over HTTP (issue 5):
//   POST  /api/v1/weather/daily            outdoor daily means (R-TEMP-1), JSON
//                                          [{"district_id","date","mean"}] or text/csv
//                                          district_id,date,mean; admin, regulator: 200
//                                          {"stored":N}; manager: 202 {"submitted":N,"ids":[…]},
//                                          kept until the regulator confirms (issue 11)
//   GET   /api/v1/weather/daily?district_id=&from=&to=   the stored means (not households)
//   GET   /api/v1/weather/submissions?status=&district_id=   companies' submitted means
//   POST  /api/v1/weather/submissions/{id}/confirm|reject   admin, regulator
//   POST  /api/v1/measurements             a manual measurement (R-TEMP-4; body:
//                                          adapters/json/measurement_json.hpp); admin, manager,
//                                          agent, technician, for households in their scope;
//                                          201 with the record, or 400 invalid_argument with
//                                          "violations":[{"rule","check","message"}] (nothing
//                                          stored)
//   GET   /api/v1/measurements?household_id=&company=&district_id=&from=&to=   measurements
//                                          by id (a household user: its own)
//   PATCH /api/v1/measurements/{id}        {"signature":"signed"|"refused"}: the household, of
//                                          its own pending measurement; {"overridden":bool}:
//                                          staff (services/measurement_service.hpp)
//   GET   /api/v1/households/{id}/days?from=&to=  each day judged (services/judging_service.hpp)
//   GET   /api/v1/alerts?silent_hours=&company_id=  (services/alert_service.hpp; first the
//         companies' energy alerts, services/energy_service.hpp, R-ENERGY-1); company roles
//                                          their company, admin and regulator all
// A household outside the caller's scope answers 404, as with records.
#pragma once

#include "adapters/http/router.hpp"
#include "app/http/auth.hpp"  // RequirePrincipal, AuthErrorResponse
#include "app/http/records.hpp"
#include "services/alert_service.hpp"
#include "services/auth_service.hpp"
#include "services/energy_service.hpp"
#include "services/judging_service.hpp"
#include "services/measurement_service.hpp"
#include "services/weather_service.hpp"

namespace hearth::app::http {

/// Every argument must outlive the router.
void AddWeatherRoutes(adapters::http::Router& router, ports::MonitoringStore& store,
                      const services::WeatherService& weather, services::AuthService& auth);
void AddMeasurementRoutes(adapters::http::Router& router,
                          services::MeasurementService& measurements, ports::RecordStore& records,
                          services::AuthService& auth);
void AddDayRoutes(adapters::http::Router& router, const services::JudgingService& judging,
                  ports::RecordStore& records, Authorizer authorize, const ports::Clock& clock);
void AddAlertRoutes(adapters::http::Router& router, const services::AlertService& alerts,
                    const services::EnergyService& energy, ports::RecordStore& records,
                    services::AuthService& auth);

}  // namespace hearth::app::http
