import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp, Form, Input } from 'antd';
import dayjs from 'dayjs';
import { ApiError } from '../../api/client';
import type { OutageDetail } from '../../api/types';
import { I18nProvider } from '../../i18n';
import { NOTICE_FIELDS, noticeBody, type NoticeValues } from './logic';
import OutageActionModal from './OutageActionModal';
import { BeijingPicker } from './parts';

const SLOW = { timeout: 8000 };
vi.setConfig({ testTimeout: 30000 });
function errorsOf(id: string): string {
  return document.getElementById(id)?.closest('.ant-form-item')?.querySelector('.ant-form-item-explain')?.textContent ?? '';
}

function renderModal(send: (v: NoticeValues) => Promise<OutageDetail>, onDone = vi.fn()) {
  render(
    <I18nProvider locale="zh-CN">
      <AntApp>
        <OutageActionModal<NoticeValues>
          name="notice"
          title="补发停热通知"
          okText="补发通知"
          success="已发布"
          known={NOTICE_FIELDS}
          initialValues={{ at: dayjs('2026-01-05 09:00:00') }}
          send={send}
          onClose={() => {}}
          onDone={onDone}
        >
          <Form.Item name="at" label="at">
            <BeijingPicker />
          </Form.Item>
          <Form.Item name="expected_end" label="expected_end">
            <BeijingPicker />
          </Form.Item>
          <Form.Item name="text" label="text">
            <Input.TextArea />
          </Form.Item>
        </OutageActionModal>
      </AntApp>
    </I18nProvider>,
  );
  return onDone;
}

describe('OutageActionModal', () => {
  it('sends the values and hands back the answer', async () => {
    const answer = { id: 4 } as OutageDetail;
    const send = vi.fn(async (v: NoticeValues) => {
      expect(noticeBody(v)).toEqual({ at: '2026-01-05T09:00:00+08:00', text: '请提前储水' });
      return answer;
    });
    const onDone = renderModal(send);
    fireEvent.change(document.getElementById('notice_text')!, { target: { value: '请提前储水' } });
    fireEvent.click(screen.getByTestId('notice-submit'));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(answer), SLOW);
  });

  it.each([
    ['on the field it names', new ApiError(400, 'invalid_argument', 'expected_end must be after the notice', 'expected_end'), 'notice_expected_end'],
    ['a 409 on its "at"', new ApiError(409, 'failed_precondition', 'heating stop 4 has ended; nothing to announce', 'at'), 'notice_at'],
  ])('shows a refusal above the form and %s', async (_name, error, id) => {
    const onDone = renderModal(async () => {
      throw error;
    });
    fireEvent.click(screen.getByTestId('notice-submit'));
    await waitFor(() => expect(errorsOf(id)).toContain(error.message), SLOW);
    expect(screen.getByRole('alert').textContent).toContain(error.message);
    expect(onDone).not.toHaveBeenCalled();
  });
});
