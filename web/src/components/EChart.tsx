// An ECharts chart of a given option: resized with its container, disposed with the component,
// the option replaced (not merged) when it changes. Screen readers get a one-line summary as its
// label. The caller registers the chart types and components it uses (echarts.use).
import * as echarts from 'echarts/core';
import { useEffect, useRef } from 'react';
import { withAriaLabel } from './chartAria';

export interface EChartProps {
  option: echarts.EChartsCoreOption;
  ariaLabel: string;
  testId: string;
  height?: number;
}

export default function EChart({ option, ariaLabel, testId, height = 320 }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts>();

  useEffect(() => {
    if (!ref.current) return;
    const c = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = undefined;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(withAriaLabel(option, ariaLabel), { notMerge: true });
  }, [option, ariaLabel]);

  return <div ref={ref} data-testid={testId} role="img" aria-label={ariaLabel} style={{ width: '100%', height }} />;
}
