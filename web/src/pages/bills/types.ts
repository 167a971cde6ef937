// Season bills and billing runs (出账, R-BILL-1; W 9.2, W 9.3) as the API answers them
// (src/app/http/bills.cpp): the generated schemas (src/app/http/openapi_accounts.cpp).
// Money is yuan as a string with two decimals ("2640.00"), negative for a credit ("-120.50").
// POST /api/v1/bills/{id}/payback's body is bills/logic's PaybackBody; it answers the Bill.

import type { Schemas } from '../../api/types';

/** How a household's season fee is reckoned: by its heated area, or by its heat meter. */
export type BillBasis = Bill['basis'];

/** A bill's line: the area fee, the base (fixed) part and the heat (metered) part of a two-part
 * tariff, an approved 增减停复 (R-ACCT-1), a relief (government, R-BILL-1) and an offset of last
 * season's refund (R-REFUND-6). */
export type BillLineCode = BillLine['code'];

export type BillLine = Schemas['BillLine'];

/** GET /api/v1/bills's items and GET /api/v1/bills/{id}. Its id is the fee record's it issued. */
export type Bill = Schemas['Bill'];

/** POST /api/v1/billing-runs's body (the generated schema): admin (any company) and manager
 * (its own). due_on, when left out, is the season's official first day. */
export type { BillingRunNew } from '../../api/types';

/** POST /api/v1/billing-runs's answer and GET /api/v1/billing-runs's items (newest first). */
export type BillingRun = Schemas['BillingRun'];
