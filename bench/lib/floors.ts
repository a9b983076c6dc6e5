/**
 * The quality gate: newsprint's figures per dataset against pinned floors in bench/floors.json.
 * A figure may dip a little below its floor (run-to-run noise, tie-breaking); beyond that the gate fails.
 */

/** The figures a floor can pin. */
export type FloorMetric = 'bodyF1' | 'snippetF1';

/** Pinned or measured figures of one dataset. */
export type FloorFigures = Partial<Record<FloorMetric, number>>;

/** Floors of every dataset, as stored in bench/floors.json. */
export type Floors = Record<string, FloorFigures>;

/** How far below its floor a figure may fall: half a point of F1 absorbs rounding and tie noise, not regressions. */
export const GATE_TOLERANCE = 0.005;

/** Decimals kept when figures are written as floors: finer digits are noise. */
const FLOOR_DECIMALS = 4;

/** One comparison of a measured figure with its floor. */
export interface GateCheck {
  dataset: string;
  metric: FloorMetric;
  floor: number;
  /** The measured figure, or `null` when this run did not measure it. */
  measured: number | null;
  passed: boolean;
}

/** Compares measured figures with floors. Floors not measured in this run pass (a `--dataset` subset). */
export function checkFloors(measured: Floors, floors: Floors): GateCheck[] {
  const checks: GateCheck[] = [];
  for (const [dataset, pinned] of Object.entries(floors)) {
    for (const [metric, floor] of Object.entries(pinned) as [FloorMetric, number][]) {
      const value = measured[dataset]?.[metric] ?? null;
      checks.push({ dataset, metric, floor, measured: value, passed: value === null || value >= floor - GATE_TOLERANCE });
    }
  }
  return checks;
}

/** The floors file after writing this run's figures: datasets measured now replace their old floors, others stay. */
export function mergeFloors(existing: Floors, measured: Floors): Floors {
  const merged: Floors = { ...existing };
  for (const [dataset, figures] of Object.entries(measured)) {
    const rounded: FloorFigures = {};
    for (const [metric, value] of Object.entries(figures) as [FloorMetric, number][]) {
      rounded[metric] = Number(value.toFixed(FLOOR_DECIMALS));
    }
    merged[dataset] = rounded;
  }
  return Object.fromEntries(Object.entries(merged).sort(([a], [b]) => a.localeCompare(b)));
}

/** Reads floors JSON, keeping only numeric figures of known metrics. */
export function parseFloors(json: string): Floors {
  const raw: unknown = JSON.parse(json);
  const floors: Floors = {};
  if (typeof raw !== 'object' || raw === null) return floors;
  for (const [dataset, figures] of Object.entries(raw)) {
    if (typeof figures !== 'object' || figures === null) continue;
    const kept: FloorFigures = {};
    for (const metric of ['bodyF1', 'snippetF1'] as const) {
      const value = (figures as Record<string, unknown>)[metric];
      if (typeof value === 'number' && Number.isFinite(value)) kept[metric] = value;
    }
    floors[dataset] = kept;
  }
  return floors;
}
