// The licence check's pure parts (经营区域核查, R-REG-1, Z 3.4): who filters by company, the
// company in the URL and the query it makes, the summary of the flagged buildings (buildings,
// households, distinct stops, orders), the table's orders (by company, then building) and a
// district's words.
import type { Role } from '../../auth';
import type { LicenceFlag } from '../../api/types';

/** The route (admin and regulator every company's, a company's staff their own). */
export const LICENCE_PATH = '/api/v1/regulator/licence-flags';

/** The clause, until the server's answer names it. */
export const LICENCE_BASIS = 'Z 3.4';

const ID = /^[1-9]\d{0,14}$/;

/** The roles that see every company's buildings and filter by one (staff see their own only). */
export function crossCompany(role: Role | undefined): boolean {
  return role === 'admin' || role === 'regulator';
}

/** The URL's company: an id, or '' for every company. */
export function readCompany(params: URLSearchParams): string {
  const company = params.get('company') ?? '';
  return ID.test(company) ? company : '';
}

/** The URL parameters of a company ('' left out). */
export function writeCompany(company: string): URLSearchParams {
  const p = new URLSearchParams();
  if (company) p.set('company', company);
  return p;
}

/** GET /api/v1/regulator/licence-flags's query; `company` only for the roles that may name one
 * (staff are scoped to their own company by the server, and another one is a 403). */
export function licenceQuery(company: string, cross: boolean): Record<string, string | undefined> {
  return { company: cross ? company || undefined : undefined };
}

export interface LicenceSummary {
  /** 区域外楼栋. */
  buildings: number;
  /** 涉及住户: the buildings' households (connections). */
  households: number;
  /** Of those, heated. */
  heated: number;
  /** 涉及停热: the distinct stops (one stop may cut off several buildings). */
  outages: number;
  /** 涉及工单. */
  workOrders: number;
}

export function licenceSummary(items: readonly LicenceFlag[]): LicenceSummary {
  const outages = new Set<number>();
  let households = 0;
  let heated = 0;
  let workOrders = 0;
  for (const i of items) {
    households += i.households;
    heated += i.heated_households;
    workOrders += i.work_orders;
    for (const id of i.outage_ids ?? []) outages.add(id);
  }
  return { buildings: items.length, households, heated, outages: outages.size, workOrders };
}

/** The server's order: by company id, then building id (each company's buildings together). */
export function byCompanyId(a: LicenceFlag, b: LicenceFlag): number {
  return a.company_id - b.company_id || a.building_id - b.building_id;
}

/** The company column's sort: by company (its label: "code name", else "#id"), then building code, then building id. */
export function compareFlags(a: LicenceFlag, b: LicenceFlag, companyLabel: (id: number) => string): number {
  if (a.company_id !== b.company_id) {
    const byLabel = companyLabel(a.company_id).localeCompare(companyLabel(b.company_id), 'zh-CN');
    return byLabel || a.company_id - b.company_id;
  }
  return a.building_code.localeCompare(b.building_code, 'zh-CN', { numeric: true }) || a.building_id - b.building_id;
}

/** A district as the table shows it: "环翠区（weihai-huancui）". */
export function districtText(f: Pick<LicenceFlag, 'district_name' | 'district_code' | 'district_id'>): string {
  const name = f.district_name || f.district_code || `#${f.district_id}`;
  return f.district_code && f.district_code !== name ? `${name}（${f.district_code}）` : name;
}
