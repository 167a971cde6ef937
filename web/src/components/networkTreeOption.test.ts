import * as echarts from 'echarts';
import { MANY_COLOUR, NONE_COLOUR, ONE_COLOUR, UNKNOWN_COLOUR, networkTree, networkTreeOption, treeCounts } from './networkTreeOption';

const input = {
  heatSources: [
    { id: 1, name: '热电厂' },
    { id: 2, name: '空锅炉房' },
  ],
  sections: [
    { id: 10, heat_source_id: 1 },
    { id: 20, heat_source_id: 2 },
  ],
  substations: [
    { id: 100, name: '一号站', network_section_id: 10 },
    { id: 200, name: '二号站', network_section_id: 20 },
  ],
  buildings: [
    { id: 1000, code: 'B1', community: '海滨花园', substation_id: 100 },
    { id: 1001, code: 'B2', community: '海滨花园', substation_id: 100 },
    { id: 1002, code: 'B3', community: '海滨花园', substation_id: 100 },
  ],
};

describe('networkTree', () => {
  it('nests buildings under substations under heat sources, through the sections', () => {
    const tree = networkTree({ ...input, unqualified: new Map([[1001, 1], [1002, 3]]) });
    expect(tree).toHaveLength(1); // a heat source with no building is left out
    expect(tree[0].name).toBe('热电厂');
    expect(tree[0].unqualified).toBe(4);
    const buildings = tree[0].children![0].children!;
    expect(buildings.map((b) => [b.name, b.unqualified, b.itemStyle?.color])).toEqual([
      ['海滨花园 B1', 0, NONE_COLOUR],
      ['海滨花园 B2', 1, ONE_COLOUR],
      ['海滨花园 B3', 3, MANY_COLOUR],
    ]);
  });
  it('greys the buildings when the counts are unknown', () => {
    const tree = networkTree(input);
    expect(tree[0].unqualified).toBeUndefined();
    expect(tree[0].children![0].children![0].itemStyle?.color).toBe(UNKNOWN_COLOUR);
  });
  it('counts what it shows for its summary', () => {
    expect(treeCounts(networkTree({ ...input, unqualified: new Map([[1001, 1], [1002, 3]]) }))).toEqual({ sources: 1, substations: 1, buildings: 3, unqualifiedBuildings: 2 });
    expect(treeCounts(networkTree(input))).toEqual({ sources: 1, substations: 1, buildings: 3, unqualifiedBuildings: undefined });
  });
  it('is drawn by ECharts', () => {
    echarts.setPlatformAPI({ measureText: (text: string) => ({ width: text.length * 7 }) });
    const chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width: 600, height: 400 });
    chart.setOption(networkTreeOption(networkTree(input), { root: '管网', tooltip: (n) => n.name }));
    expect(chart.renderToSVGString()).toContain('一号站');
    chart.dispose();
  });
});
