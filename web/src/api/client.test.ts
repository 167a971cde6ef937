import { ApiError, dispositionName, download, setToken } from './client';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  setToken(null);
});

describe('dispositionName', () => {
  it("reads the file name of a Content-Disposition, else null", () => {
    expect(dispositionName('attachment; filename="regulator-companies-2026-11.xlsx"')).toBe('regulator-companies-2026-11.xlsx');
    expect(dispositionName('attachment; filename=report.xlsx')).toBe('report.xlsx');
    expect(dispositionName("attachment; filename=\"a.xlsx\"; filename*=UTF-8''%E6%8A%A5%E8%A1%A8.xlsx")).toBe('报表.xlsx');
    expect(dispositionName('attachment')).toBeNull();
    expect(dispositionName(null)).toBeNull();
  });
});

describe('download', () => {
  it("fetches with the session's token and hands the file to the browser under the server's name", async () => {
    setToken('secret-token');
    const fetchMock = vi.fn(
      async () =>
        new Response(new Uint8Array([0x50, 0x4b, 3, 4]), {
          status: 200,
          headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Content-Disposition': 'attachment; filename="regulator-companies-2026-11.xlsx"' },
        }),
    );
    vi.stubGlobal('fetch', fetchMock);
    // jsdom has no object URLs: these stand in, put back after.
    const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
    const created: Blob[] = [];
    const revoked: string[] = [];
    URL.createObjectURL = (b: Blob) => (created.push(b), 'blob:x');
    URL.revokeObjectURL = (u: string) => void revoked.push(u);
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    let name: string;
    try {
      name = await download('/api/v1/regulator/companies', { month: '2026-11', policy: undefined, pool_fen: 100000, format: 'xlsx' }, 'fallback.xlsx');
      vi.runAllTimers();
    } finally {
      vi.useRealTimers();
      URL.createObjectURL = original.create;
      URL.revokeObjectURL = original.revoke;
    }
    expect(name).toBe('regulator-companies-2026-11.xlsx');
    expect(revoked).toEqual(['blob:x']);
    // The link is gone from the page.
    expect(document.querySelector('a[download]')).toBeNull();
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/regulator/companies?month=2026-11&pool_fen=100000&format=xlsx');
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer secret-token');
    expect(created).toHaveLength(1);
    expect(created[0].size).toBe(4);
    expect(clicked).toEqual(['regulator-companies-2026-11.xlsx']);
  });

  it("rejects with the server's error body", async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ error: { code: 'invalid_argument', message: 'name the profile', field: 'policy' } }), { status: 400, headers: { 'Content-Type': 'application/json' } })),
    );
    const e = await download('/api/v1/regulator/companies', { month: '2026-11', format: 'xlsx' }, 'x.xlsx').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).status).toBe(400);
    expect((e as ApiError).field).toBe('policy');
    expect((e as ApiError).message).toBe('name the profile');
  });
});
