import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ApiError } from '../../api/client';
import { I18nProvider } from '../../i18n';
import MeasurementForm, { measurementBody, serverErrorFields } from './MeasurementForm';

// antd validates asynchronously; on a busy machine (a C++ build beside) it can take seconds.
const SLOW = { timeout: 8000 };
vi.setConfig({ testTimeout: 30000 });

function renderForm(submit = vi.fn(async () => {})) {
  render(
    <I18nProvider locale="zh-CN">
      <MeasurementForm searchHouseholds={async () => []} roomsOf={async () => []} submit={submit} />
    </I18nProvider>,
  );
  return submit;
}

function field(id: string): HTMLInputElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`no #${id}`);
  return el as HTMLInputElement;
}

/** The error text antd shows under the form item holding `id`. */
function errorsOf(id: string): string {
  const item = field(id).closest('.ant-form-item');
  return item?.querySelector('.ant-form-item-explain')?.textContent ?? '';
}

describe('MeasurementForm', () => {
  it('has the stable selector of the browser tests', () => {
    renderForm();
    expect(screen.getByTestId('measurement-form')).toBeTruthy();
  });

  it('shows a broken rule on its field as the user types, naming the rule', async () => {
    renderForm();
    fireEvent.change(field('measurement_height_cm'), { target: { value: '120' } });
    await waitFor(() => expect(errorsOf('measurement_height_cm')).toContain('R-TEMP-4 测点高度'), SLOW);
    expect(errorsOf('measurement_height_cm')).toContain('测点离地 120 cm，应为 150 ± 10 cm');
    fireEvent.change(field('measurement_height_cm'), { target: { value: '152' } });
    await waitFor(() => expect(errorsOf('measurement_height_cm')).toBe(''), SLOW);
  });

  it('names the doors-closed rule on its field', async () => {
    renderForm();
    fireEvent.change(field('measurement_closed_minutes'), { target: { value: '10' } });
    await waitFor(() => expect(errorsOf('measurement_closed_minutes')).toContain('R-TEMP-4 门窗关闭：门窗关闭 10 分钟，应至少 30 分钟'), SLOW);
  });

  it('checks the readings together: a gap out of 3 min ± 30 s', async () => {
    renderForm();
    fireEvent.change(field('measurement_readings_0_at'), { target: { value: '2026-01-05 10:00:00' } });
    fireEvent.change(field('measurement_readings_1_at'), { target: { value: '2026-01-05 10:05:00' } });
    await waitFor(() => expect(document.body.textContent).toContain('R-TEMP-4 读数间隔：第 1、2 次读数相隔 300 秒，应为 180 ± 30 秒'), SLOW);
  });
});

describe('measurementBody', () => {
  it('sends Beijing times as RFC 3339 and only the instrument’s own placement', () => {
    const body = measurementBody({
      household_id: 7,
      room: '主卧',
      instrument: 'glass-thermometer',
      resolution: 0.1,
      environment: ' 晴 ',
      closed_minutes: 40,
      readings: [{ at: '2026-01-05 10:00:00', value: 17.5, point: 'upper' }],
      height_cm: 150,
      signature: 'signed',
      signature_by: '张三',
      signature_at: '2026-01-05 10:10',
    });
    expect(body).toMatchObject({
      household_id: 7,
      environment: '晴',
      readings: [{ at: '2026-01-05T10:00:00+08:00', value: 17.5 }],
      height_cm: 150,
      at_room_centre: false,
      signature: 'signed',
      signature_record: { by: '张三', at: '2026-01-05T10:10:00+08:00', via: 'device' },
    });
    expect(body).not.toHaveProperty('cold_outer_wall');
  });
});

describe('server errors', () => {
  it('puts the violations of a 400 on the fields of their checks', () => {
    const e = new ApiError(400, 'invalid_argument', 'the measurement breaks R-TEMP-4', 'measurement', undefined, {
      violations: [
        { rule: 'R-TEMP-4', check: 'height', message: 'R-TEMP-4 height: the thermometer was 1.3 m above the floor' },
        { rule: 'R-TEMP-4', check: 'gap', message: 'R-TEMP-4 gap: readings 1 and 2 are 5 min apart' },
        { rule: 'R-TEMP-4', check: 'readings', message: 'R-TEMP-4 readings: expected 3 readings, found 2' },
      ],
    });
    expect(serverErrorFields(e)).toEqual([
      { name: 'height_cm', errors: ['R-TEMP-4 height: the thermometer was 1.3 m above the floor'] },
      { name: 'readings', errors: ['R-TEMP-4 gap: readings 1 and 2 are 5 min apart', 'R-TEMP-4 readings: expected 3 readings, found 2'] },
    ]);
  });
  it('puts another refusal on the field it names', () => {
    const e = new ApiError(400, 'invalid_argument', 'the reading is timed 2026-01-05T10:00:00+08:00, after now', 'readings[2].at');
    expect(serverErrorFields(e)).toEqual([{ name: ['readings', 2, 'at'], errors: [e.message] }]);
    expect(serverErrorFields(new ApiError(400, 'invalid_argument', "the household has no room named 'x'", 'room'))).toEqual([
      { name: ['room'], errors: ["the household has no room named 'x'"] },
    ]);
  });
  it('stops before the server while household and room are missing', async () => {
    const submit = renderForm();
    await act(async () => {
      fireEvent.submit(document.querySelector('form')!);
    });
    await waitFor(() => expect(document.body.textContent).toContain('请填写住户'), SLOW);
    expect(submit).not.toHaveBeenCalled();
  });
});
