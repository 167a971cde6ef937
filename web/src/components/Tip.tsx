// A detail shown on hover that the keyboard and screen readers reach too (issue 14): Ant Design's
// Tooltip opens on hover alone, and mostly over an element the keyboard passes by (a Tag, a
// number). The Tooltip itself points the element's aria-describedby at its popup, which exists
// while open: opened on focus too, it describes the element a screen reader has just reached.
import { Tooltip } from 'antd';
import { cloneElement, type HTMLAttributes, type ReactElement } from 'react';

export interface TipProps {
  /** The detail's words; none: `children` as they are. */
  title: string | null | undefined;
  /** One element that takes tabIndex and focus events (a Tag, a span, Typography.Text, a link). */
  children: ReactElement<HTMLAttributes<HTMLElement>>;
}

/** `children` in the tab order (a link or button keeps its own), showing `title` on hover and on
 * focus. */
export default function Tip({ title, children }: TipProps) {
  if (!title) return children;
  return (
    <Tooltip title={title} trigger={['hover', 'focus']}>
      {cloneElement(children, { tabIndex: children.props.tabIndex ?? 0 })}
    </Tooltip>
  );
}
