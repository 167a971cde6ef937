// Season bills and billing runs (出账, R-BILL-1; W 9.2, W 9.3) as the API answers them
// (src/app/http/bills.cpp); the run's body is the generated schema's (api/types.ts).
// Money is yuan as a string with two decimals ("2640.00"), negative for a credit ("-120.50").
// POST /api/v1/bills/{id}/payback's body is bills/logic's PaybackBody; it answers the Bill.

/** How a household's season fee is reckoned: by its heated area, or by its heat meter. */
export type BillBasis = 'area' | 'meter';

/** A bill's line: the area fee, the base (fixed) part and the heat (metered) part of a two-part
 * tariff, a relief (government, R-BILL-1) and an offset of last season's refund (R-REFUND-6). */
export type BillLineCode = 'area' | 'base' | 'heat' | 'relief' | 'offset';

export interface BillLine {
  code: BillLineCode | string;
  /** zh-CN, as printed on the bill: "采暖费：98.50 m² × 26.80 元/m²". */
  text: string;
  /** Yuan; a relief or an offset is negative. */
  amount: string;
}

/** GET /api/v1/bills's items and GET /api/v1/bills/{id}. Its id is the fee record's it issued. */
export interface Bill {
  id: number;
  company_id: number;
  household_id: number;
  household_code: string;
  /** The year the season starts: 2026 for 2026–2027. */
  season: number;
  /** YYYY-MM-DD: the payment's due date. */
  due_on: string;
  basis: BillBasis | string;
  /** Why a household billed by meter was billed by area (its meter had no reading or a fault,
   * R-METER-1), in Chinese; "" otherwise. */
  basis_reason: string;
  /** The heated area, m², two decimals. */
  area: string;
  lines: BillLine[];
  /** The lines' sum: what the household owes for the season. */
  total: string;
  /** The part of an offset refund larger than the bill, not set against it. */
  unapplied_offset: string;
  paid: string;
  /** What was paid back to the household so far (退还多缴, R-ACCT-1): "0.00" when nothing. */
  paid_back: string;
  /** The total less the payments net of what was paid back; never below "0.00". */
  outstanding: string;
  /** What the bill holds paid beyond its total and not yet paid back (多缴待退): a bill settled
   * again, after an approved 增减停复 (R-ACCT-1), below what the household had paid; "0.00" when
   * none. POST /api/v1/bills/{id}/payback pays all of it back. */
  overpaid: string;
  run_id: number;
  issued_at: string;
  issued_by: string;
}

/** POST /api/v1/billing-runs's body (the generated schema): admin (any company) and manager
 * (its own). due_on, when left out, is the season's official first day. */
export type { BillingRunNew } from '../../api/types';

/** POST /api/v1/billing-runs's answer and GET /api/v1/billing-runs's items (newest first). */
export interface BillingRun {
  id: number;
  company_id: number;
  season: number;
  due_on: string;
  /** False while the run is writing, or when it stopped halfway (run it again to resume). */
  finished: boolean;
  /** Bills issued by this run. */
  issued: number;
  /** Households with a fee for the season already: skipped. */
  already_billed: number;
  /** Stopped households: not billed. */
  not_heated: number;
  /** Households billed by meter but billed by area: their meter had no reading or a fault. */
  meter_by_area: number;
  /** Refunds of the previous season the households chose to offset, set against these bills. */
  offsets: string;
  /** The sum of the bills issued. */
  total: string;
  run_by: string;
  run_at: string;
}
