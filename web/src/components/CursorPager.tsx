// Previous / next over a cursor-paged list, with the page size (10/20/50): the cursors of the
// pages seen so far are kept, so "previous" goes back without the server paging backwards.
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Typography } from 'antd';
import { useT } from '../i18n';
import { PAGE_SIZES } from './cursorFilters';

export { PAGE_SIZES };

export interface CursorPagerProps {
  page: number;
  hasNext: boolean;
  size: number;
  loading?: boolean;
  onPrev: () => void;
  onNext: () => void;
  onSize: (size: number) => void;
}

export default function CursorPager({ page, hasNext, size, loading, onPrev, onNext, onSize }: CursorPagerProps) {
  const t = useT();
  return (
    <Flex gap={8} align="center" justify="flex-end" wrap="wrap" style={{ marginTop: 12 }}>
      <Typography.Text type="secondary">{t('households.pageN', { page })}</Typography.Text>
      <Button icon={<LeftOutlined />} aria-label={t('common.prevPage')} disabled={page <= 1 || loading} onClick={onPrev} />
      <Button icon={<RightOutlined />} aria-label={t('common.nextPage')} disabled={!hasNext || loading} onClick={onNext} />
      <Select
        aria-label={t('common.pageSize')}
        value={size}
        style={{ width: 110 }}
        onChange={onSize}
        options={PAGE_SIZES.map((n) => ({ value: n, label: t('common.perPage', { n }) }))}
      />
    </Flex>
  );
}
