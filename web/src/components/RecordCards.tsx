// The household's own lists of records (我的报装, 我的理赔, 我的热表): laid out for a phone, a
// card per record, newest first, a page at a time (useLoadMore). RecordCards is the list: the
// explanation above, the error, a skeleton until the first page, the empty text, the cards and
// 加载更多. RecordCard is one record's card: its title and state tag, the page's own body, and
// 查看详情 (with the page's other buttons beside it, when it has any).
import { Alert, Button, Card, Empty, Flex, Skeleton, Typography } from 'antd';
import { Fragment, type ReactNode } from 'react';
import type { LoadMoreState } from '../api/useLoadMore';
import { useT } from '../i18n';

export interface RecordCardsProps<T extends { id: number }> {
  /** What the list shows, above it. */
  intro: ReactNode;
  /** What it shows without records. */
  empty: ReactNode;
  list: Pick<LoadMoreState<T>, 'items' | 'loading' | 'error' | 'hasMore' | 'loadMore'>;
  /** A record's card (a RecordCard). */
  children: (item: T) => ReactNode;
}

export default function RecordCards<T extends { id: number }>({ intro, empty, list, children }: RecordCardsProps<T>) {
  const t = useT();
  const { items, loading, error, hasMore, loadMore } = list;
  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{intro}</Typography.Text>
      {error ? <Alert type="error" showIcon message={error instanceof Error ? error.message : String(error)} /> : null}
      {loading && items.length === 0 ? (
        <Skeleton active />
      ) : items.length === 0 && !error ? (
        <Card size="small">
          <Empty description={empty} />
        </Card>
      ) : (
        items.map((item) => <Fragment key={item.id}>{children(item)}</Fragment>)
      )}
      {hasMore && (
        <Button block loading={loading} onClick={loadMore}>
          {t('common.loadMore')}
        </Button>
      )}
    </Flex>
  );
}

export interface RecordCardProps {
  /** The card's data-testid; its 查看详情 button's is `${testId}-open`. */
  testId: string;
  title: ReactNode;
  /** The state's tag, at the card's top right. */
  tag: ReactNode;
  onOpen: () => void;
  /** Buttons beside 查看详情, in one row with it. Left undefined, 查看详情 stands alone; any other
   * value (false too) keeps the row. */
  actions?: ReactNode;
  children: ReactNode;
}

export function RecordCard({ testId, title, tag, onOpen, actions, children }: RecordCardProps) {
  const t = useT();
  const open = (
    <Button block onClick={onOpen} data-testid={`${testId}-open`}>
      {t('claim.open')}
    </Button>
  );
  return (
    <Card size="small" data-testid={testId} title={title} extra={tag}>
      <Flex vertical gap={8}>
        {children}
        {actions === undefined ? (
          open
        ) : (
          <Flex gap={8}>
            {open}
            {actions}
          </Flex>
        )}
      </Flex>
    </Card>
  );
}
