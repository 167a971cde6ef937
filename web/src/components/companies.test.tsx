import { renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../api/client';
import type { Company } from '../api/types';
import { companyLabel, companyOptions, useCompanies } from './companies';

afterEach(() => vi.restoreAllMocks());

const zibo = { id: 3, code: 'ZB01', name: '淄博热力' } as Company;
const weihai = { id: 7, code: 'WH02', name: '威海热电' } as Company;

describe('companies', () => {
  it('names a company by its code, then its name, and makes a form option of it', () => {
    expect(companyLabel(zibo)).toBe('ZB01 淄博热力');
    expect(companyOptions([zibo, weihai])).toEqual([
      { value: 3, label: 'ZB01 淄博热力' },
      { value: 7, label: 'WH02 威海热电' },
    ]);
  });

  it('loads every company once enabled, and names one not loaded by its id', async () => {
    const get = vi.spyOn(api, 'get').mockResolvedValue({ items: [zibo, weihai], next_cursor: null });
    const hook = renderHook(({ on }) => useCompanies(on), { initialProps: { on: false } });
    expect(get).not.toHaveBeenCalled();
    expect(hook.result.current.loaded).toBe(false);
    expect(hook.result.current.nameOf(3)).toBe('#3');
    hook.rerender({ on: true });
    await waitFor(() => expect(hook.result.current.loaded).toBe(true));
    expect(get).toHaveBeenCalledWith('/api/v1/companies', { limit: 1000 }, expect.anything());
    expect(hook.result.current.list).toEqual([zibo, weihai]);
    expect(hook.result.current.nameOf(7)).toBe('WH02 威海热电');
    expect(hook.result.current.nameOf(9)).toBe('#9');
  });
});
