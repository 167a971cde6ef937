// Fixtures for the arrears page's tests (Arrears.test.tsx): three fees in arrears as the server
// answers them, and a signed-in role whose GETs answer them; the page renders in the console's
// providers as the bill pages' do (bills/testing).
import { api, setToken } from '../../api/client';
import type { Arrears, ArrearsReminder } from '../../api/types';
import type { Me, Role } from '../../auth';

export { renderPage, where } from '../bills/testing';

/** A notice posted on the household's door, recorded by the hall with its proof: proven. */
export function postedNotice(): ArrearsReminder {
  return {
    id: 41,
    channel: 'notice',
    sent_at: '2026-11-20T09:30:00+08:00',
    sent_by: 'agent-wang',
    content: '',
    proof: '3 号楼 2 单元门口公告栏，照片 IMG_20261120_01',
    delivery: 'recorded',
    delivered_at: null,
    attempts: 0,
    last_error: null,
    proven: true,
  };
}

/** An SMS the gateway keeps refusing: not proven. */
export function failedSms(): ArrearsReminder {
  return {
    id: 42,
    channel: 'sms',
    sent_at: '2026-11-25T10:00:00+08:00',
    sent_by: 'agent-wang',
    content: '您户 2026–2027 采暖季热费尚欠 1639.80 元，缴费期限 2026-11-15，请尽快缴清。',
    proof: null,
    delivery: 'failed',
    delivered_at: null,
    attempts: 3,
    last_error: '短信网关超时',
    proven: false,
  };
}

/** ¥2,639.80 due, ¥1,000.00 paid, ¥1,639.80 owed, 20 days overdue; one proven reminder of two. */
export function owing(): Arrears {
  return {
    fee_id: 17,
    company_id: 1,
    household_id: 5,
    household_code: '1-2-301',
    address: '威海市环翠区文化西路 12 号 1-2-301',
    season: 2026,
    due_on: '2026-11-15',
    amount: '2639.80',
    paid: '1000.00',
    outstanding: '1639.80',
    days_overdue: 20,
    heating_status: 'heated',
    reminders_proven: 1,
    reminders_needed: 2,
    notice_days: 7,
    last_reminded_on: '2026-11-20',
    may_stop_from: null,
    stop_heating_change_id: null,
    actions: ['remind'],
    reminders: [failedSms(), postedNotice()],
  };
}

/** Both steps proven: a stop may take effect from 2026-12-04 (the manager is offered it). */
export function readyToStop(): Arrears {
  return {
    ...owing(),
    fee_id: 16,
    household_id: 6,
    household_code: '1-2-302',
    address: '威海市环翠区文化西路 12 号 1-2-302',
    amount: '2419.30',
    paid: '0.00',
    outstanding: '2419.30',
    days_overdue: 35,
    reminders_proven: 2,
    last_reminded_on: '2026-11-27',
    may_stop_from: '2026-12-04',
    actions: ['remind', 'stop'],
    reminders: [{ ...postedNotice(), id: 43, channel: 'letter', sent_at: '2026-11-27T15:00:00+08:00', proof: '挂号信 XA123456789CN' }, postedNotice()],
  };
}

/** Heat stopped for arrears by heating change #2; nothing offered to the caller. */
export function stoppedForArrears(): Arrears {
  return {
    ...readyToStop(),
    fee_id: 15,
    household_id: 7,
    household_code: '1-2-401',
    address: null,
    season: 2025,
    due_on: '2025-11-15',
    amount: '643.20',
    paid: '100.00',
    outstanding: '543.20',
    days_overdue: 400,
    heating_status: 'stopped',
    stop_heating_change_id: 2,
    actions: [],
  };
}

/** `extra`: other GETs' answers by path (a heating change), or a function answering each time (the
 * arrears as they are after a stop). */
export function signedIn(role: Role, items: Arrears[], extra: Record<string, unknown> = {}) {
  const me: Me = { user_id: 9, username: role, role, company_id: role === 'regulator' || role === 'admin' ? null : 1, household_id: null };
  setToken('token');
  return vi.spyOn(api, 'get').mockImplementation(async (path: string) => {
    if (path === '/api/v1/auth/me') return me;
    if (path in extra) {
      const answer = extra[path];
      return typeof answer === 'function' ? answer() : answer;
    }
    if (path === '/api/v1/arrears') return { items, next_cursor: null };
    const one = items.find((a) => path === `/api/v1/arrears/${a.fee_id}`);
    if (one) return one;
    if (path === '/api/v1/companies') return { items: [{ id: 1, code: 'weihai-heat', name: '威海热电' }], next_cursor: null };
    throw new Error(`unexpected GET ${path}`);
  });
}
