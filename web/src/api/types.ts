// The API's bodies as the console reads them. Records and request bodies come from the types
// generated from /api/openapi.json (schema.d.ts, `npm run gen:api`); the routes whose answer
// the OpenAPI document leaves loose (response_schema "" in the C++ route docs) get narrow
// interfaces here, each naming the handler that writes it.
import type { components } from './schema';

export type Schemas = components['schemas'];

/** A record as the API answers it: the schema's `id` is optional (it is read-only, absent from
 * request bodies) but every stored record has one. */
export type Stored<T> = T & { readonly id: number };

export type Household = Stored<Schemas['household']>;
export type Room = Stored<Schemas['room']>;
export type Sensor = Stored<Schemas['sensor']>;
export type Building = Stored<Schemas['building']>;
export type Substation = Stored<Schemas['substation']>;
export type HeatSource = Stored<Schemas['heat source']>;
export type NetworkSection = Stored<Schemas['network section']>;
export type Partition = Stored<Schemas['partition']>;
export type Fee = Stored<Schemas['fee']>;
export type Payment = Stored<Schemas['payment']>;
/** A meter-billed household's heat used in a season, and the meter's fault if any (R-METER-1). */
export type MeterReading = Stored<Schemas['meter reading']>;
export type MeterFault = Schemas['meter reading']['fault'];
export type Company = Stored<Schemas['company']>;
export type District = Stored<Schemas['district']>;
/** A temporary relief the government published (减免政策, R-BILL-1, W 9.3): a percentage or an
 * amount over a period, for every household or those of an assistance class. */
export type Relief = Stored<Schemas['relief']>;
/** Whom a relief names: every household, or those of a class (a household's `assistance`). */
export type ReliefAppliesTo = Schemas['relief']['applies_to'];
/** An approved price (收费标准, R-BILL-1, W 9.2.1): by area (yuan per m² per season) or by meter
 * (yuan per GJ, with a fixed part per m² when base_price is set), from valid_from (to valid_to),
 * with its price approval document. */
export type Tariff = Stored<Schemas['tariff']>;
export type TariffBilling = Schemas['tariff']['billing'];
/** A household's assistance class (低保, 特困, 优抚), the class a relief may name. */
export type AssistanceClass = NonNullable<Schemas['household']['assistance']>;
/** A household's terms as they held until they were changed (records contract_versions, R-ACCT-1):
 * Hearth keeps one whenever the agreed temperature, the billing basis or the contract changes, and
 * no role writes it; the new terms hold from the day after valid_until. Written here by hand until
 * schema.d.ts is generated again from the server (then Stored<Schemas['contract version']>). */
export interface ContractVersion {
  id: number;
  household_id: number;
  /** YYYY-MM-DD: the last day these terms held. */
  valid_until: string;
  /** °C, one decimal (a number, as the household's; read as text too); null when none agreed. */
  agreed_temp?: number | string | null;
  billing: Schemas['household']['billing'] | string;
  /** The contract's terms (W 9.1.7) as the household's record had them; null when none. */
  contract?: Household['contract'];
}
export type MeasurementInput = Schemas['MeasurementInput'];
export type CalendarImport = Schemas['CalendarImport'];

export type DayStatus = 'qualified' | 'unqualified' | 'exempt' | 'not_judged';

/** A room's part in a day's value (adapters/json/monitoring_json.hpp, RoomSummariesJson). */
export interface RoomSummary {
  room: string;
  kind: string;
  valid_hours: number;
  counted: boolean;
  value: number | null;
}

/** A judged day (src/app/http/days.cpp, DayJson). */
export interface JudgedDay {
  date: string;
  value: number | null;
  guarantee: number | null;
  status: DayStatus | string;
  share_percent: number;
  reason: string;
  in_season: boolean;
  extra_day: boolean;
  outdoor_mean: number | null;
  evidence: {
    source: string;
    measured_on?: string;
    measurement_id?: number;
    room: string | null;
    rooms?: RoomSummary[];
  };
  /** Hours of company-caused heating stops that day (R-REFUND-2), 0 when none; absent from a
   * server older than R-REFUND-4's findings. */
  outage_hours?: number;
  /** The household-caused finding covering the day (R-REFUND-4), else null. */
  finding_id?: number | null;
}

/** GET /api/v1/households/{id}/days (days.cpp). */
export interface HouseholdDays {
  household_id: number;
  policy: string;
  guarantee_case: string;
  guarantee_reason: string;
  items: JudgedDay[];
}

/** GET /api/v1/sensors/{code}/readings (readings.cpp): value in °C, ts local RFC 3339. */
export interface Reading {
  ts: string;
  value: number;
}

/** A day of a refund ledger entry (adapters/json/ledger_json.cpp, LedgerDaysJson). */
export interface LedgerDay {
  date: string;
  share_percent: number;
  cause: string;
  reason: string;
  value: number | null;
  guarantee: number | null;
  outdoor_mean: number | null;
  evidence: { source: string; room: string; measured_on?: string; measurement_id?: number };
}

/** How a paid refund was settled (refunds.cpp, RefundEntryToJson's "payout", R-REFUND-6): paid by
 * bank, WeChat, Alipay or cash with its reference (none for cash), or "offset" when the next
 * season's bill settled it; `late` when paid after the payment deadline. */
export interface RefundPayout {
  method: 'bank' | 'wechat' | 'alipay' | 'cash' | 'offset' | string;
  reference: string | null;
  paid_at: string;
  late: boolean;
}

/** A refund ledger entry (refunds.cpp, RefundEntryToJson). */
export interface RefundEntry {
  id: number;
  household_id: number;
  company_id: number;
  season: number;
  status: 'draft' | 'approved' | 'paid' | string;
  fee_fen: number;
  refund_fen: number;
  refund_yuan: number;
  official_days: number;
  payment_deadline: string;
  overdue: boolean;
  covered_to: string;
  season_end: string;
  choice: string | null;
  /** null until paid (and on an entry paid before payouts were recorded). */
  payout: RefundPayout | null;
  days: LedgerDay[];
  computed_at: string;
  updated_by: string;
  updated_at: string;
}

/** GET /api/v1/calendar (health.cpp, CalendarStatus). */
export interface CalendarStatus {
  years: number[];
  missing_years: number[];
}

/** GET /api/v1/notifications (work_orders.cpp). */
export interface Notification {
  id: number;
  topic: string;
  order_id: number | null;
  created_at: string;
  fields: Record<string, string>;
}

/** GET /api/v1/alerts (alerts.cpp, AlertJson): the households' and sensors' alerts, then each
 * company's energy alerts (R-ENERGY-1: energy-report-missing, energy-reserve-low), which name no
 * household and no sensor (null). */
export interface Alert {
  kind: string;
  company_id: number;
  household_id: number | null;
  household: string | null;
  sensor_id: number | null;
  sensor: string | null;
  details: {
    message: string;
    date?: string;
    value?: number | null;
    guarantee?: number | null;
    share_percent?: number;
    evidence?: string;
    last_reading?: string | null;
    last_value?: number;
    quarantined?: number;
    latest_quarantined?: string;
    last_received_at?: string;
    reason?: string;
    /** Energy alerts: the season's days without a dispatch report so far. */
    missing_days?: number;
    /** Energy alerts: the profile's days of reserve (30 by default) and its basis (W 6.2.1). */
    threshold_days?: number;
    basis?: string;
    /** energy-reserve-low: the fuel (coal, gas), the spell's first day and its lowest reserve. */
    fuel?: string;
    since?: string;
    min_reserve_days?: number;
  };
}

/** GET /api/v1/alerts/unqualified (alerts.cpp). */
export interface UnqualifiedHousehold {
  household_id: number;
  household: string;
  company_id: number;
  unqualified_days: number;
  judged_days: number;
  deepest_shortfall: number;
  lowest_value: number;
  first: string;
  last: string;
  share_days_percent: number;
}

/** A work order's deadline (adapters/json/work_order_json.cpp, DeadlineToJson). */
export interface OrderDeadline {
  due: string;
  basis: string;
  calendar_incomplete: boolean;
  from: string;
  status: 'ok' | 'warning' | 'overdue' | string;
  met_at?: string;
}

/** A work order (work_orders.cpp, HeadJson; the detail adds WorkOrderToJson's fields). */
export interface WorkOrder {
  id: number;
  company_id: number;
  household_id: number | null;
  channel: string;
  external_id: string | null;
  category: string;
  received_at: string;
  content: string;
  caller_phone: string;
  parent_id: number | null;
  second_complaint: boolean;
  season: number;
  state: string;
  extended: boolean;
  deadlines: Record<string, OrderDeadline>;
  created_by: string;
  created_at: string;
}

export interface OrderTimelineEntry {
  seq: number;
  type: string;
  at: string;
  actor: string;
  recorded_at: string;
  backdated: boolean;
  detail?: string;
  [key: string]: unknown;
}

export interface WorkOrderDetail extends WorkOrder {
  returned: boolean;
  children: number[];
  replied_at: string | null;
  visited_at: string | null;
  closed_at: string | null;
  process_satisfaction: string | null;
  result_satisfaction: string | null;
  reasonable: boolean | null;
  timeline: OrderTimelineEntry[];
}

/** An indicator of GET /api/v1/indicators and /api/v1/reports/indicators (reports.cpp,
 * IndicatorJson). */
export interface Indicator {
  rule: string;
  name: string;
  numerator: number;
  denominator: number;
  value: number | null;
  display: string;
  target_per_mille: number;
  target_kind: 'at-least' | 'at-most';
  target_basis: string;
  status: string;
  /** "286/response": the order and deadline each record counts. */
  records: string[];
  numerator_records: string[];
  /** The work orders behind R-KPI-Q, P and B. */
  orders?: number[];
  /** The heating stops behind R-KPI-S. */
  outages?: number[];
  /** The households behind R-KPI-C. */
  households?: number[];
  /** The records behind it, paged (GET /api/v1/indicators/{rule}/records with the report's
   * period, company and district: "/api/v1/indicators/R-KPI-Q/records?month=2026-01&company=3");
   * the live report only. */
  records_url?: string;
}

/** GET /api/v1/indicators (and /api/v1/reports/indicators, the same body; reports.cpp): the
 * live indicators of a month or of a run of days, of a district when one is named. */
export interface IndicatorReport {
  /** "2026-01" for a month; null when the query gave a run of days (from, to). */
  month: string | null;
  /** The period in words: "2026-01", or "2026-01-05..2026-02-10" for a run of days. */
  period: string;
  /** The district the figures are limited to; null for every district. */
  district: { district_id: number; district_code: string; district_name: string } | null;
  /** RFC 3339: the period's first second, and the first second after it. */
  from: string;
  until: string;
  generated_at: string;
  companies: Array<{
    company_id: number;
    company_code: string;
    company_name: string;
    policy: string;
    indicators: Indicator[];
  }>;
}

/** The five service indicators (W 14.4 table 1), in the order the server gives them. */
export type IndicatorRule = 'R-KPI-S' | 'R-KPI-Q' | 'R-KPI-C' | 'R-KPI-P' | 'R-KPI-B';

/** An indicator as published (app/http/indicators.cpp, IndicatorJson): `records` is how many
 * records it was computed from (GET …/records lists them). */
export interface PublishedIndicator extends Omit<Indicator, 'records' | 'numerator_records' | 'orders' | 'outages' | 'households'> {
  records: number;
}

/** A company's indicators of a month, published for good (W 14.4.6; indicators.cpp,
 * PublicationJson). The public list leaves out who published and the records' link. */
export interface IndicatorPublication {
  id: number;
  company_id: number;
  company_code: string;
  company_name: string;
  month: string;
  policy: string;
  published_at: string;
  published_by?: string;
  records_url?: string;
  indicators: PublishedIndicator[];
}

/** POST /api/v1/indicators/publications; `company` for the admin only. */
export interface IndicatorPublicationNew {
  month: string;
  company?: number;
}

/** GET /api/v1/indicators/publications/{id}/records: a record's part of an indicator: a stop's
 * seconds × area in m²×100 (R-KPI-S, denominator 0), 1 of 1 or 0 of 1 for a response
 * ("286/response", R-KPI-Q) or a complaint (R-KPI-P, B), a household's qualified of its judged
 * days (R-KPI-C). */
export interface IndicatorRecord {
  rule: string;
  record: string;
  numerator: number;
  denominator: number;
}

/** A record behind a live indicator (GET /api/v1/indicators/{rule}/records, reports.cpp): its
 * company and its part of the fraction, as a published one's (IndicatorRecord): a stop's id
 * (R-KPI-S, seconds × area in m²×100, denominator 0), "<order id>/<deadline name>" (R-KPI-Q) or an
 * order's id (R-KPI-P, B), 1 of 1 or 0 of 1, a household's id (R-KPI-C, qualified of judged days). */
export interface LiveIndicatorRecord {
  company_id: number;
  record: string;
  numerator: number;
  denominator: number;
}

/** A page of a live indicator's records (cursor= and limit=, at most 1000). */
export interface LiveIndicatorRecordPage {
  items: LiveIndicatorRecord[];
  next_cursor: string | number | null;
}

/** GET /api/v1/audit (api.cpp). */
export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  resource: string;
  record_id: number | null;
  before: unknown;
  after: unknown;
}

/** A broken rule of a measurement (adapters/json/measurement_json.cpp, ViolationsToJson). */
export interface Violation {
  rule: string;
  check: string;
  message: string;
}

/** A stored measurement (MeasurementToJson). */
export interface Measurement {
  id: number;
  household_id: number;
  room: string;
  taken_at: string;
  instrument: string;
  value: number | null;
  valid: boolean;
  violations: Violation[] | null;
  signature: 'signed' | 'pending' | 'refused' | string;
  third_party: boolean;
  overridden: boolean;
  signed: { by: string; at: string; via: string } | null;
  evidence: boolean;
  created_by: string;
  created_at: string;
}

/** A heating stop's kind (rules::OutageKindName). */
export type OutageKind = 'planned' | 'emergency';

/** What a stop cuts off, by record id at each level of the network (outages.cpp, OutageJson). */
export interface OutageScope {
  heat_sources: number[];
  network_sections: number[];
  substations: number[];
  buildings: number[];
}

/** A notice a stop owes (outages.cpp, OutageJson "obligations"): R-OUT-1's advance notice of a
 * planned stop, the notice of an emergency one, and the notice of an overrun. */
export interface OutageObligation {
  duty: 'advance' | 'emergency' | 'overrun' | string;
  due: string;
  /** The clause the due time comes from: "platform default (Z 2.4)". */
  basis: string;
  calendar_incomplete: boolean;
  state: 'met' | 'late' | 'pending' | 'overdue' | string;
  met_at: string | null;
  /** For an overrun: the restoration time that was announced and passed. */
  announced_end: string | null;
}

/** A published notice of a stop (outages.cpp, OutageJson "notices"). */
export interface OutageNotice {
  seq: number;
  at: string;
  expected_end: string;
  text: string;
  actor: string;
  recorded_at: string;
}

/** A heating stop (outages.cpp, OutageJson): GET /api/v1/outages lists these without notices. */
export interface Outage {
  id: number;
  company_id: number;
  kind: OutageKind | string;
  company_caused: boolean;
  cause: string;
  scope: OutageScope;
  start: string;
  expected_end: string;
  actual_end: string | null;
  road_sections: string;
  affected_households: number;
  /** m², two decimals. */
  affected_area_m2: number;
  /** The first notice's due time (+08:00); null when the stop owes none. */
  notice_due: string | null;
  /** A notice was or is late (an obligation "late" or "overdue"). */
  notice_late: boolean;
  /** The stop ran past an announced restoration time. */
  overrun: boolean;
  obligations: OutageObligation[];
  notice_count: number;
  created_by: string;
  created_at: string;
}

/** GET /api/v1/outages/{id} and the POST answers: the stop with its notices. */
export interface OutageDetail extends Outage {
  notices: OutageNotice[];
}

/** A scope reference: a record id or its code. */
export type ScopeRef = number | string;

// The request bodies, as the server's OpenAPI document states them (generated, never retyped).
/** POST /api/v1/outages. */
export type OutageNew = Schemas['OutageNew'];
/** POST /api/v1/outages/{id}/notices: a later expected_end announces an overrun. */
export type OutageNoticeNew = Schemas['OutageNotice'];
/** POST /api/v1/outages/{id}/end. */
export type OutageEnd = Schemas['OutageEnd'];

/** The fields of an "outage.notice" notification (all strings). */
export interface OutageNoticeFields {
  outage_id: string;
  kind: string;
  cause: string;
  start: string;
  expected_end: string;
  road_sections: string;
  affected_households: string;
  text: string;
}

// ---- Household-caused findings (R-REFUND-4, 住户原因认定) --------------------------------------
// The request bodies are the generated schemas; the answers are written by hand (the API's
// response schemas are loose still).

/** POST /api/v1/findings (admin, manager, agent, technician). */
export type FindingNew = Schemas['FindingNew'];
/** POST /api/v1/findings/{id}/actions: the note is required but for acknowledge. */
export type FindingAction = Schemas['FindingAction'];

/** What the household did (or what of its own failed) that caused its shortfall. */
export type FindingKind = FindingNew['kind'];

/** open → acknowledged | disputed (→ upheld | rejected); any but the last two → withdrawn. */
export type FindingState = 'open' | 'acknowledged' | 'disputed' | 'upheld' | 'rejected' | 'withdrawn';

/** acknowledge, dispute: the household; uphold, reject: the regulator; withdraw: admin, manager. */
export type FindingActionName = FindingAction['action'];

/** An entry of a finding's history: "record" first, then each action. */
export interface FindingHistoryEntry {
  action: 'record' | FindingActionName | string;
  /** The state the action left the finding in. */
  state: FindingState | string;
  actor: string;
  role: string;
  note: string;
  at: string;
}

/** GET /api/v1/findings/{id}, the list's items and the POST answers. */
export interface Finding {
  id: number;
  company_id: number;
  household_id: number;
  kind: FindingKind | string;
  description: string;
  /** References of the evidence photos (file names or links). */
  photos: string[];
  found_by: string;
  /** RFC 3339. */
  found_at: string;
  /** YYYY-MM-DD, both days included. */
  valid_from: string;
  valid_to: string;
  state: FindingState | string;
  /** Whether it removes the temperature share on its days now (a disputed one does not, until upheld). */
  effective: boolean;
  /** What the caller may do now: the buttons come from here. */
  actions: Array<FindingActionName | string>;
  history: FindingHistoryEntry[];
  created_by: string;
  created_at: string;
}


// ---- Insurance claims (R-INS-1, 保险理赔, W 13.3–13.6) -----------------------------------------
// src/app/http/insurance_claims.cpp, ClaimJson. The request bodies are the generated schemas;
// the answers are written by hand (the routes' response schemas are loose).

/** POST /api/v1/insurance-claims (admin, manager, agent, technician); a loss's estimate is yuan
 * with at most two decimals ("1200.00"), left out when not estimated. */
export type InsuranceClaimNew = Schemas['InsuranceClaimNew'];
/** POST /api/v1/insurance-claims/{id}/events: notify-insurer (staff; insurer required), agree
 * (admin, manager; amount), pay (admin, manager), reject (admin, manager; exclusion and note). */
export type InsuranceClaimEvent = Schemas['InsuranceClaimEvent'];

/** recorded → insurer-notified → agreed → paid; recorded or insurer-notified → rejected (agree
 * may also come straight after recording). */
export type ClaimState = 'recorded' | 'insurer-notified' | 'agreed' | 'paid' | 'rejected';

export type ClaimEventType = InsuranceClaimEvent['type'];

/** Why a claim is refused: W 13.6 a–d, or outside the policy's cover (W 13.5). */
export type ClaimExclusion = NonNullable<InsuranceClaimEvent['exclusion']>;

/** A claim's deadline (DeadlineToJson): `late` is met after its due time. */
export interface ClaimDeadline {
  due: string;
  basis: string;
  calendar_incomplete: boolean;
  from: string;
  status: 'ok' | 'warning' | 'overdue' | 'met' | 'late' | string;
  met_at?: string;
}

export interface ClaimLoss {
  item: string;
  /** Yuan ("1200.00"); null when not estimated. */
  estimate: string | null;
  estimate_fen: number | null;
}

/** An entry of a claim's history: "record" first, then each event. */
export interface ClaimHistoryEntry {
  action: 'record' | ClaimEventType | string;
  /** The state the action left the claim in. */
  state: ClaimState | string;
  actor: string;
  role: string;
  note: string;
  at: string;
  amount?: string;
  exclusion?: ClaimExclusion | string;
  insurer?: string;
  reference?: string;
}

/** GET /api/v1/insurance-claims's items; GET /{id} and the POST answers add `history`. */
export interface Claim {
  id: number;
  company_id: number;
  household_id: number;
  incident_at: string;
  incident: string;
  injuries: boolean;
  photos: string[];
  losses: ClaimLoss[];
  state: ClaimState | string;
  insurer: string | null;
  insurer_reference: string | null;
  notified_at: string | null;
  /** Yuan ("4280.50"). */
  amount: string | null;
  amount_fen: number | null;
  agreed_at: string | null;
  paid_at: string | null;
  payment_reference: string | null;
  exclusion: ClaimExclusion | string | null;
  /** "W 13.6 b". */
  exclusion_clause: string | null;
  /** notify: the insurer told within 24 h (platform default for W 13.3 第一时间); payout: 30
   * working days from agreement (W 13.5). Absent when not (or no longer) owed. */
  deadlines: { notify?: ClaimDeadline; payout?: ClaimDeadline };
  /** What the caller may do now: the buttons come from here. */
  actions: Array<ClaimEventType | string>;
  created_by: string;
  created_at: string;
  history?: ClaimHistoryEntry[];
}

// ---- A company's public service information (R-INFO-1, W 4.5, W 12.2) -------------------------
// GET /api/v1/public/companies/{code} (src/app/http/public_info.cpp, InfoJson), for anyone
// without signing in; 404 for an unknown code. Written by hand (the route's schema is loose).

/** A procedure, standard, right or duty, with the clause it comes from. */
export interface PublicInfoItem {
  key: string;
  title: string;
  text: string;
  basis: string;
}

export interface PublicContact {
  /** hotline 客服热线, repair 抢修电话, supervision 监督电话, hall 营业厅. */
  kind: 'hotline' | 'repair' | 'supervision' | 'hall' | string;
  name: string;
  phone: string;
  address: string | null;
  hours: string | null;
}

/** A licensed district's dates in the season: its own decision, or the policy's defaults. */
export interface PublicSeason {
  district_code: string;
  district_name: string;
  official_start: string;
  official_end: string;
  early_start: string | null;
  extension_end: string | null;
  /** The district published its dates (else the defaults, 以政府公布为准). */
  decided: boolean;
}

export interface PublicPrice {
  name: string;
  billing: 'area' | 'meter' | string;
  /** Yuan ("22.50"). */
  price: string;
  /** "元/平方米·采暖季", "元/GJ". */
  unit: string;
  valid_from: string;
  valid_to: string | null;
  /** The price authority's approval (文号). */
  approval: string | null;
}

export interface PublicCompanyInfo {
  company: { code: string; name: string; licence_no: string | null };
  policy: string;
  contacts: PublicContact[];
  /** The year the season starts. */
  season: number;
  seasons: PublicSeason[];
  prices: PublicPrice[];
  payment_methods: Array<{ method: string; name: string }>;
  procedures: PublicInfoItem[];
  standards: PublicInfoItem[];
  rights: PublicInfoItem[];
  duties: PublicInfoItem[];
}

// ---- Energy reserve (R-ENERGY-1, 能源储备, W 6.2) -----------------------------------------------
// The request body is the generated schema; the answers are written by hand (the API's response
// schemas are loose still).

/** The fuels a company reports; coal, oil and biomass in tonnes, gas in cubic metres. */
export type EnergyFuel = Schemas['EnergyReportNew']['fuel'];

/** "t" (tonnes) or "m3" (cubic metres), as the server answers it. */
export type EnergyUnit = 't' | 'm3';

/** POST /api/v1/energy/reports (admin, manager, technician): 201 when new, 200 when it corrects
 * the company's report of the same day and fuel. */
export type EnergyReportNew = Schemas['EnergyReportNew'];

/** A daily dispatch report: the POST's answer and GET /api/v1/energy/reports's items. */
export interface EnergyReport {
  id: number;
  company_id: number;
  day: string;
  fuel: EnergyFuel | string;
  unit: EnergyUnit | string;
  stock: number;
  consumption: number;
  /** stock ÷ consumption rounded down to one decimal; null when consumption is 0. */
  reserve_days: number | null;
  /** reserve_days < threshold_days. */
  low: boolean;
  threshold_days: number;
  /** The clause the threshold comes from: "W 6.2.2". */
  basis: string;
  note: string;
  reported_by: string;
  /** RFC 3339 (+08:00). */
  reported_at: string;
}

/** Consecutive days a fuel's reserve was below the threshold (both days included). */
export interface EnergyLowSpell {
  fuel: EnergyFuel | string;
  from: string;
  to: string;
  days: number;
  min_reserve_days: number;
}

/** A company's flags over the season so far. */
export interface EnergyCompanyFlags {
  company_id: number;
  company_code: string;
  company_name: string;
  /** Reports filed in the period. */
  reports: number;
  /** Days of the period with no report at all from the company. */
  missing_days: string[];
  low_spells: EnergyLowSpell[];
}

/** GET /api/v1/energy/flags?company=&season=: the season's days so far (commissioning start to
 * yesterday, or to the season's end). Staff get their own company, the regulator every one. */
export interface EnergyFlags {
  season: number;
  from: string;
  to: string;
  threshold_days: number;
  basis: string;
  companies: EnergyCompanyFlags[];
}

// ---- Mass complaints (R-REG-1, 群体投诉预警, Z 3.4) ----------------------------------------------

/** GET /api/v1/complaints/mass's items (src/app/http/mass_complaints.cpp, FlagJson): a
 * community's complaints that reached the threshold in one episode, flagged to the regulator and
 * the company's managers when it happened. Times are RFC 3339 (+08:00). */
export interface MassComplaint {
  id: number;
  company_id: number;
  /** The community (小区). */
  community: string;
  /** The episode's complaints (order_ids.length). */
  complaints: number;
  /** The episode's first complaint. */
  first_at: string;
  /** When the threshold was reached (by reached_order_id). */
  reached_at: string;
  /** The episode's latest complaint. */
  last_at: string;
  reached_order_id: number;
  /** The episode's work orders, each at /work-orders/{id}. */
  order_ids: number[];
  /** `threshold` complaints within `window_hours` hours (a platform default 20 within 24). */
  threshold: number;
  window_hours: number;
  policy: string;
  /** When the regulator and the company's managers were told. */
  flagged_at: string;
}

// ---- The regulator's comparison of companies (R-REG-1, 企业对比 · 补贴份额测算, Z 4.3) --------
// GET /api/v1/regulator/companies (src/app/http/regulator.cpp, ReportJson; admin and regulator
// only). The route's response schema is loose in the OpenAPI document: written by hand.

/** GET /api/v1/policies (policies.cpp): the profiles in force. */
export interface PolicyProfile {
  name: string;
  title: string;
  city: string;
}

export interface PolicyList {
  policies: PolicyProfile[];
}

/** The measures a subsidy score weighs, in the order the server gives them. */
export type SubsidyMeasure = IndicatorRule | 'complaint-rate' | 'on-time-reply';

/** A measure's weight in the scoring profile's [subsidy] table (whole percent, summing to 100). */
export interface SubsidyWeight {
  measure: SubsidyMeasure | string;
  weight: number;
  /** "Z 4.3 (platform default)". */
  basis: string;
}

/** A company's indicator of the month (regulator.cpp, IndicatorJson). */
export interface ComparisonIndicator {
  rule: IndicatorRule | string;
  name: string;
  numerator: number;
  denominator: number;
  value: number | null;
  /** "0.35‰", "96.00%"; "n/a" when not applicable. */
  display: string;
  target_per_mille: number;
  target_kind: 'at-least' | 'at-most' | string;
  status: 'met' | 'not-met' | 'not-applicable' | string;
}

/** The complaints of one channel (every channel is listed). */
export interface ChannelComplaints {
  channel: string;
  received: number;
  /** received × 10,000 ÷ households; null without households. */
  per_10000: number | null;
}

/** A line of a subsidy score: one measure, its points and how they were worked out. */
export interface SubsidyScoreLine {
  measure: SubsidyMeasure | string;
  /** The measure's value as text ("0.35‰", "23.33 per 10,000", "96.00%"); "n/a" when not applicable. */
  value: string;
  applicable: boolean;
  /** "100.00". */
  points: string;
  weight: number;
  basis: string;
  /** "0.35‰ within the limit 2.00‰: 100.00"; "not applicable". */
  working: string;
}

/** A company's subsidy score (ScoreJson): the weighted mean of the applicable lines. */
export interface SubsidyScore {
  /** "97.50". */
  points: string;
  hundredths: number;
  applicable_weight: number;
  /** "(15 × 100.00 + …) ÷ 85 = 97.50". */
  working: string;
  /** The company's share of pool_fen (largest remainder, to the fen); null without a pool. */
  share_fen: number | null;
  lines: SubsidyScoreLine[];
}

/** A company's month (CompanyJson). */
export interface CompanyComparison {
  company_id: number;
  company_code: string;
  company_name: string;
  policy: string;
  households: number;
  /** R-KPI-S, Q, C, P, B (a rule the company has no figure for is missing). */
  indicators: ComparisonIndicator[];
  complaints: {
    received: number;
    duplicates: number;
    /** received − duplicates. */
    complaints: number;
    per_10000: number | null;
    by_channel: ChannelComplaints[];
  };
  replies: { due: number; on_time: number; rate: number | null };
  satisfaction: { satisfied: number; basically_satisfied: number; unsatisfied: number; not_visited: number; rate: number | null };
  /** The company-caused heating stops of the month, each at /outages/{id}. */
  outages: { company_caused: number; ids: number[] };
  /** The refunds of the season (season_start_year), owed (not paid yet) and paid, in fen. */
  refunds: { owed_fen: number; owed_entries: number; paid_fen: number; paid_entries: number; overdue_entries: number };
  /** Its buildings outside its licensed districts (Z 3.4) and their households: /regulator/licence. */
  licence: { unlicensed_buildings: number; unlicensed_households: number };
  /** Its season announcements (R-SEASON-1: commissioning and start of heating, per licensed
   * district, for season_start_year) published late and missing, as judged today:
   * /regulator/seasons. Absent in older answers (unknown). */
  season_announcements?: { late: number; missing: number };
  score: SubsidyScore;
}

/** GET /api/v1/regulator/companies?month=YYYY-MM[&pool_fen=][&policy=]. */
export interface CompanyComparisonReport {
  month: string;
  from: string;
  /** Exclusive: the next month's first midnight. */
  until: string;
  generated_at: string;
  season_start_year: number;
  /** The profile whose weights scored the companies. */
  policy: string;
  pool_fen: number | null;
  weights: SubsidyWeight[];
  companies: CompanyComparison[];
}

// ---- Works outside the licensed service area (R-REG-1, 经营区域核查, Z 3.4) -----------------------
// GET /api/v1/regulator/licence-flags[?company=<id or code>] (src/app/http/regulator.cpp; admin
// and regulator every company's, a company's staff their own, households 403). The route's
// response schema is loose in the OpenAPI document: written by hand.

/** A building its company serves in a district not (or no longer) licensed to it. */
export interface LicenceFlag {
  company_id: number;
  building_id: number;
  building_code: string;
  /** The community (小区). */
  community: string;
  district_id: number;
  district_code: string;
  district_name: string;
  /** Its households (connections there), every heating status. */
  households: number;
  /** Of those, heated. */
  heated_households: number;
  /** The heating stops that cut off any of its households, ascending, each at /outages/{id}. */
  outage_ids: number[];
  /** The work orders received from its households (duplicates too). */
  work_orders: number;
  /** The connection applications (报装, R-CONN-1) taken in for it, in any state. */
  connection_applications: number;
}

/** The answer: by company, then building id. */
export interface LicenceFlags {
  /** The clause: "Z 3.4". */
  basis: string;
  items: LicenceFlag[];
}

// ---- The season's public announcements (R-SEASON-1, 供热季公告核查, W 5.2.5, W 6.1.1) -----------
// GET /api/v1/regulator/season-flags[?season=<year>][&company=<id or code>]
// (src/app/http/regulator.cpp, SeasonDutiesJson; admin and regulator every company's, a company's
// staff their own, households 403). The route's response schema is loose in the OpenAPI
// document: written by hand. The announcements themselves are records (/api/v1/season_announcements).

export type SeasonAnnouncement = Stored<Schemas['season announcement']>;
/** What is announced: the commissioning (供暖调试) or the start of heating (正式供暖). */
export type AnnouncementKind = Schemas['season announcement']['kind'];
/** Where it was published (W 5.2.5). */
export type AnnouncementChannel = Schemas['season announcement']['channel'];
/** A duty's state: announced a day ahead or earlier, on the day or after, not announced once the
 * day has come, or not announced while the day is still ahead. */
export type DutyStatus = 'on_time' | 'late' | 'missing' | 'due';

/** One announcement owed for a company's district and season. */
export interface SeasonDuty {
  kind: AnnouncementKind;
  /** The day announced: the commissioning's first day, or the first heated day (the early start when decided). */
  announced_day: string;
  status: DutyStatus;
  /** late or missing. */
  flagged: boolean;
  /** ≥ 1 when late (published on the day announced is 1), else 0. */
  days_late: number;
  /** The announcement recorded; null when missing or due. */
  announcement: { id: number; published_on: string; channel: AnnouncementChannel; reference: string } | null;
}

/** A company's licensed district in the season, with its dates and duties. */
export interface SeasonDutyRow {
  company_id: number;
  company_code: string;
  company_name: string;
  district_id: number;
  district_code: string;
  district_name: string;
  /** The district's season record; null when the dates are the policy's defaults. */
  season_id: number | null;
  /** "record" (the district's season record) or "profile" (the policy's default dates). */
  dates_from: 'record' | 'profile';
  commissioning_start: string;
  official_start: string;
  official_end: string;
  /** An early start decided by the district. */
  early_start: string | null;
  /** The last day of an extension decided by the district. */
  extension_end: string | null;
  /** The district's decision behind the early start or extension (威政字〔2025〕12号). */
  decision_ref: string | null;
  /** early_start if decided, else official_start. */
  first_heated_day: string;
  /** The commissioning's, then the start of heating's. */
  duties: SeasonDuty[];
}

/** The answer: by company, then district. */
export interface SeasonFlags {
  /** The year the season starts. */
  season: number;
  /** The server's day (+08:00), against which the duties were judged. */
  today: string;
  /** "R-SEASON-1 (Z 2.1, W 5.2.5, W 6.1.1)". */
  basis: string;
  /** The flagged duties (late or missing). */
  flagged: number;
  items: SeasonDutyRow[];
}

// ---- Sampling plans (R-SAMPLE-1..3, 采样方案) -------------------------------------------------
// GET /api/v1/sample-plan?company=<id or code>&seed=<0..2^64−1>[&format=json|csv|xlsx]
// (src/app/http/sample_plans.cpp, PlanJson; adapters/json/sample_plan_json.cpp; manager and
// technician their own company, admin and regulator the company they name, agent and household
// 403; 409 when a building cannot be placed on the network or a floor is missing). The route's
// response schema is loose in the OpenAPI document: written by hand.

/** A dimension the quotas are set by (R-SAMPLE-2). */
export type SampleDimension = 'position' | 'orientation' | 'floor';
/** Where a building sits on its network: 近端 / 中端 / 末端 (20 / 30 / 50 %). */
export type SamplePosition = 'near' | 'middle' | 'far';
/** 阴面 / 阳面 (60 / 40 %). */
export type SampleOrientation = 'shade' | 'sun';
/** 高层 / 中层 / 低层 (30 / 30 / 40 %). */
export type SampleFloorTier = 'upper' | 'middle' | 'lower';

/** Households by each dimension's value (the quotas, or what the selection achieves). */
export interface SampleCounts {
  position: Record<SamplePosition, number>;
  orientation: Record<SampleOrientation, number>;
  floor: Record<SampleFloorTier, number>;
}

/** A quota the company's households cannot meet, and by how many (R-SAMPLE-3). */
export interface SampleShortfall {
  dimension: SampleDimension;
  value: string;
  missing: number;
}

/** A household the plan samples. */
export interface SampledHousehold {
  household_id: number;
  code: string;
  address: string | null;
  /** The community (小区). */
  community: string;
  building_id: number;
  building_code: string;
  floor: number;
  /** The building's floors. */
  floors: number;
  floor_tier: SampleFloorTier;
  network_position: SamplePosition;
  /** The position was derived from the building's pipe distance, by thirds within its substation
   * (推定), not set on the building. */
  position_derived: boolean;
  orientation: SampleOrientation;
  area_m2: number;
  has_sensor: boolean;
}

/** The company's plan for a seed: the same seed and records give the same plan. */
export interface SamplePlan {
  company_id: number;
  company_code: string;
  company_name: string;
  policy: string;
  /** Decimal digits (it may pass 2^53): kept a string. */
  seed: string;
  /** RFC 3339, +08:00. */
  generated_at: string;
  /** The company's heated households. */
  households: number;
  /** Their area. */
  total_area_m2: number;
  /** The area band's percentage (R-SAMPLE-1: ≤ 1,000,000 m² 3 %, ≤ 5,000,000 m² 2 %, else 1 %). */
  rate_percent: number;
  /** The households to sample. */
  required: number;
  quotas: SampleCounts;
  achieved: SampleCounts;
  /** The selected households' ids, as strings. */
  selected: string[];
  shortfalls: SampleShortfall[];
  selected_households: SampledHousehold[];
}

// ---- Adopted sampling plans (R-SAMPLE-3, 已采用方案) -------------------------------------------
// POST /api/v1/sample-plan?company=&seed=&async=true with a SamplePlanAdoption answers 202 with a
// job of kind sample-plan (its result: the sample_plans record), 409 naming season once the
// season has one; GET /api/v1/sample_plans?company_id=&season= lists them;
// GET /api/v1/sample_plans/{id}/follow-up[?staff=] follows one; POST
// /api/v1/sample_points/{id}/reschedule moves a manual point's day or technician
// (src/app/http/sample_plans.cpp, sample_plan_follow_up.cpp).

/** A season's adopted plan (a sample_plans record). */
export type AdoptedPlan = Stored<Schemas['sample plan']>;
/** The plan's `summary`, as drawn: quotas, achieved, shortfalls (the record's schema leaves it loose). */
export type AdoptedPlanSummary = Schemas['SamplePlanSummary'];
/** POST /api/v1/sample-plan's body: the season, the collection window and the technicians. */
export type SamplePlanAdoption = Schemas['SamplePlanAdoption'];
/** GET /api/v1/sample_plans/{id}/follow-up: the counts by status over the whole plan, the points. */
export type SamplePlanFollowUp = Schemas['SamplePlanFollowUp'];
/** A point as followed: its household, day, technician and status. */
export type FollowedPoint = SamplePlanFollowUp['points'][number];
/** collected (on or before its day), late (after it), due (its day to come), overdue (passed). */
export type CollectionStatus = FollowedPoint['status'];
/** A remote sensor (远传) or a visit (入户, R-TEMP-4). */
export type CollectionMethod = FollowedPoint['method'];
/** POST /api/v1/sample_points/{id}/reschedule's body. */
export type SamplePointChange = Schemas['SamplePointChange'];
/** A sample_points record, as the reschedule answers it. */
export type SamplePoint = Stored<Schemas['sample point']>;

/** GET /api/v1/staff: a company's enabled accounts, by username (src/app/http/users.cpp). */
export type StaffMember = Schemas['User'];
/** GET /api/v1/staff's answer: never paged. */
export type StaffList = Schemas['StaffList'];

// ---- Connection applications (R-CONN-1, 报装申请; Z 2.3 (三), W 9.1.4, W 10.1.7) ----------------
// src/app/http/connections.cpp, ConnectionJson. The request bodies are the generated schemas;
// the answer is written here, as the claims' is.

export type ConnectionState = 'received' | 'approved' | 'refused';

/** application-form 申请表 (required to apply, W 9.1.4), drawings 设计图纸 (a new building's),
 * retrofit-record 节能改造验收记录 and owners-decision 业主共同决定 (an existing building's, both
 * before approval, Z 2.3 (三)). */
export type ConnectionDocument = 'application-form' | 'drawings' | 'retrofit-record' | 'owners-decision';

/** What the service hall (admin, manager, agent) or a decider (admin, manager) may do next. */
export type ConnectionEventType = 'supply-documents' | 'approve' | 'refuse' | 'visit';

/** POST /api/v1/connections (admin, manager, agent). received_at: not in the future, at most 7
 * days before the server's clock; documents must include the application-form. */
export type ConnectionNew = Schemas['ConnectionNew'];

/** POST /api/v1/connections/{id}/events: supply-documents (the hall; one not yet on file at
 * least), approve (admin, manager), refuse (admin, manager; reason and suggestion), visit (the
 * hall, once decided; note and satisfied). */
export type ConnectionEvent = Schemas['ConnectionEvent'];

/** An entry of an application's history: "apply" first, then each event. */
export interface ConnectionHistoryEntry {
  action: 'apply' | ConnectionEventType | string;
  /** The state the action left the application in. */
  state: ConnectionState | string;
  actor: string;
  role: string;
  note: string;
  at: string;
  documents?: Array<ConnectionDocument | string>;
  reason?: string;
  suggestion?: string;
  satisfied?: boolean;
}

/** GET /api/v1/connections's items; GET /{id} and the POST answers add `history`. */
export interface Connection {
  id: number;
  company_id: number;
  building_id: number;
  household_id: number | null;
  applicant: string;
  /** As the server sends it: masked ("138****1234") for a reader without the need. */
  phone: string | null;
  new_building: boolean;
  outside_works: boolean;
  received_at: string;
  /** The year the season it catches starts. */
  season: number;
  /** A new building applied after the profile's date: it catches the next season (Z 2.3 (三)). */
  next_season: boolean;
  /** What the applicant is told (the next season), else null. */
  notice: string | null;
  documents: Array<ConnectionDocument | string>;
  /** Still to be supplied (容缺), in the server's order. */
  missing: Array<ConnectionDocument | string>;
  state: ConnectionState | string;
  decided_at: string | null;
  reason: string | null;
  suggestion: string | null;
  visited_at: string | null;
  satisfied: boolean | null;
  visit_note: string | null;
  /** decision: 3 working days with outside works, 1 without (W 9.1.4); met at the decision. */
  deadlines: { decision: ClaimDeadline };
  /** What the caller may do now: the buttons come from here. */
  actions: Array<ConnectionEventType | string>;
  created_by: string;
  created_at: string;
  history?: ConnectionHistoryEntry[];
}

// ---- Heating changes (R-ACCT-1, 增减停复; W 9.1.8) ---------------------------------------------
// src/app/http/heating_changes.cpp, HeatingChangeJson. The request bodies are the generated
// schemas; the answer is written here, as the connection applications' is.

/** increase 增加面积, decrease 减少面积 (the hall only), stop 停热, resume 复热. */
export type HeatingChangeKind = 'increase' | 'decrease' | 'stop' | 'resume';

export type HeatingChangeState = 'received' | 'approved' | 'refused';

/** application-form 申请表 (required to apply), identity 身份证明 and property-proof 产权证明
 * (every kind, before approval), area-survey 面积测绘报告 (an area change, before approval). */
export type HeatingChangeDocument = 'application-form' | 'identity' | 'property-proof' | 'area-survey';

/** supply-documents: the hall (admin, manager, agent); approve (every document on file) and
 * refuse (a reason): admin, manager. */
export type HeatingChangeEventType = 'supply-documents' | 'approve' | 'refuse';

/** POST /api/v1/heating-changes: the hall any kind for a household of its company, with
 * received_at (at most 7 days ago) and the applicant; a household its own stop or resume, without
 * them. documents must include the application-form; area (m², "100.50") for an area change. */
export type HeatingChangeNew = Schemas['HeatingChangeNew'];
export type BillingRunNew = Schemas['BillingRunNew'];

/** POST /api/v1/heating-changes/{id}/events: supply-documents (documents), approve (a note
 * optional), refuse (reason required, a note optional). */
export type HeatingChangeEvent = Schemas['HeatingChangeEvent'];

/** An approved change's fee, pro rata by the season's official days from the effective day. */
export interface HeatingChangeSettlement {
  /** Yuan, two decimals: negative a credit to the household (停热, 减少面积), positive a charge. */
  amount: string;
  /** The area settled, m². */
  area: string;
  /** The season's official days from the effective day to its end, and all of them. */
  days: number;
  season_days: number;
  /** The year the season starts. */
  season: number;
  /** Yuan per m² for the season (the company's area tariff). */
  price: string;
}

/** GET /api/v1/heating-changes's items, GET /{id}, and the POST answers. */
export interface HeatingChange {
  id: number;
  company_id: number;
  household_id: number;
  applicant: string;
  kind: HeatingChangeKind | string;
  received_at: string;
  /** YYYY-MM-DD. */
  effective: string;
  /** The household's heating status when received. */
  heated: boolean;
  /** m², two decimals: when received, and asked for (the same unless an area change). */
  area_before: string;
  area_after: string;
  /** A household billed by meter is settled by its meter: no settlement here. */
  billing: 'area' | 'meter' | string;
  documents: Array<HeatingChangeDocument | string>;
  /** Still to be supplied before approval, in the server's order. */
  missing: Array<HeatingChangeDocument | string>;
  note: string | null;
  state: HeatingChangeState | string;
  decided_at: string | null;
  decided_by: string | null;
  reason: string | null;
  decision_note: string | null;
  /** Once approved, by area; else null. */
  settlement: HeatingChangeSettlement | null;
  /** What the caller may do now: the buttons come from here. */
  actions: Array<HeatingChangeEventType | string>;
  /** A stop decided for arrears (POST /api/v1/arrears/{fee_id}/stop): the fee's id; else null or
   * absent. */
  arrears_fee_id?: number | null;
  created_by: string;
  created_at: string;
}

// ---- Heat-meter disputes (R-METER-1, 热计量表争议与检定; W 10.3) ------------------------------------
// src/app/http/meter_disputes.cpp, DisputeJson. The request bodies are the generated schemas;
// the answer is written here, as the claims' is.

export type MeterDisputeState = 'open' | 'calibrated' | 'withdrawn';

/** Who raised a dispute (and who may pay its calibration): 住户 or 供热企业. */
export type MeterDisputeParty = 'household' | 'company';

/** The metrology body's verdict on the meter: 合格 / 不合格. */
export type CalibrationResult = 'passed' | 'failed';

/** calibrate: admin, manager, technician; withdraw: the side that raised it (the household its
 * own, the admin or a manager the company's). */
export type MeterDisputeEventType = 'calibrate' | 'withdraw';

/** POST /api/v1/meter-disputes. raised_by is required of staff; a household may leave it out (its
 * own) and may raise for household only. 409 naming household: billed by area, no meter. */
export type MeterDisputeNew = Schemas['MeterDisputeNew'];

/** POST /api/v1/meter-disputes/{id}/events: calibrate (the result and the report's reference;
 * the cost in yuan, "300.00", and a note optional) or withdraw (a note optional). */
export type MeterDisputeEvent = Schemas['MeterDisputeEvent'];

/** GET /api/v1/meter-disputes's items, GET /{id}, and the POST answers. */
export interface MeterDispute {
  id: number;
  company_id: number;
  household_id: number;
  raised_by: MeterDisputeParty | string;
  reason: string;
  state: MeterDisputeState | string;
  result: CalibrationResult | string | null;
  /** The metrology body's report number. */
  reference: string | null;
  /** The calibration's cost in yuan ("300.00") and in fen. */
  cost: string | null;
  cost_fen: number | null;
  /** Who pays the calibration, once calibrated (W 10.3), and the clause: "W 10.3 (10.3 b)". */
  payer: MeterDisputeParty | string | null;
  payer_clause: string | null;
  /** How the household is billed: by area (and why, in Chinese) after a failed calibration. */
  billing: { by_area: boolean; reason: string | null };
  calibrated_at: string | null;
  calibrated_by: string | null;
  withdrawn_at: string | null;
  note: string | null;
  /** What the caller may do now: the buttons come from here. */
  actions: Array<MeterDisputeEventType | string>;
  created_by: string;
  created_at: string;
}

// ---- Long runs as jobs (issue 14: a refund run, a billing run) -----------------------------------
// src/app/http/jobs.cpp, JobJson. POST /api/v1/jobs answers 202 with the job at once; GET
// /api/v1/jobs/{id} tells its state, done of total and percent, then its result or error
// (api/useJob.ts follows one).

/** A long run: state running → succeeded (result: what the synchronous route answers), failed
 * (error: the API's error with the field at fault) or interrupted (its server stopped). */
export type Job = Schemas['Job'];
export type JobState = Job['state'];
export type JobKind = Job['kind'];

/** POST /api/v1/jobs: {kind: 'refund-run', season} (the caller's scope) or {kind: 'billing-run',
 * season, company_id (the admin names it; a manager's own by default), due_on (optional)}. */
export type JobNew = Schemas['JobNew'];

/** A payment's receipt (供热费收据, R-BILL-1): GET /api/v1/payments/{id}/receipt
 * (src/app/http/bills.cpp, services/receipt_service.hpp). Money is yuan as a string with two
 * decimals ("1000.00"); `outstanding` is what is left of the fee after this payment, null for a
 * payment without a fee. */
export interface Receipt {
  number: string;
  payment_id: number;
  company_code: string;
  company_name: string;
  licence_no: string | null;
  household_id: number;
  household_code: string;
  address: string | null;
  /** The year the season starts: 2026 for 2026–2027. */
  season: number;
  fee_id: number | null;
  fee: string | null;
  amount: string;
  /** The amount in Chinese capitals (大写), e.g. 壹仟元整. */
  amount_capitals: string;
  /** RFC 3339, as recorded. */
  paid_at: string;
  method: Schemas['payment']['method'] | string;
  /** The channel's reference: a bank slip, WeChat or Alipay transaction number; "" for none. */
  reference: string;
  outstanding: string | null;
}

// ---- Arrears and reminders (欠费催缴, R-BILL-1; W 9.2.2) -----------------------------------------
// GET /api/v1/arrears[?company=&household=&season=&cursor=&limit=] (overdue fees still owed, the
// newest fee first), GET /api/v1/arrears/{fee_id} (any fee in scope, even paid: outstanding
// "0.00"), POST /api/v1/arrears/{fee_id}/reminders and POST /api/v1/arrears/{fee_id}/stop
// (src/app/http/arrears.cpp, rules/arrears.hpp). Written by hand, bodies and answers alike, until
// the OpenAPI document has these routes' schemas. Money is yuan as a string with two decimals.

/** notice 张贴告知 and letter 催费函: delivered by hand, recorded by the hall with their proof;
 * sms 短信 and wechat 微信: sent by the platform (the notifications outbox). */
export type ReminderChannel = 'notice' | 'sms' | 'wechat' | 'letter';

/** recorded: a notice or letter the hall recorded with its proof; pending: queued for the gateway;
 * delivered: the gateway took it; failed: the gateway refused it, being retried. */
export type ReminderDelivery = 'recorded' | 'pending' | 'delivered' | 'failed';

/** remind: record or send a reminder (the hall: admin, manager, agent); stop: decide a stop for
 * the arrears (admin, manager). */
export type ArrearsAction = 'remind' | 'stop';

export interface ArrearsReminder {
  id: number;
  channel: ReminderChannel | string;
  /** RFC 3339: when posted (a notice, a letter) or handed to the outbox (an SMS, a WeChat message). */
  sent_at: string;
  sent_by: string;
  content: string;
  /** Where and how a notice or letter was delivered, a photo's reference; null for SMS and WeChat. */
  proof: string | null;
  delivery: ReminderDelivery | string;
  delivered_at: string | null;
  /** The gateway's attempts so far, and its last refusal (SMS, WeChat). */
  attempts: number;
  last_error: string | null;
  /** Whether it counts towards the steps before a stop. */
  proven: boolean;
}

/** GET /api/v1/arrears's items, GET /{fee_id}, and POST /{fee_id}/reminders's answer (201). */
export interface Arrears {
  fee_id: number;
  company_id: number;
  household_id: number;
  household_code: string;
  address: string | null;
  /** The year the season starts: 2026 for 2026–2027. */
  season: number;
  /** YYYY-MM-DD. */
  due_on: string;
  amount: string;
  paid: string;
  outstanding: string;
  /** 0 when not overdue. */
  days_overdue: number;
  heating_status: 'heated' | 'stopped' | string;
  /** Proven reminders on distinct days, and how many the contract asks before a stop (default 2). */
  reminders_proven: number;
  reminders_needed: number;
  /** Days from the last proven reminder before a stop may take effect (default 7). */
  notice_days: number;
  /** YYYY-MM-DD: the last proven reminder's day; null for none. */
  last_reminded_on: string | null;
  /** YYYY-MM-DD: the first day a stop may take effect; null until enough reminders are proven. */
  may_stop_from: string | null;
  /** The heating change (a stop) already decided for these arrears. */
  stop_heating_change_id: number | null;
  /** What the caller may do now: the buttons come from here. */
  actions: Array<ArrearsAction | string>;
  /** Newest first. */
  reminders: ArrearsReminder[];
}

/** POST /api/v1/arrears/{fee_id}/reminders. proof is required for a notice and a letter; sent_at
 * (RFC 3339 with offset; default now) only for them. content is optional: for an SMS or a WeChat
 * message the server writes the standard text (the amount owed and the due date) when it is left
 * out. */
export interface ArrearsReminderNew {
  channel: ReminderChannel;
  content?: string;
  proof?: string;
  sent_at?: string;
}

/** POST /api/v1/arrears/{fee_id}/stop (admin, manager): answers 201 with the heating change (kind
 * stop, state approved, arrears_fee_id set); 409 failed_precondition naming reminders (too few
 * proven) or effective (before today or before may_stop_from). */
export interface ArrearsStopNew {
  /** YYYY-MM-DD. */
  effective: string;
  note?: string;
}

/** A tariff's price notice (调价通知, W 9.2.1 热费价格调整时，应及时告知热用户): what every household
 * of the company billed on the tariff's basis was told through 消息通知, once
 * (src/app/http/price_notices.cpp, NoticeJson). GET /api/v1/price-notices's items (newest first),
 * GET /api/v1/tariffs/{id}/notice (404 while not announced), and POST /api/v1/tariffs/{id}/notice's
 * 201 (admin, manager; 409 naming tariff when announced before). */
export interface PriceNotice {
  id: number;
  tariff_id: number;
  company_id: number;
  billing: TariffBilling | string;
  /** Yuan, two decimals ("28.00"): per m² per season by area, per GJ by meter. */
  price: string;
  /** YYYY-MM-DD: the tariff's first day. */
  valid_from: string;
  /** What the households were told. */
  text: string;
  /** How many households were told. */
  households: number;
  /** RFC 3339. */
  announced_at: string;
  announced_by: string;
  /** Told on or after valid_from. */
  late: boolean;
}
