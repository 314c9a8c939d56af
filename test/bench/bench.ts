/** The row every benchmark reports (see README.md in this folder). */
export interface BenchRow {
  bench: string;
  metric: string;
  value: number;
  unit: string;
  /** The figure to compare with (a naive approach, a budget, an earlier measure). */
  baseline?: number;
  /** value / baseline; the runner fills it in when a baseline is given. */
  ratio?: number;
}

/** A benchmark file's default export (or its `run` export). */
export type Bench = () => Promise<BenchRow[]> | BenchRow[];

export function isBenchRow(value: unknown): value is BenchRow {
  if (typeof value !== 'object' || value === null) return false;
  const row = value as Record<string, unknown>;
  return (
    typeof row.bench === 'string' &&
    typeof row.metric === 'string' &&
    typeof row.value === 'number' &&
    Number.isFinite(row.value) &&
    typeof row.unit === 'string' &&
    (row.baseline === undefined || typeof row.baseline === 'number')
  );
}

/** Adds `ratio` where a baseline is given and the bench left it out. */
export function withRatio(row: BenchRow): BenchRow {
  if (row.baseline === undefined || row.ratio !== undefined || row.baseline === 0) return row;
  return { ...row, ratio: Number((row.value / row.baseline).toFixed(4)) };
}
