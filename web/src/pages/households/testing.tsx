// Fixtures for the households page's tests (Households.test.tsx): a household, a households
// import's job as GET /api/v1/jobs/7 answers it, a signed-in role whose GETs answer them, and the
// import's POST (a raw text/csv body, through fetch) answered as the server would.
import { api, setToken } from '../../api/client';
import type { Household, Job } from '../../api/types';
import type { Me, Role } from '../../auth';

export const COMPANY = { id: 1, code: 'weihai-heat', name: '威海热电' };

export const CSV = [
  'building,partition,code,address,area_m2,floor,orientation,billing,agreed_temp,heating_status,phone,id_number,rooms',
  'B-01,U1,H-0101,1-101,85.55,1,sun,area,18.0,heated,13812345678,370602199001011234,bedroom:主卧;living:客厅',
  '',
].join('\n');

export function household(): Household {
  return {
    id: 5,
    company_id: 1,
    code: '1-2-301',
    address: '威海市环翠区 1 号楼 2 单元 301',
    phone: '13800001234',
    area_m2: 98.5,
    floor: 3,
    billing: 'area',
    heating_status: 'heated',
  } as unknown as Household;
}

/** The import's job (id 7): running as the POST answers it, unless `over` says. */
export function importJob(over: Partial<Job> = {}): Job {
  return {
    id: 7,
    kind: 'household-import',
    company_id: 1,
    params: {} as Job['params'],
    state: 'running',
    done: 0,
    total: 0,
    percent: 0,
    started_by: 'manager',
    started_at: '2026-12-05T10:00:00+08:00',
    updated_at: '2026-12-05T10:00:00+08:00',
    finished_at: null,
    result: null,
    error: null,
    ...over,
  };
}

/** `jobs`: what GET /api/v1/jobs/7 answers in turn (the last one again). */
/** Signed in as `role`; GET /api/v1/jobs/7 answers `jobs` in turn, the last one from then on. With
 * `gate`, it answers the first one for as long as the gate is shut, so that a test sees the
 * running state however slowly the page renders, then the rest once it opens. */
export function signedIn(role: Role, jobs: Job[] = [], gate?: { open: boolean }) {
  let polled = 0;
  const me: Me = { user_id: 9, username: role, role, company_id: role === 'regulator' || role === 'admin' ? null : 1, household_id: null };
  setToken('token');
  return vi.spyOn(api, 'get').mockImplementation(async (path: string) => {
    if (path === '/api/v1/auth/me') return me;
    if (path === '/api/v1/households') return { items: [household()], next_cursor: null };
    // A company's staff read their own company only.
    if (path === '/api/v1/companies') return { items: role === 'admin' ? [COMPANY, { id: 2, code: 'rongcheng', name: '荣成热力' }] : [COMPANY], next_cursor: null };
    if (path === '/api/v1/jobs/7' && jobs.length > 0) {
      if (gate && !gate.open) return jobs[0];
      return jobs[Math.min(gate ? 1 + polled++ : polled++, jobs.length - 1)];
    }
    throw new Error(`unexpected GET ${path}`);
  });
}

/** The import's POST answered with `status` and `body` (a job, or {"error": …}); the calls kept. */
export function stubImportPost(status: number, body: unknown) {
  const fetchMock = vi.fn(async (url: string, init: RequestInit) => {
    if (init.method !== 'POST') throw new Error(`unexpected ${init.method} ${url}`);
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/** A CSV file as the picker gives it; jsdom's File has no text(), so it is given here. */
export function csvFile(text: string = CSV, name = 'households.csv'): File {
  const file = new File([text], name, { type: 'text/csv' });
  Object.defineProperty(file, 'text', { value: async () => text });
  return file;
}
