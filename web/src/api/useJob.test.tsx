import { act, renderHook } from '@testing-library/react';
import { translate } from '../i18n';
import { explainedJobError, interrupted, jobFailureText } from '../components/jobFailure';
import { api, ApiError } from './client';
import type { Job } from './types';
import { JobFailed, POLL_MS, useJob } from './useJob';

const job = (over: Partial<Job> = {}): Job => ({
  id: 7,
  kind: 'refund-run',
  company_id: 3,
  params: {} as Job['params'],
  state: 'running',
  done: 0,
  total: 0,
  percent: 0,
  started_by: 'li',
  started_at: '2026-03-16T08:00:00+08:00',
  updated_at: '2026-03-16T08:00:00+08:00',
  finished_at: null,
  result: null,
  error: null,
  ...over,
});

const zh = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('zh-CN', key, vars);

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** Lets the timers run `ms` and the answers they bring settle inside act(). */
const elapse = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

describe('useJob', () => {
  it('starts a job, follows it about once a second (running 40%, then succeeded) and stops polling once it ended', async () => {
    const post = vi.spyOn(api, 'post').mockResolvedValue(job());
    const summary = { season: 2025, households: 100 };
    const get = vi
      .spyOn(api, 'get')
      .mockResolvedValueOnce(job({ done: 40, total: 100, percent: 40 }))
      .mockResolvedValueOnce(job({ state: 'succeeded', done: 100, total: 100, percent: 100, result: summary as unknown as Job['result'] }));
    const hook = renderHook(() => useJob<typeof summary>());
    expect(hook.result.current.running).toBe(false);

    let answer: Promise<typeof summary> | undefined;
    act(() => {
      answer = hook.result.current.run({ kind: 'refund-run', season: 2025 });
    });
    const settled = vi.fn();
    void answer!.then(settled);
    await elapse(0);
    expect(post).toHaveBeenCalledWith('/api/v1/jobs', { kind: 'refund-run', season: 2025 });
    expect(hook.result.current.running).toBe(true);
    expect(hook.result.current.job?.percent).toBe(0);
    expect(get).not.toHaveBeenCalled();

    await elapse(POLL_MS);
    expect(get).toHaveBeenCalledTimes(1);
    expect(get).toHaveBeenCalledWith('/api/v1/jobs/7', undefined, expect.any(AbortSignal));
    expect(hook.result.current.job).toMatchObject({ state: 'running', done: 40, total: 100, percent: 40 });
    expect(hook.result.current.running).toBe(true);
    expect(settled).not.toHaveBeenCalled();

    await elapse(POLL_MS);
    expect(get).toHaveBeenCalledTimes(2);
    await expect(answer).resolves.toEqual(summary);
    expect(hook.result.current.running).toBe(false);
    expect(hook.result.current.job?.percent).toBe(100);

    await elapse(10 * POLL_MS);
    expect(get).toHaveBeenCalledTimes(2);
  });

  it('rejects with the failed job\'s error, its field kept, for a form to put where a refusal goes', async () => {
    vi.spyOn(api, 'post').mockResolvedValue(job({ kind: 'billing-run' }));
    const error = { code: 'failed_precondition', message: 'no approved tariff valid on 2026-11-15', field: 'tariff' };
    const get = vi.spyOn(api, 'get').mockResolvedValue(job({ kind: 'billing-run', state: 'failed', done: 3, total: 10, percent: 30, error }));
    const hook = renderHook(() => useJob());
    let answer: Promise<unknown> | undefined;
    act(() => {
      answer = hook.result.current.run({ kind: 'billing-run', season: 2026, company_id: 1 });
    });
    const caught = answer!.catch((e: unknown) => e);
    await elapse(POLL_MS);
    const e = await caught;
    expect(e).toBeInstanceOf(JobFailed);
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({ status: 409, code: 'failed_precondition', field: 'tariff', message: error.message });
    expect(interrupted(e)).toBe(false);
    expect(jobFailureText(zh, e)).toBe(error.message);
    expect(hook.result.current.running).toBe(false);
    expect(hook.result.current.job?.state).toBe('failed');
    await elapse(5 * POLL_MS);
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('says an interrupted job may be started again', async () => {
    vi.spyOn(api, 'post').mockResolvedValue(job());
    const error = { code: 'unavailable', message: 'the run stopped reporting progress', field: null };
    vi.spyOn(api, 'get').mockResolvedValue(job({ state: 'interrupted', error }));
    const hook = renderHook(() => useJob());
    let caught: Promise<unknown> | undefined;
    act(() => {
      caught = hook.result.current.run({ kind: 'refund-run', season: 2025 }).catch((e: unknown) => e);
    });
    await elapse(POLL_MS);
    const e = await caught;
    expect(interrupted(e)).toBe(true);
    expect(e).toMatchObject({ status: 503, field: undefined });
    expect(jobFailureText(zh, e)).toBe(`任务已中断（服务器停止运行），可以重新开始。${error.message}`);
  });

  it('rejects a refused start at once, and names a run of the kind already running', async () => {
    const refusal = new ApiError(409, 'conflict', 'a billing-run is already running (job 5)', 'kind');
    vi.spyOn(api, 'post').mockRejectedValue(refusal);
    const get = vi.spyOn(api, 'get');
    const hook = renderHook(() => useJob());
    let caught: Promise<unknown> | undefined;
    act(() => {
      caught = hook.result.current.run({ kind: 'billing-run', season: 2026 }).catch((e: unknown) => e);
    });
    await elapse(0);
    expect(await caught).toBe(refusal);
    expect(hook.result.current.running).toBe(false);
    const explained = explainedJobError(zh, refusal) as ApiError;
    expect(explained.message).toBe('同类任务正在运行，请等它结束后再试。a billing-run is already running (job 5)');
    expect(explained.field).toBe('kind');
    await elapse(3 * POLL_MS);
    expect(get).not.toHaveBeenCalled();
  });

  it('asks again after a busy server, and stops polling once unmounted', async () => {
    vi.spyOn(api, 'post').mockResolvedValue(job());
    const get = vi
      .spyOn(api, 'get')
      .mockRejectedValueOnce(new ApiError(503, 'unavailable', 'busy'))
      .mockResolvedValue(job({ done: 5, total: 50, percent: 10 }));
    const hook = renderHook(() => useJob());
    const settled = vi.fn();
    act(() => {
      hook.result.current.run({ kind: 'refund-run', season: 2025 }).then(settled, settled);
    });
    await elapse(POLL_MS);
    expect(get).toHaveBeenCalledTimes(1);
    expect(hook.result.current.running).toBe(true);
    await elapse(POLL_MS);
    expect(get).toHaveBeenCalledTimes(2);
    expect(hook.result.current.job?.percent).toBe(10);

    hook.unmount();
    await elapse(10 * POLL_MS);
    expect(get).toHaveBeenCalledTimes(2);
    expect(settled).not.toHaveBeenCalled();
  });
});
