import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { api } from '../api/client';
import { useLoadMore } from '../api/useLoadMore';
import { I18nProvider } from '../i18n';
import RecordCards, { RecordCard } from './RecordCards';

afterEach(() => vi.restoreAllMocks());

interface Thing {
  id: number;
  name: string;
}

function Things({ onOpen = () => {} }: { onOpen?: (id: number) => void }) {
  const list = useLoadMore<Thing>('/api/v1/things', { kind: 'mine' });
  return (
    <RecordCards intro="我的记录" empty="暂无记录" list={list}>
      {(r) => (
        <RecordCard testId="thing" title={`记录 #${r.id}`} tag={<span>已受理</span>} onOpen={() => onOpen(r.id)} actions={r.id === 2 ? <button data-testid="thing-withdraw">撤回</button> : undefined}>
          <span>{r.name}</span>
        </RecordCard>
      )}
    </RecordCards>
  );
}

function renderThings(onOpen?: (id: number) => void) {
  render(
    <I18nProvider locale="zh-CN">
      <Things onOpen={onOpen} />
    </I18nProvider>,
  );
}

describe('RecordCards', () => {
  it('shows a card per record, appends the next page on 加载更多, and opens a record', async () => {
    const get = vi.spyOn(api, 'get').mockImplementation(async (_path: string, query?: Record<string, unknown>) =>
      query?.cursor === '2' ? { items: [{ id: 1, name: '乙' }], next_cursor: null } : { items: [{ id: 3, name: '甲' }, { id: 2, name: '丙' }], next_cursor: 2 },
    );
    const opened: number[] = [];
    renderThings((id) => opened.push(id));
    expect(screen.getByText('我的记录')).toBeTruthy();
    const cards = await screen.findAllByTestId('thing');
    expect(get).toHaveBeenCalledWith('/api/v1/things', { kind: 'mine', limit: 20, cursor: undefined });
    expect(cards.map((c) => c.textContent)).toEqual([expect.stringContaining('记录 #3'), expect.stringContaining('记录 #2')]);
    expect(within(cards[0]).queryByTestId('thing-withdraw')).toBeNull();
    expect(within(cards[1]).getByTestId('thing-withdraw')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '加载更多' }));
    await waitFor(() => expect(screen.getAllByTestId('thing')).toHaveLength(3));
    expect(get).toHaveBeenLastCalledWith('/api/v1/things', { kind: 'mine', limit: 20, cursor: '2' });
    expect(screen.getAllByTestId('thing')[2].textContent).toContain('乙');
    expect(screen.queryByRole('button', { name: '加载更多' })).toBeNull();

    fireEvent.click(within(screen.getAllByTestId('thing')[1]).getByTestId('thing-open'));
    expect(opened).toEqual([2]);
    expect(screen.getAllByTestId('thing-open')[0].textContent).toBe('查看详情');
  });

  it('says so when there is no record', async () => {
    vi.spyOn(api, 'get').mockResolvedValueOnce({ items: [], next_cursor: null });
    renderThings();
    await screen.findByText('暂无记录');
    expect(screen.queryByTestId('thing')).toBeNull();
  });

  it("shows the server's error instead of the empty text", async () => {
    vi.spyOn(api, 'get').mockRejectedValueOnce(new Error('服务暂不可用'));
    renderThings();
    await screen.findByText('服务暂不可用');
    expect(screen.queryByText('暂无记录')).toBeNull();
  });
});
