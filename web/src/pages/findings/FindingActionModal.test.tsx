import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { api, ApiError } from '../../api/client';
import type { Finding, FindingActionName } from '../../api/types';
import { I18nProvider } from '../../i18n';
import FindingActionModal from './FindingActionModal';

// antd validates asynchronously; on a busy machine (a C++ build beside) it can take seconds.
const SLOW = { timeout: 8000 };
vi.setConfig({ testTimeout: 30000 });
afterEach(() => vi.restoreAllMocks());

function errorsOf(id: string): string {
  return document.getElementById(id)?.closest('.ant-form-item')?.querySelector('.ant-form-item-explain')?.textContent ?? '';
}

function renderModal(action: FindingActionName, onDone = vi.fn()) {
  render(
    <I18nProvider locale="zh-CN">
      <AntApp>
        <FindingActionModal finding={{ id: 3, valid_from: '2026-12-01', valid_to: '2027-03-15' }} action={action} onClose={() => {}} onDone={onDone} />
      </AntApp>
    </I18nProvider>,
  );
  return onDone;
}

describe('FindingActionModal', () => {
  it('says what the action does and asks a dispute for its reason before asking the server', async () => {
    const post = vi.spyOn(api, 'post');
    renderModal('dispute');
    expect(screen.getByText('对认定 #3 提出异议')).toBeTruthy();
    expect(document.body.textContent).toContain('裁定前不计入');
    fireEvent.change(document.getElementById('finding-action_note')!, { target: { value: '   ' } });
    fireEvent.click(screen.getByTestId('finding-action-submit'));
    await waitFor(() => expect(errorsOf('finding-action_note')).toContain('请填写异议理由'), SLOW);
    expect(post).not.toHaveBeenCalled();
  });

  it('sends the reason and hands back the finding as it now is', async () => {
    const answer = { id: 3, state: 'disputed', effective: false, actions: [] } as unknown as Finding;
    const post = vi.spyOn(api, 'post').mockResolvedValue(answer);
    const onDone = renderModal('dispute');
    fireEvent.change(document.getElementById('finding-action_note')!, { target: { value: ' 散热器是开发商原装的 ' } });
    fireEvent.click(screen.getByTestId('finding-action-submit'));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(answer), SLOW);
    expect(post).toHaveBeenCalledWith('/api/v1/findings/3/actions', { action: 'dispute', note: '散热器是开发商原装的' });
  });

  it('acknowledges without a note', async () => {
    const post = vi.spyOn(api, 'post').mockResolvedValue({ id: 3, state: 'acknowledged' });
    const onDone = renderModal('acknowledge');
    expect(document.body.textContent).toContain('2026-12-01 至 2027-03-15');
    fireEvent.click(screen.getByTestId('finding-action-submit'));
    await waitFor(() => expect(onDone).toHaveBeenCalled(), SLOW);
    expect(post).toHaveBeenCalledWith('/api/v1/findings/3/actions', { action: 'acknowledge' });
  });

  it('shows a refusal above the form and on the note it names', async () => {
    const error = new ApiError(400, 'invalid_argument', 'note must say why the finding is withdrawn', 'note');
    vi.spyOn(api, 'post').mockRejectedValue(error);
    const onDone = renderModal('withdraw');
    fireEvent.change(document.getElementById('finding-action_note')!, { target: { value: 'x' } });
    fireEvent.click(screen.getByTestId('finding-action-submit'));
    await waitFor(() => expect(errorsOf('finding-action_note')).toContain(error.message), SLOW);
    expect(screen.getByRole('alert').textContent).toContain(error.message);
    expect(onDone).not.toHaveBeenCalled();
  });
});
