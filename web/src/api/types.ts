// The API's bodies as the console reads them, by name. Every one is a part of the types generated
// from /api/openapi.json (schema.d.ts, `npm run gen:api`): records, request bodies and each
// route's answer (app/http/openapi_*.cpp). Nothing here is written by hand; a shape the
// console needs that the document lacks is added to the document first.
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
 * Hearth keeps one whenever the agreed temperature, the billing basis or the contract changes. */
export type ContractVersion = Stored<Schemas['contract version']>;
export type MeasurementInput = Schemas['MeasurementInput'];
export type CalendarImport = Schemas['CalendarImport'];

/** A judged day's status (R-TEMP-5). */
export type DayStatus = JudgedDay['status'];

/** A room's part in a day's value (adapters/json/monitoring_json.hpp, RoomSummariesJson). */
export type RoomSummary = Schemas['RoomSummary'];

/** A judged day (src/app/http/days.cpp, DayJson). */
export type JudgedDay = Schemas['JudgedDay'];

/** GET /api/v1/households/{id}/days (days.cpp). */
export type HouseholdDays = Schemas['HouseholdDays'];

/** GET /api/v1/sensors/{code}/readings (readings.cpp): value in °C, ts local RFC 3339. */
export type Reading = Schemas['Reading'];

/** A day of a refund ledger entry (adapters/json/ledger_json.cpp, LedgerDaysJson). */
export type LedgerDay = Schemas['LedgerDay'];

/** How a paid refund was settled (refunds.cpp, RefundEntryToJson's "payout", R-REFUND-6). */
export type RefundPayout = NonNullable<RefundEntry['payout']>;

/** A refund ledger entry (refunds.cpp, RefundEntryToJson). */
export type RefundEntry = Schemas['RefundEntry'];

/** GET /api/v1/calendar (health.cpp, CalendarStatus). */
export type CalendarStatus = Schemas['CalendarStatus'];

/** GET /api/v1/notifications (work_orders.cpp). */
export type Notification = Schemas['Notification'];

/** GET /api/v1/alerts (alerts.cpp, AlertJson): the households' and sensors' alerts, then each
 * company's energy alerts (R-ENERGY-1), which name no household and no sensor (null). */
export type Alert = Schemas['Alert'];

/** GET /api/v1/alerts/unqualified (alerts.cpp). */
export type UnqualifiedHousehold = Schemas['UnqualifiedHousehold'];

/** GET /api/v1/alerts/unqualified's page, with the period it covers (alerts.cpp). */
export type UnqualifiedPage = Schemas['UnqualifiedPage'];

/** GET /api/v1/alerts/cold-now (alerts.cpp). */
export type ColdHousehold = Schemas['ColdHousehold'];

/** A work order's deadline (adapters/json/work_order_json.cpp, DeadlineToJson). */
export type OrderDeadline = Schemas['Deadline'];

/** A work order (work_orders.cpp, HeadJson; the detail adds WorkOrderToJson's fields). */
export type WorkOrder = Schemas['WorkOrder'];

/** An entry of a work order's timeline: a rule event or a system note. */
export type OrderTimelineEntry = Schemas['OrderTimelineEntry'];

/** One work order with its timeline (WorkOrderToJson). */
export type WorkOrderDetail = Schemas['WorkOrderDetail'];

/** An indicator of GET /api/v1/indicators and /api/v1/reports/indicators (reports.cpp). */
export type Indicator = Schemas['Indicator'];

/** GET /api/v1/indicators (and /api/v1/reports/indicators): the live indicators of a period. */
export type IndicatorReport = Schemas['IndicatorReport'];

/** The five service indicators (W 14.4 table 1), in the order the server gives them. */
export type IndicatorRule = Indicator['rule'];

/** An indicator as published (indicators.cpp): `records` is how many records it was computed from. */
export type PublishedIndicator = Schemas['PublishedIndicator'];

/** A company's indicators of a month, published for good (W 14.4.6; indicators.cpp). */
export type IndicatorPublication = Schemas['IndicatorPublication'];

/** POST /api/v1/indicators/publications; `company` for the admin only. */
export type IndicatorPublicationNew = Schemas['IndicatorPublicationNew'];

/** GET /api/v1/indicators/publications/{id}/records: a record's part of an indicator. */
export type IndicatorRecord = Schemas['IndicatorRecord'];

/** A record behind a live indicator (GET /api/v1/indicators/{rule}/records, reports.cpp). */
export type LiveIndicatorRecord = Schemas['LiveIndicatorRecord'];

/** GET /api/v1/audit (api.cpp). */
export type AuditEntry = Schemas['AuditEntry'];

/** A broken rule of a measurement (adapters/json/measurement_json.cpp, ViolationsToJson). */
export type Violation = Schemas['Violation'];

/** A stored measurement (MeasurementToJson). */
export type Measurement = Schemas['Measurement'];

/** A heating stop's kind (rules::OutageKindName). */
export type OutageKind = Outage['kind'];

/** What a stop cuts off, by record id at each level of the network (outages.cpp, OutageJson). */
export type OutageScope = Schemas['OutageScope'];

/** A notice a stop owes (R-OUT-1): advance, emergency or overrun (OutageJson "obligations"). */
export type OutageObligation = Schemas['OutageObligation'];

/** A published notice of a stop (outages.cpp, OutageJson "notices"). */
export type OutageNotice = Schemas['OutageNoticeEntry'];

/** A heating stop (outages.cpp, OutageJson): GET /api/v1/outages lists these without notices. */
export type Outage = Schemas['Outage'];

/** GET /api/v1/outages/{id} and the POST answers: the stop with its notices. */
export type OutageDetail = Schemas['OutageDetail'];

/** A scope reference: a record id or its code. */
export type ScopeRef = NonNullable<OutageNew['scope']['heat_sources']>[number];

// The request bodies, as the server's OpenAPI document states them (generated, never retyped).
/** POST /api/v1/outages. */
export type OutageNew = Schemas['OutageNew'];
/** POST /api/v1/outages/{id}/notices: a later expected_end announces an overrun. */
export type OutageNoticeNew = Schemas['OutageNotice'];
/** POST /api/v1/outages/{id}/end. */
export type OutageEnd = Schemas['OutageEnd'];

/** The fields of an "outage.notice" notification (all strings). */
export type OutageNoticeFields = Schemas['OutageNoticeFields'];

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
export type FindingState = Finding['state'];

/** acknowledge, dispute: the household; uphold, reject: the regulator; withdraw: admin, manager. */
export type FindingActionName = FindingAction['action'];

/** An entry of a finding's history: "record" first, then each action. */
export type FindingHistoryEntry = Schemas['FindingHistoryEntry'];

/** GET /api/v1/findings/{id}, the list's items and the POST answers. */
export type Finding = Schemas['Finding'];


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
export type ClaimState = Claim['state'];

export type ClaimEventType = InsuranceClaimEvent['type'];

/** Why a claim is refused: W 13.6 a–d, or outside the policy's cover (W 13.5). */
export type ClaimExclusion = NonNullable<InsuranceClaimEvent['exclusion']>;

/** A claim's deadline (DeadlineToJson): `late` is met after its due time. */
export type ClaimDeadline = Schemas['Deadline'];

export type ClaimLoss = Schemas['ClaimLoss'];

/** An entry of a claim's history: "record" first, then each event. */
export type ClaimHistoryEntry = Schemas['ClaimHistoryEntry'];

/** GET /api/v1/insurance-claims's items; GET /{id} and the POST answers add `history`. */
export type Claim = Schemas['Claim'];

// ---- A company's public service information (R-INFO-1, W 4.5, W 12.2) -------------------------
// GET /api/v1/public/companies/{code} (src/app/http/public_info.cpp, InfoJson), for anyone
// without signing in; 404 for an unknown code.

/** A procedure, standard, right or duty, with the clause it comes from. */
export type PublicInfoItem = Schemas['PublicInfoItem'];

/** A service number or hall: hotline 客服热线, repair 抢修电话, supervision 监督电话, hall 营业厅. */
export type PublicContact = Schemas['PublicContact'];

/** A licensed district's dates in the season: its own decision, or the policy's defaults. */
export type PublicSeason = Schemas['PublicSeason'];

/** A price in force (yuan, "22.50"), with its unit and approval. */
export type PublicPrice = Schemas['PublicPrice'];

/** GET /api/v1/public/companies/{code} (public_info.cpp). */
export type PublicCompanyInfo = Schemas['PublicCompanyInfo'];

// ---- Energy reserve (R-ENERGY-1, 能源储备, W 6.2) -----------------------------------------------
// The request body and the answers are the generated schemas (energy.cpp).

/** The fuels a company reports; coal, oil and biomass in tonnes, gas in cubic metres. */
export type EnergyFuel = Schemas['EnergyReportNew']['fuel'];

/** "t" (tonnes) or "m3" (cubic metres), as the server answers it. */
export type EnergyUnit = EnergyReport['unit'];

/** POST /api/v1/energy/reports (admin, manager, technician): 201 when new, 200 when it corrects
 * the company's report of the same day and fuel. */
export type EnergyReportNew = Schemas['EnergyReportNew'];

/** A daily dispatch report: the POST's answer and GET /api/v1/energy/reports's items. */
export type EnergyReport = Schemas['EnergyReport'];

/** Consecutive days a fuel's reserve was below the threshold (both days included). */
export type EnergyLowSpell = Schemas['EnergyLowSpell'];

/** A company's flags over the season so far. */
export type EnergyCompanyFlags = Schemas['EnergyCompanyFlags'];

/** GET /api/v1/energy/flags?company=&season=: the season's days so far. */
export type EnergyFlags = Schemas['EnergyFlags'];

// ---- Mass complaints (R-REG-1, 群体投诉预警, Z 3.4) ----------------------------------------------

/** GET /api/v1/complaints/mass's items (src/app/http/mass_complaints.cpp, FlagJson): a
 * community's complaints that reached the threshold in one episode, flagged to the regulator and
 * the company's managers when it happened. Times are RFC 3339 (+08:00). */
export type MassComplaint = Schemas['MassComplaint'];

// ---- The regulator's comparison of companies (R-REG-1, 企业对比 · 补贴份额测算, Z 4.3) --------
// GET /api/v1/regulator/companies (src/app/http/regulator.cpp, ReportJson; admin and regulator
// only).

/** GET /api/v1/policies (policies.cpp): the profiles in force. */
export type PolicyProfile = Schemas['PolicyProfile'];
export type PolicyList = Schemas['PolicyList'];
/** GET /api/v1/policies/{name}: the profile file as JSON (its shape: pages/policies/flatten.ts). */
export type Policy = Schemas['Policy'];

/** The measures a subsidy score weighs, in the order the server gives them. */
export type SubsidyMeasure = SubsidyWeight['measure'];

/** A measure's weight in the scoring profile's [subsidy] table (whole percent, summing to 100). */
export type SubsidyWeight = Schemas['SubsidyWeight'];

/** A company's indicator of the month (regulator.cpp, IndicatorJson). */
export type ComparisonIndicator = Schemas['ComparisonIndicator'];

/** The complaints of one channel (every channel is listed). */
export type ChannelComplaints = Schemas['ChannelComplaints'];

/** A line of a subsidy score: one measure, its points and how they were worked out. */
export type SubsidyScoreLine = Schemas['SubsidyScoreLine'];

/** A company's subsidy score (ScoreJson): the weighted mean of the applicable lines. */
export type SubsidyScore = Schemas['SubsidyScore'];

/** A company's month (CompanyJson). */
export type CompanyComparison = Schemas['CompanyComparison'];

/** GET /api/v1/regulator/companies?month=YYYY-MM[&pool_fen=][&policy=]. */
export type CompanyComparisonReport = Schemas['CompanyComparisonReport'];

// ---- Works outside the licensed service area (R-REG-1, 经营区域核查, Z 3.4) -----------------------
// GET /api/v1/regulator/licence-flags[?company=<id or code>] (src/app/http/regulator.cpp; admin
// and regulator every company's, a company's staff their own, households 403).

/** A building its company serves in a district not (or no longer) licensed to it. */
export type LicenceFlag = Schemas['LicenceFlag'];

/** The answer: by company, then building id. */
export type LicenceFlags = Schemas['LicenceFlags'];

// ---- The season's public announcements (R-SEASON-1, 供热季公告核查, W 5.2.5, W 6.1.1) -----------
// GET /api/v1/regulator/season-flags[?season=<year>][&company=<id or code>]
// (src/app/http/regulator.cpp, SeasonDutiesJson; admin and regulator every company's, a company's
// staff their own, households 403). The announcements themselves are records
// (/api/v1/season_announcements).

export type SeasonAnnouncement = Stored<Schemas['season announcement']>;
/** What is announced: the commissioning (供暖调试) or the start of heating (正式供暖). */
export type AnnouncementKind = Schemas['season announcement']['kind'];
/** Where it was published (W 5.2.5). */
export type AnnouncementChannel = Schemas['season announcement']['channel'];
/** A duty's state: announced a day ahead or earlier, on the day or after, not announced once the
 * day has come, or not announced while the day is still ahead. */
export type DutyStatus = SeasonDuty['status'];

/** One announcement owed for a company's district and season. */
export type SeasonDuty = Schemas['SeasonDuty'];

/** A company's licensed district in the season, with its dates and duties. */
export type SeasonDutyRow = Schemas['SeasonDutyRow'];

/** The answer: by company, then district. */
export type SeasonFlags = Schemas['SeasonFlags'];

// ---- Sampling plans (R-SAMPLE-1..3, 采样方案) -------------------------------------------------
// GET /api/v1/sample-plan?company=<id or code>&seed=<0..2^64−1>[&format=json|csv|xlsx]
// (src/app/http/sample_plans.cpp, PlanJson; adapters/json/sample_plan_json.cpp; manager and
// technician their own company, admin and regulator the company they name, agent and household
// 403; 409 when a building cannot be placed on the network or a floor is missing). The
// generated schemas (src/app/http/openapi_sampling.cpp).

/** A dimension the quotas are set by (R-SAMPLE-2). */
export type SampleDimension = Schemas['SampleShortfall']['dimension'];
/** Where a building sits on its network: 近端 / 中端 / 末端 (20 / 30 / 50 %). */
export type SamplePosition = Schemas['SampledHousehold']['network_position'];
/** 阴面 / 阳面 (60 / 40 %). */
export type SampleOrientation = Schemas['SampledHousehold']['orientation'];
/** 高层 / 中层 / 低层 (30 / 30 / 40 %). */
export type SampleFloorTier = Schemas['SampledHousehold']['floor_tier'];

/** Households by each dimension's value (the quotas, or what the selection achieves). */
export type SampleCounts = Schemas['SampleCounts'];

/** A quota the company's households cannot meet, and by how many (R-SAMPLE-3). */
export type SampleShortfall = Schemas['SampleShortfall'];

/** A household the plan samples. */
export type SampledHousehold = Schemas['SampledHousehold'];

/** The company's plan for a seed: the same seed and records give the same plan. */
export type SamplePlan = Schemas['SamplePlanPreview'];

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
// src/app/http/connections.cpp, ConnectionJson. Bodies and answers are the generated schemas.

export type ConnectionState = Connection['state'];

/** application-form 申请表 (required to apply, W 9.1.4), drawings 设计图纸 (a new building's),
 * retrofit-record 节能改造验收记录 and owners-decision 业主共同决定 (an existing building's, both
 * before approval, Z 2.3 (三)). */
export type ConnectionDocument = Connection['documents'][number];

/** What the service hall (admin, manager, agent) or a decider (admin, manager) may do next. */
export type ConnectionEventType = Connection['actions'][number];

/** POST /api/v1/connections (admin, manager, agent). received_at: not in the future, at most 7
 * days before the server's clock; documents must include the application-form. */
export type ConnectionNew = Schemas['ConnectionNew'];

/** POST /api/v1/connections/{id}/events: supply-documents (the hall; one not yet on file at
 * least), approve (admin, manager), refuse (admin, manager; reason and suggestion), visit (the
 * hall, once decided; note and satisfied). */
export type ConnectionEvent = Schemas['ConnectionEvent'];

/** An entry of an application's history: "apply" first, then each event. */
export type ConnectionHistoryEntry = Schemas['ConnectionHistoryEntry'];

/** GET /api/v1/connections's items; GET /{id} and the POST answers add `history`. */
export type Connection = Schemas['Connection'];

// ---- Heating changes (R-ACCT-1, 增减停复; W 9.1.8) ---------------------------------------------
// src/app/http/heating_changes.cpp, HeatingChangeJson. Bodies and answers are the generated
// schemas.

/** increase 增加面积, decrease 减少面积 (the hall only), stop 停热, resume 复热. */
export type HeatingChangeKind = HeatingChange['kind'];

export type HeatingChangeState = HeatingChange['state'];

/** application-form 申请表 (required to apply), identity 身份证明 and property-proof 产权证明
 * (every kind, before approval), area-survey 面积测绘报告 (an area change, before approval). */
export type HeatingChangeDocument = HeatingChange['documents'][number];

/** supply-documents: the hall (admin, manager, agent); approve (every document on file) and
 * refuse (a reason): admin, manager. */
export type HeatingChangeEventType = HeatingChange['actions'][number];

/** POST /api/v1/heating-changes: the hall any kind for a household of its company, with
 * received_at (at most 7 days ago) and the applicant; a household its own stop or resume, without
 * them. documents must include the application-form; area (m², "100.50") for an area change. */
export type HeatingChangeNew = Schemas['HeatingChangeNew'];
export type BillingRunNew = Schemas['BillingRunNew'];

/** POST /api/v1/heating-changes/{id}/events: supply-documents (documents), approve (a note
 * optional), refuse (reason required, a note optional). */
export type HeatingChangeEvent = Schemas['HeatingChangeEvent'];

/** An approved change's fee, pro rata by the season's official days from the effective day. */
export type HeatingChangeSettlement = Schemas['HeatingChangeSettlement'];

/** GET /api/v1/heating-changes's items, GET /{id}, and the POST answers. */
export type HeatingChange = Schemas['HeatingChange'];

// ---- Heat-meter disputes (R-METER-1, 热计量表争议与检定; W 10.3) ------------------------------------
// src/app/http/meter_disputes.cpp, DisputeJson. Bodies and answers are the generated schemas.

export type MeterDisputeState = MeterDispute['state'];

/** Who raised a dispute (and who may pay its calibration): 住户 or 供热企业. */
export type MeterDisputeParty = MeterDispute['raised_by'];

/** The metrology body's verdict on the meter: 合格 / 不合格. */
export type CalibrationResult = NonNullable<MeterDispute['result']>;

/** calibrate: admin, manager, technician; withdraw: the side that raised it (the household its
 * own, the admin or a manager the company's). */
export type MeterDisputeEventType = MeterDispute['actions'][number];

/** POST /api/v1/meter-disputes. raised_by is required of staff; a household may leave it out (its
 * own) and may raise for household only. 409 naming household: billed by area, no meter. */
export type MeterDisputeNew = Schemas['MeterDisputeNew'];

/** POST /api/v1/meter-disputes/{id}/events: calibrate (the result and the report's reference;
 * the cost in yuan, "300.00", and a note optional) or withdraw (a note optional). */
export type MeterDisputeEvent = Schemas['MeterDisputeEvent'];

/** GET /api/v1/meter-disputes's items, GET /{id}, and the POST answers. */
export type MeterDispute = Schemas['MeterDispute'];

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
export type Receipt = Schemas['Receipt'];

// ---- Arrears and reminders (欠费催缴, R-BILL-1; W 9.2.2) -----------------------------------------
// GET /api/v1/arrears[?company=&household=&season=&cursor=&limit=] (overdue fees still owed, the
// newest fee first), GET /api/v1/arrears/{fee_id} (any fee in scope, even paid: outstanding
// "0.00"), POST /api/v1/arrears/{fee_id}/reminders and POST /api/v1/arrears/{fee_id}/stop
// (src/app/http/arrears.cpp, rules/arrears.hpp). The generated schemas, bodies and answers alike.
// Money is yuan as a string with two decimals.

/** notice 张贴告知 and letter 催费函: delivered by hand, recorded by the hall with their proof;
 * sms 短信 and wechat 微信: sent by the platform (the notifications outbox). */
export type ReminderChannel = ArrearsReminder['channel'];

/** recorded: a notice or letter the hall recorded with its proof; pending: queued for the gateway;
 * delivered: the gateway took it; failed: the gateway refused it, being retried. */
export type ReminderDelivery = ArrearsReminder['delivery'];

/** remind: record or send a reminder (the hall: admin, manager, agent); stop: decide a stop for
 * the arrears (admin, manager). */
export type ArrearsAction = Arrears['actions'][number];

export type ArrearsReminder = Schemas['ArrearsReminder'];

/** GET /api/v1/arrears's items, GET /{fee_id}, and POST /{fee_id}/reminders's answer (201). */
export type Arrears = Schemas['Arrears'];

/** POST /api/v1/arrears/{fee_id}/reminders. proof is required for a notice and a letter; sent_at
 * (RFC 3339 with offset; default now) only for them. content is optional: for an SMS or a WeChat
 * message the server writes the standard text (the amount owed and the due date) when it is left
 * out. */
export type ArrearsReminderNew = Schemas['ReminderNew'];

/** POST /api/v1/arrears/{fee_id}/stop (admin, manager): answers 201 with the heating change (kind
 * stop, state approved, arrears_fee_id set); 409 failed_precondition naming reminders (too few
 * proven) or effective (before today or before may_stop_from). */
export type ArrearsStopNew = Schemas['ArrearsStop'];

/** A tariff's price notice (调价通知, W 9.2.1 热费价格调整时，应及时告知热用户): what every household
 * of the company billed on the tariff's basis was told through 消息通知, once
 * (src/app/http/price_notices.cpp, NoticeJson). GET /api/v1/price-notices's items (newest first),
 * GET /api/v1/tariffs/{id}/notice (404 while not announced), and POST /api/v1/tariffs/{id}/notice's
 * 201 (admin, manager; 409 naming tariff when announced before). */
export type PriceNotice = Schemas['PriceNotice'];
