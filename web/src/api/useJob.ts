// Long runs as jobs (issue 14): POST /api/v1/jobs starts one (a refund run, a billing run) and
// answers 202 at once; GET /api/v1/jobs/{id} then tells how far it is (done of total, percent)
// and, once it ended, its result or its error. The hook starts a job and follows it about once a
// second until it ends; it stops following when the component goes away (the job itself goes on
// on the server) or when another job is started.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from './client';
import type { Job, JobNew } from './types';

/** How often a running job is asked after. */
export const POLL_MS = 1000;

/** Failed polls in a row tolerated (a busy server's 503, a dropped connection) before giving up. */
export const POLL_RETRIES = 5;

/** The API's error codes (core/result.cpp) as the HTTP status the server gives them. */
const STATUS_OF: Record<string, number> = {
  invalid_argument: 400,
  permission_denied: 403,
  not_found: 404,
  conflict: 409,
  failed_precondition: 409,
  too_many_requests: 429,
  unavailable: 503,
};

/**
 * A job that failed or was interrupted, as the API's error it carries (its code, message and the
 * field at fault), so that a form puts it where an immediate refusal of the same run would go.
 * `job` is the job as it ended: `job.state === 'interrupted'` may be started again.
 */
export class JobFailed extends ApiError {
  readonly job: Job;

  constructor(job: Job) {
    const e = job.error ?? { code: job.state === 'interrupted' ? 'unavailable' : 'internal', message: job.state, field: null };
    super(STATUS_OF[e.code] ?? 500, e.code, e.message, e.field ?? undefined, undefined, { ...e });
    this.name = 'JobFailed';
    this.job = job;
  }
}

/** A poll that may well answer next time: no answer at all, a busy or restarting server. */
function transient(e: unknown): boolean {
  if (!(e instanceof ApiError)) return true;
  return e.status === 429 || e.status === 502 || e.status === 503 || e.status === 504;
}

export interface JobRun<R> {
  /** The job as last read (state, done, total, percent); undefined before one is started. */
  job: Job | undefined;
  /** From the start's POST until the job ends. */
  running: boolean;
  /**
   * Starts a job and follows it. Resolves with its result once it succeeded; rejects with the
   * ApiError of a refused start (400, 403, 404, 409 naming kind: one runs already, 429), a
   * JobFailed once it failed or was interrupted, or the poll's error when the job can no longer
   * be read. Once the component is gone (or another job started), it never settles.
   */
  run: (body: JobNew) => Promise<R>;
  /** Follows a job started before (GET /api/v1/jobs/{id} about once a second), as run() does. */
  follow: (job: Job) => Promise<R>;
}

/** Starts and follows a job whose result is an `R` (a RefundRunSummary, a BillingRun). */
export function useJob<R = unknown>(everyMs: number = POLL_MS): JobRun<R> {
  const [job, setJob] = useState<Job>();
  const [running, setRunning] = useState(false);
  // What the callbacks need to know outside React's state: whether the component is still there,
  // which run is the current one (a newer run or an unmount makes the older one's answers moot),
  // the next poll's timer and the request under way.
  const live = useRef({ mounted: true, generation: 0, timer: undefined as ReturnType<typeof setTimeout> | undefined, abort: undefined as AbortController | undefined });

  const stop = useCallback(() => {
    const l = live.current;
    l.generation += 1;
    clearTimeout(l.timer);
    l.abort?.abort();
    l.timer = undefined;
    l.abort = undefined;
    return l.generation;
  }, []);

  useEffect(() => {
    live.current.mounted = true;
    return () => {
      live.current.mounted = false;
      stop();
    };
  }, [stop]);

  const follow = useCallback(
    (first: Job): Promise<R> => {
      const l = live.current;
      const generation = stop();
      const current = () => l.mounted && l.generation === generation;
      return new Promise<R>((resolve, reject) => {
        let failures = 0;
        const ended = (e: unknown, result?: R) => {
          setRunning(false);
          if (e === undefined) resolve(result as R);
          else reject(e);
        };
        const seen = (j: Job) => {
          setJob(j);
          if (j.state === 'running') {
            l.timer = setTimeout(() => void poll(), everyMs);
          } else if (j.state === 'succeeded') {
            ended(undefined, j.result as unknown as R);
          } else {
            ended(new JobFailed(j));
          }
        };
        const poll = async () => {
          if (!current()) return;
          const abort = new AbortController();
          l.abort = abort;
          let j: Job;
          try {
            j = await api.get<Job>(`/api/v1/jobs/${first.id}`, undefined, abort.signal);
          } catch (e) {
            if (!current()) return;
            failures += 1;
            if (transient(e) && failures <= POLL_RETRIES) l.timer = setTimeout(() => void poll(), everyMs);
            else ended(e);
            return;
          }
          if (!current()) return;
          failures = 0;
          seen(j);
        };
        setRunning(true);
        seen(first);
      });
    },
    [everyMs, stop],
  );

  const run = useCallback(
    async (body: JobNew): Promise<R> => {
      const l = live.current;
      const generation = stop();
      setJob(undefined);
      setRunning(true);
      let started: Job;
      try {
        started = await api.post<Job>('/api/v1/jobs', body);
      } catch (e) {
        if (!l.mounted || l.generation !== generation) return new Promise<R>(() => {});
        setRunning(false);
        throw e;
      }
      if (!l.mounted || l.generation !== generation) return new Promise<R>(() => {});
      return follow(started);
    },
    [follow, stop],
  );

  return { job, running, run, follow };
}
