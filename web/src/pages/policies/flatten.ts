// A policy profile (GET /api/v1/policies/{name}: the TOML file as JSON, in the file's order) as
// the rows the 政策参数 page shows: one row per table that cites a `source` (a number, or a group
// whose source covers its values), with its dotted key, its values, and its basis. Pure.

export type ProfileJson = Record<string, unknown>;

export interface PolicyRow {
  /** "deadlines.return.city-hotline" */
  key: string;
  /** The top-level table it belongs to ("deadlines"). */
  section: string;
  /** Every value but the basis, in the file's order: [["working-days", "2"]]. */
  values: Array<[string, string]>;
  source: string;
  /** A platform default: a value the city's own text does not set (`default = true`). */
  platformDefault: boolean;
  note?: string;
}

const META = new Set(['source', 'default', 'note']);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function text(v: unknown): string {
  if (Array.isArray(v)) return v.map(text).join(', ');
  if (isObject(v)) return JSON.stringify(v);
  return String(v);
}

/** The rows of every cited table under `profile`, depth first in the file's order. */
export function flattenProfile(profile: ProfileJson): PolicyRow[] {
  const rows: PolicyRow[] = [];
  const walk = (node: Record<string, unknown>, path: string[]) => {
    if (typeof node.source === 'string') {
      const values: Array<[string, string]> = [];
      for (const [k, v] of Object.entries(node)) {
        if (!META.has(k) && !isObject(v)) values.push([k, text(v)]);
      }
      rows.push({
        key: path.join('.'),
        section: path[0],
        values,
        source: node.source,
        platformDefault: node.default === true,
        note: typeof node.note === 'string' ? node.note : undefined,
      });
    }
    for (const [k, v] of Object.entries(node)) {
      if (isObject(v)) walk(v, [...path, k]);
    }
  };
  for (const [k, v] of Object.entries(profile)) {
    if (k !== 'profile' && isObject(v)) walk(v, [k]);
  }
  return rows;
}

/** The profile's own header: id, name, city ([profile] of the file). */
export function profileHeader(profile: ProfileJson): { id?: string; name?: string; city?: string } {
  const p = isObject(profile.profile) ? profile.profile : {};
  const s = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return { id: s(p.id), name: s(p.name), city: s(p.city) };
}
