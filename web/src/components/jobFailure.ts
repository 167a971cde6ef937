// What a page says when a long run (a job, api/useJob.ts) did not give its result: an interrupted
// job may be started again; a refused start names why (409 naming kind: one of the kind runs
// already for the company; 429: the server runs as many as it takes); else the API's message.
import { ApiError, errorText } from '../api/client';
import { JobFailed } from '../api/useJob';
import type { Translate } from '../i18n';

export function jobFailureText(t: Translate, e: unknown): string {
  const message = errorText(e);
  if (e instanceof JobFailed && e.job.state === 'interrupted') return t('job.interrupted', { message });
  if (e instanceof JobFailed || !(e instanceof ApiError)) return message;
  if (e.status === 409 && e.field === 'kind') return t('job.alreadyRunning', { message });
  if (e.status === 429) return t('job.busy', { message });
  return message;
}

/** Whether the job was interrupted (its server stopped): it may be started again. */
export function interrupted(e: unknown): boolean {
  return e instanceof JobFailed && e.job.state === 'interrupted';
}

/** The error with jobFailureText's words for its message, the rest kept (the field at fault), for
 * a form that puts a refusal on its field and above it (outages/useServerSubmit.ts). */
export function explainedJobError(t: Translate, e: unknown): unknown {
  if (!(e instanceof ApiError)) return e;
  const text = jobFailureText(t, e);
  return text === e.message ? e : new ApiError(e.status, e.code, text, e.field, e.retryAfter, e.body);
}
