// 来电建单's pure parts (POST /api/v1/work-orders, schema WorkOrderNew, R-WO-1): the channels
// and categories offered, which channels are hotline platforms (they carry the platform's order
// number, rules/policy.hpp IsHotline), the checks made as the agent types (the server checks
// again), the request body, and the form's fields as the server names them.
import type { components } from '../../api/schema';
import { pickedMs, pickedRfc3339, type Formattable } from '../outages/logic';

export type WorkOrderNew = components['schemas']['WorkOrderNew'];
export type OrderChannel = WorkOrderNew['channel'];
export type OrderCategory = WorkOrderNew['category'];

/** In the order the form offers them (the server's order). */
export const NEW_ORDER_CHANNELS: readonly OrderChannel[] = [
  'phone',
  'city-hotline',
  'provincial-hotline',
  'on-receipt',
  'internet-plus',
  'first-question',
  'urgent',
  'web',
  'hall',
];

export const NEW_ORDER_CATEGORIES: readonly OrderCategory[] = ['heating-quality', 'leak', 'repair', 'billing', 'connection', 'other'];

/** The company's own channels; every other one is a hotline platform's (IsHotline). */
const OWN_CHANNELS: readonly string[] = ['phone', 'web', 'hall'];

export function isHotline(channel: string | undefined | null): boolean {
  return !!channel && !OWN_CHANNELS.includes(channel);
}

/** How far ahead of now a receipt time may be (services/work_order_service.cpp kFutureSlack:
 * clocks of phones and hotline servers). */
export const FUTURE_SLACK_MS = 5 * 60_000;

/** Whether the picked receipt time is later than now by more than the slack (empty: not). */
export function receivedInFuture(v: Formattable | null | undefined, now: number): boolean {
  const ms = pickedMs(v);
  return !Number.isNaN(ms) && ms > now + FUTURE_SLACK_MS;
}

/** A phone as the caller gives it: digits, a leading + and the separators people type (spaces,
 * hyphens, brackets) dropped. */
export function normalPhone(text: string | undefined | null): string {
  return (text ?? '').replace(/[\s\-()（）]/g, '');
}

/** Whether a typed phone is one: 5 to 20 digits (12345, a landline with its area code, a mobile),
 * a leading + allowed. An empty one is fine (the phone is optional). */
export function phoneValid(text: string | undefined | null): boolean {
  const p = normalPhone(text);
  return p === '' || /^\+?\d{5,20}$/.test(p);
}

/** What the agent typed into the household search, when it is a whole phone number: the caller's
 * phone, to fill in. */
export function phoneOfQuery(q: string): string | undefined {
  const p = normalPhone(q.trim());
  return /^\+?\d{7,20}$/.test(p) ? p : undefined;
}

export interface NewOrderValues {
  household?: number | null;
  channel?: OrderChannel;
  external_id?: string;
  received_at?: Formattable | null;
  category?: OrderCategory;
  content?: string;
  caller_phone?: string;
  parent?: number | null;
}

/** POST /api/v1/work-orders's body: texts trimmed, the phone's separators dropped, the household
 * by id, blank optional fields left out (an external_id only for a hotline channel). */
export function newOrderBody(v: NewOrderValues): WorkOrderNew {
  const body: WorkOrderNew = {
    channel: v.channel ?? 'phone',
    received_at: pickedRfc3339(v.received_at) ?? '',
    household: v.household === undefined || v.household === null ? '' : String(v.household),
    category: v.category ?? 'other',
    content: (v.content ?? '').trim(),
  };
  const external = (v.external_id ?? '').trim();
  if (external && isHotline(body.channel)) body.external_id = external;
  const phone = normalPhone(v.caller_phone);
  if (phone) body.caller_phone = phone;
  if (v.parent !== undefined && v.parent !== null && String(v.parent) !== '') body.parent = Number(v.parent);
  return body;
}

/** The form's fields, as the server names them in an error's `field`. */
export const NEW_ORDER_FIELDS = ['channel', 'external_id', 'received_at', 'household', 'category', 'content', 'caller_phone', 'parent'];

/** Whether an order the server answered was stored before this request was sent (a hotline's
 * order number sent again answers 200 with that order): created earlier than the request by more
 * than the clocks' slack. */
export function existedBefore(order: { created_at?: string }, sentAt: number): boolean {
  const at = Date.parse(order.created_at ?? '');
  return !Number.isNaN(at) && at < sentAt - FUTURE_SLACK_MS;
}
