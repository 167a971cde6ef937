// The network treemap (networkTreeOption) on a canvas, resized with its container.
import { TreemapChart } from 'echarts/charts';
import { AriaComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { withAriaLabel } from './chartAria';
import { networkTreeOption, type TreeNode } from './networkTreeOption';

echarts.use([TreemapChart, AriaComponent, TooltipComponent, CanvasRenderer]);

export default function NetworkTreemap({ data, root, tooltip, ariaLabel }: { data: TreeNode[]; root: string; tooltip: (n: TreeNode) => string; ariaLabel: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts>();
  useEffect(() => {
    if (!ref.current) return;
    const c = echarts.init(ref.current);
    chart.current = c;
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      c.dispose();
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(withAriaLabel(networkTreeOption(data, { root, tooltip }), ariaLabel), { notMerge: true });
  }, [data, root, tooltip, ariaLabel]);
  return <div ref={ref} data-testid="network-treemap" role="img" aria-label={ariaLabel} style={{ width: '100%', height: 420 }} />;
}
