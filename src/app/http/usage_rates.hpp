// GET /api/v1/usage-rates?by=partition|community[&company_id=]: heat-usage rates (R-TEMP-2),
// derived from the households' heating status and area, never typed in. Readable by whoever may
// read households, except households themselves (a rate over their own home alone would mislead);
// company roles see their own company's.
#pragma once

#include "adapters/http/router.hpp"
#include "app/http/records.hpp"
#include "ports/record_store.hpp"

namespace hearth::app::http {

void AddUsageRateRoutes(adapters::http::Router& router, ports::RecordStore& store,
                        Authorizer authorize);

}  // namespace hearth::app::http
