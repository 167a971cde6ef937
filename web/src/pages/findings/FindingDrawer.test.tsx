import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { api, ApiError } from '../../api/client';
import { I18nProvider } from '../../i18n';
import FindingDrawer from './FindingDrawer';

// antd validates asynchronously; on a busy machine (a C++ build beside) it can take seconds.
const SLOW = { timeout: 8000 };
vi.setConfig({ testTimeout: 30000 });

function field(id: string): HTMLInputElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`no #${id}`);
  return el as HTMLInputElement;
}

function errorsOf(id: string): string {
  return field(id).closest('.ant-form-item')?.querySelector('.ant-form-item-explain')?.textContent ?? '';
}

function enter(el: HTMLElement) {
  fireEvent.keyDown(el, { key: 'Enter', code: 'Enter', keyCode: 13, which: 13 });
}

function type(id: string, value: string, pressEnter = false) {
  fireEvent.change(field(id), { target: { value } });
  if (pressEnter) enter(field(id));
}

function renderDrawer(onDone = vi.fn()) {
  render(
    <I18nProvider locale="zh-CN">
      <AntApp>
        <FindingDrawer householdId={5} onClose={() => {}} onDone={onDone} />
      </AntApp>
    </I18nProvider>,
  );
  return onDone;
}

/** Fills the form as a technician would: radiators added, two photos, found this morning. */
function fill(validFrom: string, validTo: string) {
  fireEvent.mouseDown(field('finding_kind'));
  fireEvent.click(screen.getByText('私自增加散热器'));
  type('finding_description', '主卧私自增加散热器 2 组');
  type('finding_photos', 'IMG_0001.jpg', true);
  type('finding_photos', 'IMG_0002.jpg', true);
  type('finding_found_by', '王师傅');
  type('finding_found_at', '2026-12-01 10:00', true);
  type('finding_valid_from', validFrom, true);
  type('finding_valid_to', validTo, true);
}

afterEach(() => vi.restoreAllMocks());

describe('FindingDrawer', () => {
  it('has a stable selector for each field', () => {
    renderDrawer();
    expect(screen.getByTestId('finding-form')).toBeTruthy();
    expect(screen.getByTestId('finding-submit')).toBeTruthy();
    for (const id of ['finding_kind', 'finding_description', 'finding_photos', 'finding_found_by', 'finding_found_at', 'finding_valid_from', 'finding_valid_to']) {
      expect(document.getElementById(id), id).toBeTruthy();
    }
  });

  it('sends the finding of the household with Beijing time and plain dates, and puts a refusal on the field it names', async () => {
    const post = vi.spyOn(api, 'post').mockRejectedValue(new ApiError(400, 'invalid_argument', 'valid_from is before the season of the household', 'valid_from'));
    const onDone = renderDrawer();
    fill('2026-12-01', '2027-03-15');
    fireEvent.click(screen.getByTestId('finding-submit'));
    await waitFor(() => expect(post).toHaveBeenCalled(), SLOW);
    expect(post).toHaveBeenCalledWith('/api/v1/findings', {
      household: 5,
      kind: 'added-radiators',
      description: '主卧私自增加散热器 2 组',
      photos: ['IMG_0001.jpg', 'IMG_0002.jpg'],
      found_by: '王师傅',
      found_at: '2026-12-01T10:00:00+08:00',
      valid_from: '2026-12-01',
      valid_to: '2027-03-15',
    });
    await waitFor(() => expect(errorsOf('finding_valid_from')).toContain('valid_from is before the season'), SLOW);
    expect(screen.getByRole('alert').textContent).toContain('valid_from is before the season');
    expect(onDone).not.toHaveBeenCalled();
  });

  it('puts a photo refusal (photos[1]) on the photos', async () => {
    vi.spyOn(api, 'post').mockRejectedValue(new ApiError(400, 'invalid_argument', 'photos[1] is not a stored photo', 'photos[1]'));
    renderDrawer();
    fill('2026-12-01', '2027-03-15');
    fireEvent.click(screen.getByTestId('finding-submit'));
    await waitFor(() => expect(errorsOf('finding_photos')).toContain('photos[1] is not a stored photo'), SLOW);
  });

  it('asks for an end of validity on or after its start before asking the server', async () => {
    const post = vi.spyOn(api, 'post');
    renderDrawer();
    fill('2026-12-10', '2026-12-01');
    fireEvent.click(screen.getByTestId('finding-submit'));
    await waitFor(() => expect(errorsOf('finding_valid_to')).toContain('有效期止不能早于有效期起'), SLOW);
    expect(post).not.toHaveBeenCalled();
  });
});
