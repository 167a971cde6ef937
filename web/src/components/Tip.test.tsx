import { act, fireEvent, render, screen } from '@testing-library/react';
import { Tag } from 'antd';
import { describe, expect, it } from 'vitest';
import Tip from './Tip';

describe('Tip', () => {
  it('puts the element in the tab order, described by the detail, and shows the detail on focus', async () => {
    render(
      <Tip title="推定：按管网距离三等分">
        <Tag data-testid="derived">推定</Tag>
      </Tip>,
    );
    const tag = screen.getByTestId('derived');
    expect(tag.tabIndex).toBe(0);
    expect(screen.queryByRole('tooltip')).toBeNull();
    await act(async () => {
      fireEvent.focus(tag);
      await new Promise((r) => setTimeout(r, 300));
    });
    const described = document.getElementById(tag.getAttribute('aria-describedby') ?? '');
    expect(described?.getAttribute('role')).toBe('tooltip');
    expect(described?.textContent).toBe('推定：按管网距离三等分');
  });

  it('leaves the element as it is without a detail', () => {
    render(
      <Tip title={null}>
        <span data-testid="n">12</span>
      </Tip>,
    );
    const n = screen.getByTestId('n');
    expect(n.hasAttribute('tabindex')).toBe(false);
  });

  it('keeps the tab order of an element that has its own', () => {
    render(
      <Tip title="全季">
        <a href="/x" tabIndex={-1} data-testid="a">
          x
        </a>
      </Tip>,
    );
    expect(screen.getByTestId('a').tabIndex).toBe(-1);
  });
});
