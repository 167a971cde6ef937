import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { api, ApiError } from '../../api/client';
import { I18nProvider } from '../../i18n';
import RecordClaimDrawer from './RecordClaimDrawer';

// antd validates asynchronously; on a busy machine (a C++ build beside) it can take seconds.
const SLOW = { timeout: 8000 };
vi.setConfig({ testTimeout: 30000 });
afterEach(() => vi.restoreAllMocks());

function field(id: string): HTMLInputElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`no #${id}`);
  return el as HTMLInputElement;
}

function errorsOf(id: string): string {
  return field(id).closest('.ant-form-item')?.querySelector('.ant-form-item-explain')?.textContent ?? '';
}

function type(id: string, value: string, pressEnter = false) {
  fireEvent.change(field(id), { target: { value } });
  if (pressEnter) fireEvent.keyDown(field(id), { key: 'Enter', code: 'Enter', keyCode: 13, which: 13 });
}

function renderDrawer(household?: number, onDone = vi.fn()) {
  render(
    <I18nProvider locale="zh-CN">
      <AntApp>
        <RecordClaimDrawer household={household} onClose={() => {}} onDone={onDone} />
      </AntApp>
    </I18nProvider>,
  );
  return onDone;
}

/** A burst riser: someone hurt, two photos, two losses (the second not estimated yet, then
 * estimated as typed). */
function fill(secondEstimate: string) {
  type('claim_household', '5');
  type('claim_incident_at', '2026-12-01 08:30', true);
  type('claim_incident', '楼道立管爆裂，热水漫入客厅');
  fireEvent.click(field('claim_injuries'));
  type('claim_photos', 'IMG_0001.jpg', true);
  type('claim_photos', 'IMG_0002.jpg', true);
  type('claim_losses_0_item', '实木地板');
  type('claim_losses_0_estimate', '1200.00');
  fireEvent.click(screen.getByTestId('claim-add-loss'));
  type('claim_losses_1_item', '布艺沙发');
  type('claim_losses_1_estimate', secondEstimate);
}

describe('RecordClaimDrawer', () => {
  it('has a stable selector for each field, and starts with the household of the filter', () => {
    renderDrawer(12);
    expect(screen.getByTestId('claim-form')).toBeTruthy();
    for (const id of ['claim_household', 'claim_incident_at', 'claim_incident', 'claim_injuries', 'claim_photos', 'claim_losses_0_item', 'claim_losses_0_estimate']) {
      expect(document.getElementById(id), id).toBeTruthy();
    }
    expect(field('claim_household').value).toBe('12');
  });

  it('refuses an estimate that is not yuan before asking the server', async () => {
    const post = vi.spyOn(api, 'post');
    renderDrawer();
    fill('3,500');
    fireEvent.click(screen.getByTestId('claim-submit'));
    await waitFor(() => expect(errorsOf('claim_losses_1_estimate')).toContain('最多两位小数'), SLOW);
    expect(post).not.toHaveBeenCalled();
  });

  it("sends the claim with Beijing time and its losses, and puts a refusal on the loss row it names", async () => {
    const post = vi.spyOn(api, 'post').mockRejectedValue(new ApiError(400, 'invalid_argument', 'losses[1].estimate must be at most 10000000.00 yuan', 'losses[1].estimate'));
    const onDone = renderDrawer();
    fill('3500');
    fireEvent.click(screen.getByTestId('claim-submit'));
    await waitFor(() => expect(post).toHaveBeenCalled(), SLOW);
    expect(post).toHaveBeenCalledWith('/api/v1/insurance-claims', {
      household: 5,
      incident_at: '2026-12-01T08:30:00+08:00',
      incident: '楼道立管爆裂，热水漫入客厅',
      injuries: true,
      photos: ['IMG_0001.jpg', 'IMG_0002.jpg'],
      losses: [
        { item: '实木地板', estimate: '1200.00' },
        { item: '布艺沙发', estimate: '3500' },
      ],
    });
    await waitFor(() => expect(errorsOf('claim_losses_1_estimate')).toContain('losses[1].estimate must be at most'), SLOW);
    expect(errorsOf('claim_losses_0_estimate')).toBe('');
    expect(screen.getByRole('alert').textContent).toContain('losses[1].estimate must be at most');
    expect(onDone).not.toHaveBeenCalled();
  });

  it('hands back the claim the server recorded', async () => {
    const answer = { id: 9, state: 'recorded' };
    vi.spyOn(api, 'post').mockResolvedValue(answer);
    const onDone = renderDrawer();
    fill('');
    fireEvent.click(screen.getByTestId('claim-submit'));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(answer), SLOW);
  });
});
