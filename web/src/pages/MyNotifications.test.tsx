import { render, screen, waitFor } from '@testing-library/react';
import { api } from '../api/client';
import { I18nProvider } from '../i18n';
import MyNotifications from './MyNotifications';

vi.setConfig({ testTimeout: 30000 });
afterEach(() => vi.restoreAllMocks());

describe('MyNotifications', () => {
  it('shows a heating stop notice as a 停热通知 card, and work-order messages as before', async () => {
    vi.spyOn(api, 'get').mockResolvedValue({
      items: [
        {
          id: 2,
          topic: 'outage.notice',
          order_id: null,
          created_at: '2026-01-05T09:10:00+08:00',
          fields: {
            outage_id: '4',
            kind: 'emergency',
            cause: '主管线爆管抢修',
            start: '2026-01-05T08:00:00+08:00',
            expected_end: '2026-01-05T20:00:00+08:00',
            road_sections: '文化路',
            affected_households: '120',
            text: '请注意保暖',
          },
        },
        { id: 1, topic: 'work-order.received', order_id: 7, created_at: '2026-01-04T10:00:00+08:00', fields: { external_id: 'RX-1' } },
      ],
      next_cursor: null,
    });
    render(
      <I18nProvider locale="zh-CN">
        <MyNotifications />
      </I18nProvider>,
    );
    const card = await screen.findByTestId('outage-notice-card', undefined, { timeout: 8000 });
    const text = card.textContent ?? '';
    for (const want of ['停热通知', '抢修', '主管线爆管抢修', '2026-01-05 08:00', '预计恢复供热', '2026-01-05 20:00', '文化路', '请注意保暖']) {
      expect(text).toContain(want);
    }
    await waitFor(() => expect(document.body.textContent).toContain('工单已受理登记'));
    expect(document.body.textContent).toContain('工单 #7');
    expect(document.body.textContent).toContain('热线编号：RX-1');
  });
});
