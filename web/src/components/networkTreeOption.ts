// The company's network as an ECharts treemap: heat source → substation → building (the network
// section between them links a substation to its heat source). Each building is one block; it is
// coloured by how many of its households were unqualified on the day shown: green none, amber
// one, red more. No API gives a building's qualification rate (judged households per building),
// so the count of unqualified households is what colours it, and the legend says so.
import type { EChartsCoreOption } from 'echarts/core';

export const NONE_COLOUR = '#52c41a';
export const ONE_COLOUR = '#faad14';
export const MANY_COLOUR = '#cf1322';
export const UNKNOWN_COLOUR = '#bfbfbf';
const PARENT_COLOUR = '#8c8c8c';

export interface NetworkInput {
  heatSources: Array<{ id: number; name: string }>;
  sections: Array<{ id: number; heat_source_id: number }>;
  substations: Array<{ id: number; name: string; network_section_id: number }>;
  buildings: Array<{ id: number; code: string; community: string; substation_id: number }>;
  /** Unqualified households today per building id; undefined when unknown. */
  unqualified?: Map<number, number>;
}

export interface TreeNode {
  name: string;
  value?: number;
  /** Unqualified households today under the node (undefined: unknown). */
  unqualified?: number;
  itemStyle?: { color: string };
  children?: TreeNode[];
}

export function buildingColour(count: number | undefined): string {
  if (count === undefined) return UNKNOWN_COLOUR;
  if (count === 0) return NONE_COLOUR;
  return count === 1 ? ONE_COLOUR : MANY_COLOUR;
}

export function networkTree(input: NetworkInput): TreeNode[] {
  const sourceOfSection = new Map(input.sections.map((s) => [s.id, s.heat_source_id]));
  const bySubstation = new Map<number, TreeNode[]>();
  for (const b of input.buildings) {
    const count = input.unqualified ? (input.unqualified.get(b.id) ?? 0) : undefined;
    const list = bySubstation.get(b.substation_id) ?? [];
    list.push({ name: `${b.community} ${b.code}`, value: 1, unqualified: count, itemStyle: { color: buildingColour(count) } });
    bySubstation.set(b.substation_id, list);
  }
  const bySource = new Map<number, TreeNode[]>();
  for (const s of input.substations) {
    const children = bySubstation.get(s.id) ?? [];
    if (children.length === 0) continue;
    const source = sourceOfSection.get(s.network_section_id);
    if (source === undefined) continue;
    const list = bySource.get(source) ?? [];
    list.push({ name: s.name, children, unqualified: sum(children), itemStyle: { color: PARENT_COLOUR } });
    bySource.set(source, list);
  }
  return input.heatSources
    .filter((h) => bySource.has(h.id))
    .map((h) => {
      const children = bySource.get(h.id)!;
      return { name: h.name, children, unqualified: sum(children), itemStyle: { color: PARENT_COLOUR } };
    });
}

/** What the treemap shows, counted for its screen-reader summary: heat sources, substations,
 * buildings, and the buildings with an unqualified household (undefined when unknown). */
export function treeCounts(tree: TreeNode[]): { sources: number; substations: number; buildings: number; unqualifiedBuildings?: number } {
  const substations = tree.flatMap((h) => h.children ?? []);
  const buildings = substations.flatMap((s) => s.children ?? []);
  const known = buildings.every((b) => b.unqualified !== undefined);
  return {
    sources: tree.length,
    substations: substations.length,
    buildings: buildings.length,
    unqualifiedBuildings: known ? buildings.filter((b) => (b.unqualified ?? 0) > 0).length : undefined,
  };
}

function sum(nodes: TreeNode[]): number | undefined {
  let total = 0;
  for (const n of nodes) {
    if (n.unqualified === undefined) return undefined;
    total += n.unqualified;
  }
  return total;
}

export function networkTreeOption(data: TreeNode[], labels: { root: string; tooltip: (node: TreeNode) => string }): EChartsCoreOption {
  return {
    animation: false,
    aria: { enabled: true },
    tooltip: {
      formatter: (info: { data?: TreeNode }) => (info.data ? labels.tooltip(info.data) : ''),
    },
    series: [
      {
        type: 'treemap',
        name: labels.root,
        data,
        roam: false,
        nodeClick: 'zoomToNode',
        left: 0,
        right: 0,
        top: 0,
        bottom: 32,
        breadcrumb: { show: true },
        label: { show: true, formatter: '{b}', fontSize: 11 },
        upperLabel: { show: true, height: 22 },
        levels: [
          { itemStyle: { borderColor: '#595959', borderWidth: 2, gapWidth: 2 }, upperLabel: { show: false } },
          { itemStyle: { borderColor: '#8c8c8c', borderWidth: 2, gapWidth: 1 } },
          { itemStyle: { borderColor: '#fff', borderWidth: 1, gapWidth: 1 } },
        ],
      },
    ],
  };
}
