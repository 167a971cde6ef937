import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError } from './client';
import { useDownload } from './useDownload';

afterEach(() => vi.restoreAllMocks());

describe('useDownload', () => {
  it('shows which export is under way, and none once it is done', async () => {
    let finish: (name: string) => void = () => {};
    const download = vi.spyOn(api, 'download').mockImplementation(() => new Promise<string>((res) => (finish = res)));
    const hook = renderHook(() => useDownload<'csv' | 'xlsx'>());
    let started: Promise<void> = Promise.resolve();
    act(() => {
      started = hook.result.current.start('xlsx', '/api/v1/x', { format: 'xlsx' }, 'x.xlsx');
    });
    expect(hook.result.current.busy).toBe('xlsx');
    expect(download).toHaveBeenCalledWith('/api/v1/x', { format: 'xlsx' }, 'x.xlsx');
    await act(async () => {
      finish('x.xlsx');
      await started;
    });
    expect(hook.result.current.busy).toBeNull();
    expect(hook.result.current.error).toBeNull();
  });

  it('keeps what a refused export threw until the next one starts or it is cleared', async () => {
    const refusal = new ApiError(400, 'invalid_argument', 'format must be csv or xlsx', 'format');
    vi.spyOn(api, 'download').mockRejectedValueOnce(refusal).mockResolvedValueOnce('x.csv').mockRejectedValueOnce(refusal);
    const hook = renderHook(() => useDownload<'csv'>());
    await act(() => hook.result.current.start('csv', '/api/v1/x', undefined, 'x.csv'));
    expect(hook.result.current.error).toBe(refusal);
    expect(hook.result.current.busy).toBeNull();
    await act(() => hook.result.current.start('csv', '/api/v1/x', undefined, 'x.csv'));
    expect(hook.result.current.error).toBeNull();
    await act(() => hook.result.current.start('csv', '/api/v1/x', undefined, 'x.csv'));
    expect(hook.result.current.error).toBe(refusal);
    act(() => hook.result.current.clear());
    expect(hook.result.current.error).toBeNull();
  });
});
