import { fireEvent, render, screen } from '@testing-library/react';
import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { describe, expect, it, vi } from 'vitest';
import { translate, type Translate } from '../i18n';
import { pickerClear } from './a11y';

const t: Translate = (key, vars) => translate('zh-CN', key, vars);

describe('pickerClear', () => {
  it("makes an optional date's clear icon a named button in the tab order that clears the date", () => {
    const onChange = vi.fn();
    render(<DatePicker aria-label="发布日期" value={dayjs('2026-12-01')} onChange={onChange} allowClear={pickerClear(t)} />);
    const clear = screen.getByRole('button', { name: '清除' });
    expect(clear.tabIndex).toBe(0);
    fireEvent.keyDown(clear, { key: 'Enter' });
    expect(onChange).toHaveBeenCalledWith(null, '');
  });

  it('shows no button while the date is empty', () => {
    render(<DatePicker aria-label="发布日期" allowClear={pickerClear(t)} />);
    expect(screen.queryByRole('button', { name: '清除' })).toBeNull();
  });
});
