// What each work-order event records (adapters/json/work_order_json.cpp, KeysByType; every event
// also has `at` and an optional `note`), as form fields, and the body the API takes from them.
// Times are typed in Beijing time and sent as RFC 3339.
import { toRfc3339 } from '../measurements/rules';

export type FieldKind = 'text' | 'time' | 'bool' | 'satisfaction' | 'mode' | 'contact' | 'names';

export interface EventField {
  name: string;
  kind: FieldKind;
  required?: boolean;
}

export const EVENT_FIELDS: Record<string, EventField[]> = {
  accept: [],
  respond: [],
  dispatch: [
    { name: 'technician', kind: 'text', required: true },
    { name: 'appointment', kind: 'time' },
  ],
  arrive: [{ name: 'contact_record', kind: 'contact' }],
  repair: [
    { name: 'started_at', kind: 'time' },
    { name: 'result', kind: 'text', required: true },
    { name: 'staff', kind: 'names' },
    { name: 'confirmation', kind: 'contact' },
  ],
  reply: [{ name: 'result', kind: 'text', required: true }],
  return: [
    { name: 'reason', kind: 'text', required: true },
    { name: 'approved_by', kind: 'text', required: true },
    { name: 'seal', kind: 'bool' },
    { name: 'contact_record', kind: 'contact' },
  ],
  extend: [
    { name: 'reason', kind: 'text', required: true },
    { name: 'contact_record', kind: 'contact' },
  ],
  visit: [
    { name: 'mode', kind: 'mode', required: true },
    { name: 'process_satisfaction', kind: 'satisfaction', required: true },
    { name: 'result_satisfaction', kind: 'satisfaction', required: true },
    { name: 'reasonable', kind: 'bool' },
    { name: 'by_manager', kind: 'bool' },
  ],
  close: [],
  reopen: [{ name: 'reason', kind: 'text', required: true }],
};

export interface Contact {
  who?: string;
  how?: string;
  at?: string;
}

export type EventValues = Record<string, unknown> & { at?: string; note?: string };

/** The POST /api/v1/work-orders/{id}/events body of an event of `type` from the form's values. */
export function eventBody(type: string, v: EventValues): Record<string, unknown> {
  const body: Record<string, unknown> = { type, at: toRfc3339(String(v.at ?? '')) };
  if (typeof v.note === 'string' && v.note.trim()) body.note = v.note.trim();
  for (const f of EVENT_FIELDS[type] ?? []) {
    const value = v[f.name];
    switch (f.kind) {
      case 'text':
      case 'mode':
      case 'satisfaction':
        if (typeof value === 'string' && value.trim()) body[f.name] = value.trim();
        break;
      case 'time':
        if (typeof value === 'string' && value.trim()) body[f.name] = toRfc3339(value);
        break;
      case 'bool':
        if (typeof value === 'boolean') body[f.name] = value;
        break;
      case 'names':
        if (typeof value === 'string' && value.trim()) body[f.name] = value.split(/[,，、\s]+/).filter(Boolean);
        break;
      case 'contact': {
        const c = (value ?? {}) as Contact;
        if (c.who?.trim() || c.how?.trim() || c.at?.trim()) {
          body[f.name] = { who: (c.who ?? '').trim(), how: (c.how ?? '').trim(), at: toRfc3339(c.at ?? '') };
        }
        break;
      }
    }
  }
  return body;
}
