import type { LicenceFlag } from '../../api/types';
import { byCompanyId, compareFlags, crossCompany, districtText, licenceQuery, licenceSummary, readCompany, writeCompany } from './logic';

const flag = (company_id: number, building_id: number, over: Partial<LicenceFlag> = {}): LicenceFlag => ({
  company_id,
  building_id,
  building_code: `B-${building_id}`,
  community: '金海湾小区',
  district_id: 3,
  district_code: 'weihai-huancui',
  district_name: '环翠区',
  households: 10,
  heated_households: 8,
  outage_ids: [],
  work_orders: 1,
  connection_applications: 0,
  ...over,
});

describe('licence logic', () => {
  it('lets the admin and the regulator filter by company, staff not', () => {
    expect(crossCompany('admin')).toBe(true);
    expect(crossCompany('regulator')).toBe(true);
    expect(crossCompany('manager')).toBe(false);
    expect(crossCompany('agent')).toBe(false);
    expect(crossCompany(undefined)).toBe(false);
  });

  it('reads and writes the company of the URL, an id only', () => {
    expect(readCompany(new URLSearchParams('company=3'))).toBe('3');
    expect(readCompany(new URLSearchParams('company=0'))).toBe('');
    expect(readCompany(new URLSearchParams('company=x'))).toBe('');
    expect(readCompany(new URLSearchParams(''))).toBe('');
    expect(writeCompany('3').toString()).toBe('company=3');
    expect(writeCompany('').toString()).toBe('');
  });

  it('sends the company only for the roles that may name one', () => {
    expect(licenceQuery('3', true)).toEqual({ company: '3' });
    expect(licenceQuery('', true)).toEqual({ company: undefined });
    expect(licenceQuery('3', false)).toEqual({ company: undefined });
  });

  it('sums the buildings, households and orders, and counts each stop once', () => {
    expect(licenceSummary([])).toEqual({ buildings: 0, households: 0, heated: 0, outages: 0, workOrders: 0 });
    expect(
      licenceSummary([
        flag(1, 17, { households: 120, heated_households: 110, outage_ids: [4, 9], work_orders: 12 }),
        flag(1, 18, { households: 80, heated_households: 80, outage_ids: [9], work_orders: 5 }),
        flag(2, 40, { households: 30, heated_households: 0, outage_ids: [], work_orders: 0 }),
      ]),
    ).toEqual({ buildings: 3, households: 230, heated: 190, outages: 2, workOrders: 17 });
  });

  it('orders by company, then building', () => {
    const items = [flag(9, 40), flag(3, 18), flag(3, 17)];
    expect([...items].sort(byCompanyId).map((f) => f.building_id)).toEqual([17, 18, 40]);
    const label = (id: number) => (id === 9 ? 'a-heat' : 'z-heat');
    expect([...items].sort((a, b) => compareFlags(a, b, label)).map((f) => f.building_id)).toEqual([40, 17, 18]);
    // Building codes with numbers in order: B-2 before B-10.
    expect([flag(1, 1, { building_code: 'B-10' }), flag(1, 2, { building_code: 'B-2' })].sort((a, b) => compareFlags(a, b, String)).map((f) => f.building_code)).toEqual(['B-2', 'B-10']);
  });

  it('names a district with its code', () => {
    expect(districtText({ district_id: 3, district_name: '环翠区', district_code: 'weihai-huancui' })).toBe('环翠区（weihai-huancui）');
    expect(districtText({ district_id: 3, district_name: '', district_code: 'weihai-huancui' })).toBe('weihai-huancui');
    expect(districtText({ district_id: 3, district_name: '', district_code: '' })).toBe('#3');
  });
});
