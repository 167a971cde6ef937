import { fireEvent, screen, within } from '@testing-library/react';
import { api, setToken } from '../../api/client';
import type { ContractVersion } from '../../api/types';
import { translate } from '../../i18n';
import { renderPage } from '../bills/testing';
import ContractVersions, { agreedTempText, billingText, newestFirst } from './ContractVersions';

// antd renders asynchronously; on a busy machine (a C++ build beside) it can take seconds.
const SLOW = { timeout: 8000 };
vi.setConfig({ testTimeout: 30000 });
afterEach(() => {
  vi.restoreAllMocks();
  setToken(null);
});

const version = (id: number, valid_until: string, over: Partial<ContractVersion> = {}): ContractVersion => ({
  id,
  household_id: 5,
  valid_until,
  agreed_temp: null,
  billing: 'area',
  contract: null,
  ...over,
});

/** Kept as the server keeps them, oldest first: agreed 20 °C by area until 2025-12-31, then none
 * agreed by area with terms until 2026-06-30 (the household now billed by meter). */
const VERSIONS: ContractVersion[] = [
  version(3, '2025-12-31', { agreed_temp: 20 }),
  version(8, '2026-06-30', { contract: { quality: '卧室、起居室不低于 18 °C' } as unknown as ContractVersion['contract'] }),
];

function answering(items: ContractVersion[]) {
  return vi.spyOn(api, 'get').mockImplementation(async (path: string) => {
    if (path === '/api/v1/contract_versions') return { items, next_cursor: null };
    throw new Error(`unexpected GET ${path}`);
  });
}

describe('ContractVersions', () => {
  it("lists the household's earlier terms, newest first, with the rule and each version's contract", async () => {
    const get = answering(VERSIONS);
    renderPage(<ContractVersions householdId={5} />, '/households/5');
    const card = await screen.findByTestId('contract-versions', undefined, SLOW);
    expect(card.textContent).toContain('合同版本');
    expect(card.textContent).toContain('合同条款变更时自动留存此前版本；历史日期的供热保证与账单按当日有效的合同判断。');
    const rows = await within(card).findAllByTestId('contract-version', undefined, SLOW);
    expect(get).toHaveBeenCalledWith('/api/v1/contract_versions', { household_id: 5, limit: 100 }, expect.anything());
    for (const head of ['有效至', '约定室温', '计费方式']) expect(within(card).getByText(head)).toBeTruthy();
    expect(rows.map((r) => r.textContent)).toEqual(['2026-06-30无约定按面积', '2025-12-3120.0 °C按面积']);

    fireEvent.click(within(rows[0]).getByRole('button'));
    const terms = await within(card).findByTestId('contract-version-terms', undefined, SLOW);
    expect(terms.textContent).toContain('供热质量');
    expect(terms.textContent).toContain('卧室、起居室不低于 18 °C');
  });

  it('says when the contract never changed', async () => {
    answering([]);
    renderPage(<ContractVersions householdId={5} />, '/households/5');
    const card = await screen.findByTestId('contract-versions', undefined, SLOW);
    await within(card).findByText('合同未变更过', undefined, SLOW);
    expect(within(card).queryByTestId('contract-version')).toBeNull();
  });

  it('orders and words the versions', () => {
    expect(newestFirst([version(1, '2025-01-31'), version(4, '2026-03-01'), version(2, '2026-03-01')]).map((v) => v.id)).toEqual([4, 2, 1]);
    const t = (k: Parameters<typeof translate>[1], v?: Record<string, string | number>) => translate('zh-CN', k, v);
    expect(agreedTempText(t, 20)).toBe('20.0 °C');
    expect(agreedTempText(t, '18.5')).toBe('18.5 °C');
    expect(agreedTempText(t, null)).toBe('无约定');
    expect(billingText(t, 'meter')).toBe('按热计量');
    expect(billingText(t, 'other')).toBe('other');
  });
});
