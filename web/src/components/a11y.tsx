// Names for the icon-only parts Ant Design leaves to its glyphs' English names ("left",
// "close-circle"): an input's clear icon (allowClear), an optional date's clear button and a
// table pager's 上一页 / 下一页 buttons, through i18n, so a screen reader reads what they do.
import { CloseCircleFilled, LeftOutlined, RightOutlined } from '@ant-design/icons';
import type { TablePaginationConfig } from 'antd';
import { useEffect, useRef } from 'react';
import type { Translate } from '../i18n';

/** allowClear whose clear icon is named (清除). */
export function namedClear(t: Translate) {
  return { clearIcon: <CloseCircleFilled aria-label={t('common.clear')} /> };
}

/** The clear icon of a picker, named, whose wrapper (rc-picker's <span role="button"> with a
 * click and nothing more) it puts in the tab order and makes Enter and Space press. */
function PickerClearIcon({ label }: { label: string }) {
  const icon = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const wrapper = icon.current?.closest<HTMLElement>('.ant-picker-clear');
    if (!wrapper) return;
    wrapper.tabIndex = 0;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      e.preventDefault();
      e.stopPropagation();
      wrapper.click();
    };
    wrapper.addEventListener('keydown', onKey);
    return () => wrapper.removeEventListener('keydown', onKey);
  }, []);
  return <CloseCircleFilled ref={icon} aria-label={label} />;
}

/** allowClear of an optional date (DatePicker, RangePicker): a picker has no key that clears it,
 * and its clear icon takes only the mouse; here it is a named button the keyboard reaches (Tab
 * from the date, then Enter). index.html shows it while it has the focus. */
export function pickerClear(t: Translate) {
  return { clearIcon: <PickerClearIcon label={t('common.clear')} /> };
}

/** A table's pagination whose previous and next buttons are named: Ant Design's own buttons (its
 * class, out of the tab order: the page item around them takes the keyboard), with a label. */
export function namedPager(t: Translate, pagination: TablePaginationConfig): TablePaginationConfig {
  return {
    ...pagination,
    prevIcon: (
      <button type="button" className="ant-pagination-item-link" tabIndex={-1} aria-label={t('common.prevPage')}>
        <LeftOutlined />
      </button>
    ),
    nextIcon: (
      <button type="button" className="ant-pagination-item-link" tabIndex={-1} aria-label={t('common.nextPage')}>
        <RightOutlined />
      </button>
    ),
  };
}
