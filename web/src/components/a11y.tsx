// Names for the icon-only parts Ant Design leaves to its glyphs' English names ("left",
// "close-circle"): an input's clear icon (allowClear) and a table pager's 上一页 / 下一页 buttons,
// through i18n, so a screen reader reads what they do.
import { CloseCircleFilled, LeftOutlined, RightOutlined } from '@ant-design/icons';
import type { TablePaginationConfig } from 'antd';
import type { Translate } from '../i18n';

/** allowClear whose clear icon is named (清除). */
export function namedClear(t: Translate) {
  return { clearIcon: <CloseCircleFilled aria-label={t('common.clear')} /> };
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
