// The console's one way to the API: JSON over fetch with the session's bearer token. Every
// failure becomes an ApiError carrying the server's error body ({"error":{code,message,field}})
// so that forms can put the message on the field at fault, and 429/503 their Retry-After.
import type { paths } from './schema';

export type { paths };

/** The server's error, as /api answers it (docs: README, "Errors"). */
/** What a call threw, as a person reads it: an ApiError's message is the server's client-safe one. */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field?: string;
  /** Seconds, from Retry-After (429 login throttling, 503 busy). */
  readonly retryAfter?: number;
  /** The whole "error" object, for what some routes add (a measurement's "violations"). */
  readonly body?: Record<string, unknown>;

  constructor(status: number, code: string, message: string, field?: string, retryAfter?: number, body?: Record<string, unknown>) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
    this.retryAfter = retryAfter;
    this.body = body;
  }
}

const TOKEN_KEY = 'hearth.token';

export function getToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function setToken(token: string | null): void {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

/** Called when the server says the session is gone (401): the app goes back to sign-in. */
let onUnauthenticated: () => void = () => {};
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

/** A request's query: undefined and null values are left out. */
export type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

async function errorOf(resp: Response): Promise<ApiError> {
  const retry = resp.headers.get('Retry-After');
  const retryAfter = retry && /^\d+$/.test(retry) ? Number(retry) : undefined;
  try {
    const body = await resp.json();
    const e = body?.error ?? {};
    return new ApiError(resp.status, e.code ?? 'unknown', e.message ?? resp.statusText, e.field, retryAfter, e);
  } catch {
    return new ApiError(resp.status, 'unknown', resp.statusText || `HTTP ${resp.status}`, undefined, retryAfter);
  }
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** A raw body (CSV, a calendar file) with its media type. */
  raw?: { body: BodyInit; contentType: string };
  signal?: AbortSignal;
  /** A public route (/api/v1/public/…): no bearer token is sent, and a refusal never signs out. */
  anonymous?: boolean;
}

/** One API call. Resolves with the parsed JSON (undefined for 204), rejects with ApiError. */
export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = opts.anonymous ? null : getToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (opts.raw) {
    headers['Content-Type'] = opts.raw.contentType;
    body = opts.raw.body;
  } else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  const resp = await fetch(withQuery(path, opts.query), { method, headers, body, signal: opts.signal });
  if (!resp.ok) {
    const err = await errorOf(resp);
    if (resp.status === 401 && token) onUnauthenticated();
    throw err;
  }
  if (resp.status === 204) return undefined as T;
  const type = resp.headers.get('Content-Type') ?? '';
  if (!type.includes('json')) return (await resp.text()) as unknown as T;
  return (await resp.json()) as T;
}

/** The file name a Content-Disposition header gives ("attachment; filename=\"a.xlsx\""), else null. */
export function dispositionName(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // not percent-encoded as it says: the plain filename below
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header);
  return plain ? plain[1].trim() : null;
}

/**
 * A file the API answers (an Excel workbook, ?format=xlsx): fetched with the session's bearer
 * token (a plain link would go without it), then handed to the browser as a download named as
 * the server's Content-Disposition says (else `fallbackName`). Resolves with the name; a refusal
 * rejects with ApiError, as request() does.
 */
export async function download(path: string, query: Query | undefined, fallbackName: string): Promise<string> {
  const headers: Record<string, string> = { Accept: '*/*' };
  const token = getToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  const resp = await fetch(withQuery(path, query), { method: 'GET', headers });
  if (!resp.ok) {
    const err = await errorOf(resp);
    if (resp.status === 401 && token) onUnauthenticated();
    throw err;
  }
  const name = dispositionName(resp.headers.get('Content-Disposition')) ?? fallbackName;
  const url = URL.createObjectURL(await resp.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The browser has taken the file once the click's task is over.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return name;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  /** GET of a public route, without the session's token (the public pages). */
  getPublic: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal, anonymous: true }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  del: <T>(path: string) => request<T>('DELETE', path),
  /** A file download with the session's token (download()). */
  download: (path: string, query: Query | undefined, fallbackName: string) => download(path, query, fallbackName),
};

/** A page of a list route: {"items":[…],"next_cursor":…}. */
export interface Page<T> {
  items: T[];
  next_cursor?: string | number | null;
}
