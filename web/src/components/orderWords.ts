// The words of work orders (R-WO-*), from the API's names: state, category, channel, deadline,
// event. A name the console does not know yet is shown as the API gives it.
import type { MessageKey, Translate } from '../i18n';
import type { OrderDeadline, WorkOrder } from '../api/types';

const STATES = ['received', 'accepted', 'responded', 'dispatched', 'on-site', 'repaired', 'replied', 'returned', 'visited', 'closed'];
const CATEGORIES = ['heating-quality', 'leak', 'repair', 'billing', 'connection', 'other'];
const CHANNELS = ['city-hotline', 'provincial-hotline', 'on-receipt', 'internet-plus', 'first-question', 'urgent', 'phone', 'web', 'hall'];
const DEADLINES = ['return', 'reply', 'response', 'leak', 'arrival', 'reply_extended', 'return_visit'];
const EVENTS = ['accept', 'respond', 'dispatch', 'arrive', 'repair', 'reply', 'return', 'extend', 'visit', 'close', 'reopen'];

function word(t: Translate, prefix: string, known: string[], name: string): string {
  return known.includes(name) ? t(`${prefix}.${name.replace(/-/g, '_')}` as MessageKey) : name;
}

export const orderState = (t: Translate, s: string) => word(t, 'orderState', STATES, s);
export const orderCategory = (t: Translate, s: string) => word(t, 'orderCategory', CATEGORIES, s);
export const orderChannel = (t: Translate, s: string) => word(t, 'channel', CHANNELS, s);
export const orderDeadline = (t: Translate, s: string) => word(t, 'deadline', DEADLINES, s);
export const orderEvent = (t: Translate, s: string) => word(t, 'orderEvent', EVENTS, s);
export const ORDER_EVENTS = EVENTS;
export const ORDER_STATES = STATES;
export const ORDER_CHANNELS = CHANNELS;

/** The open deadline of an order that falls due first (met and lapsed ones are done). */
/**
 * The events a role may record on an order in a state (rules/work_order.cpp Allowed, and
 * services/work_order_service.cpp MayRecord: a technician arrives and repairs; the regulator and
 * households record none). The server decides again.
 */
export function allowedEvents(role: string, state: string): string[] {
  const byState: Record<string, string[]> = {
    accept: ['received'],
    respond: ['accepted'],
    dispatch: ['responded', 'repaired'],
    arrive: ['dispatched'],
    repair: ['on-site'],
    reply: ['responded', 'repaired'],
    return: ['received', 'accepted'],
    extend: ['accepted', 'responded', 'dispatched', 'on-site', 'repaired'],
    visit: ['replied'],
    close: ['visited', 'returned'],
    reopen: ['closed'],
  };
  const mayRecord = (type: string) =>
    role === 'admin' || role === 'manager' || role === 'agent' || (role === 'technician' && (type === 'arrive' || type === 'repair'));
  return EVENTS.filter((type) => byState[type].includes(state) && mayRecord(type));
}

export function nextDeadline(order: Pick<WorkOrder, 'deadlines'>): { name: string; deadline: OrderDeadline } | undefined {
  let best: { name: string; deadline: OrderDeadline } | undefined;
  for (const [name, d] of Object.entries(order.deadlines)) {
    if (d.met_at) continue;
    if (!best || Date.parse(d.due) < Date.parse(best.deadline.due)) best = { name, deadline: d };
  }
  return best;
}
