/**
 * The timeline's layout, as a pure function of plain data: the scale (pixels per day at a zoom),
 * lanes so that overlapping episode bars never collide, rows for conversation and meeting points,
 * lines for deadlines, en-GB month ticks, and every item in time order for the keyboard. No DOM and
 * no React: the hook memoises it by data, width and zoom; panning never re-lays it out.
 */

/** Dates are ISO calendar dates, YYYY-MM-DD. */
type IsoDate = string;

export type Valence = 'good' | 'problematic' | 'mixed';

export interface TimelineEpisode {
  kind: 'kpe';
  id: string;
  number: number;
  title: string;
  start: IsoDate;
  end: IsoDate;
  valence: Valence;
}

export interface TimelinePoint {
  kind: 'conversation' | 'meeting';
  id: string;
  date: IsoDate;
  /** What is shown and announced: "Conversation with Health visitor 1". Never a family name. */
  title: string;
}

export interface TimelineDeadline {
  kind: 'deadline';
  id: string;
  date: IsoDate;
  /** "Rapid review due", "Publication due". */
  title: string;
}

export type TimelineItem = TimelineEpisode | TimelinePoint | TimelineDeadline;

export interface TimelineData {
  episodes: readonly TimelineEpisode[];
  points: readonly TimelinePoint[];
  deadlines: readonly TimelineDeadline[];
  /** The period under review; widened to take in every item. */
  period?: { start: IsoDate; end: IsoDate };
}

export interface PlacedBar {
  item: TimelineEpisode;
  x: number;
  width: number;
  y: number;
  lane: number;
}
export interface PlacedPoint {
  item: TimelinePoint;
  x: number;
  y: number;
}
export interface PlacedDeadline {
  item: TimelineDeadline;
  x: number;
  /** Pixels free to the right before the next deadline: the label is drawn only where it fits. */
  room: number;
}
export interface Tick {
  x: number;
  date: IsoDate;
  label: string;
  /** The first month of a year (drawn stronger). */
  major: boolean;
}
export type Placed = PlacedBar | PlacedPoint | PlacedDeadline;

export interface TimelineLayout {
  /** The first and last day drawn (whole months). */
  start: IsoDate;
  end: IsoDate;
  pxPerDay: number;
  /** The width of everything at this zoom; the view shows `viewWidth` of it. */
  contentWidth: number;
  viewWidth: number;
  height: number;
  bars: PlacedBar[];
  points: PlacedPoint[];
  deadlines: PlacedDeadline[];
  ticks: Tick[];
  /** Every item in time order (then bars, points, deadlines), for keyboard moves. */
  order: Placed[];
  /** Centre x of each item by `itemKey`. */
  centres: ReadonlyMap<string, number>;
}

/** Sizes in pixels, shared with the renderer. */
export const GEOMETRY = {
  axisHeight: 28,
  deadlineLabelHeight: 20,
  barHeight: 22,
  laneGap: 6,
  pointRadius: 6,
  pointRowHeight: 18,
  minBarWidth: 6,
  barGapPx: 4,
  sectionGap: 14,
  padding: 8,
  minTickSpacing: 64,
} as const;

export const MIN_ZOOM = 1;
export const MAX_ZOOM = 32;

export const itemKey = (item: TimelineItem): string => `${item.kind}:${item.id}`;

const DAY_MS = 86_400_000;
/** Days since 1970-01-01 for an ISO date, without a Date per call beyond the parse. */
const dayOf = (date: IsoDate): number =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
const dateOf = (day: number): IsoDate => new Date(day * DAY_MS).toISOString().slice(0, 10);

const monthShort = new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' });
const monthYear = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** The whole months that hold the period and every item. */
function extent(data: TimelineData): { first: number; last: number } {
  let first = Infinity;
  let last = -Infinity;
  const take = (date: IsoDate) => {
    const d = dayOf(date);
    if (d < first) first = d;
    if (d > last) last = d;
  };
  if (data.period) {
    take(data.period.start);
    take(data.period.end);
  }
  for (const e of data.episodes) {
    take(e.start);
    take(e.end);
  }
  for (const p of data.points) take(p.date);
  for (const d of data.deadlines) take(d.date);
  if (first === Infinity) {
    const today = Math.floor(Date.now() / DAY_MS);
    first = last = today;
  }
  const from = new Date(first * DAY_MS);
  const to = new Date(last * DAY_MS);
  return {
    first: Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1) / DAY_MS,
    // The first day of the month after the last item: the end of the drawing.
    last: Date.UTC(to.getUTCFullYear(), to.getUTCMonth() + 1, 1) / DAY_MS,
  };
}

/** Greedy lanes: each interval goes in the first lane whose last interval ends before it starts. */
function assignLanes(intervals: readonly { from: number; to: number }[], gap: number): number[] {
  const laneEnds: number[] = [];
  return intervals.map(({ from, to }) => {
    let lane = laneEnds.findIndex((end) => end + gap <= from);
    if (lane < 0) lane = laneEnds.push(to) - 1;
    else laneEnds[lane] = to;
    return lane;
  });
}

const TICK_STEPS = [1, 2, 3, 6, 12];

function monthTicks(first: number, last: number, pxPerDay: number): Tick[] {
  const monthPx = pxPerDay * 30.44;
  const step = TICK_STEPS.find((s) => s * monthPx >= GEOMETRY.minTickSpacing) ?? 12;
  const ticks: Tick[] = [];
  const start = new Date(first * DAY_MS);
  for (let m = 0; ; m += 1) {
    const ms = Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + m, 1);
    const day = ms / DAY_MS;
    if (day >= last) break;
    const month = new Date(ms).getUTCMonth();
    // Steps of 3, 6 or 12 months fall on quarters and years; smaller steps on every month.
    if ((step >= 3 ? month : m) % step !== 0) continue;
    const major = month === 0;
    const date = new Date(ms);
    ticks.push({
      x: (day - first) * pxPerDay,
      date: dateOf(day),
      label: major || ticks.length === 0 ? monthYear.format(date) : monthShort.format(date),
      major,
    });
  }
  return ticks;
}

/**
 * Places every item at a zoom (1 = the whole range fits `width`). Bars are sorted by start then
 * end and put in the first free lane, with their drawn width (at least `minBarWidth`) taken into
 * account, so that a one-day episode next to another never overlaps it at any zoom.
 */
export function layoutTimeline(data: TimelineData, width: number, zoom = 1): TimelineLayout {
  const g = GEOMETRY;
  const viewWidth = Math.max(1, width);
  const clampedZoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
  const { first, last } = extent(data);
  const days = Math.max(1, last - first);
  const inner = viewWidth - 2 * g.padding;
  const pxPerDay = (inner / days) * clampedZoom;
  const contentWidth = days * pxPerDay + 2 * g.padding;
  const xOf = (date: IsoDate) => g.padding + (dayOf(date) - first) * pxPerDay;

  // Bars, in lanes.
  const episodes = [...data.episodes].sort(
    (a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end) || a.number - b.number,
  );
  const spans = episodes.map((e) => {
    const x = xOf(e.start);
    const w = Math.max(g.minBarWidth, (dayOf(e.end) - dayOf(e.start) + 1) * pxPerDay);
    return { from: x, to: x + w, width: w };
  });
  const lanes = assignLanes(spans, g.barGapPx);
  const barsTop = g.deadlineLabelHeight + g.axisHeight;
  const bars: PlacedBar[] = episodes.map((item, i) => ({
    item,
    x: spans[i]!.from,
    width: spans[i]!.width,
    lane: lanes[i]!,
    y: barsTop + lanes[i]! * (g.barHeight + g.laneGap),
  }));
  const laneCount = lanes.length ? Math.max(...lanes) + 1 : 0;

  // Points, in rows below the bars.
  const pointsTop = barsTop + laneCount * (g.barHeight + g.laneGap) + g.sectionGap;
  const points = [...data.points].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  const r = g.pointRadius;
  const pointRows = assignLanes(
    points.map((p) => ({ from: xOf(p.date) - r, to: xOf(p.date) + r })),
    2,
  );
  const placedPoints: PlacedPoint[] = points.map((item, i) => ({
    item,
    x: xOf(item.date),
    y: pointsTop + r + pointRows[i]! * g.pointRowHeight,
  }));
  const rowCount = pointRows.length ? Math.max(...pointRows) + 1 : 0;
  const height = pointsTop + rowCount * g.pointRowHeight + g.padding;

  const deadlines: PlacedDeadline[] = [...data.deadlines]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((item) => ({ item, x: xOf(item.date), room: 0 }));
  deadlines.forEach((d, i) => {
    d.room = (deadlines[i + 1]?.x ?? contentWidth) - d.x;
  });

  const ticks = monthTicks(first, last, pxPerDay).map((t) => ({ ...t, x: t.x + g.padding }));

  const dateKey = (p: Placed): string =>
    p.item.kind === 'kpe' ? p.item.start : (p.item as TimelinePoint | TimelineDeadline).date;
  const rank = { kpe: 0, conversation: 1, meeting: 1, deadline: 2 } as const;
  const order: Placed[] = [...bars, ...placedPoints, ...deadlines].sort(
    (a, b) => dateKey(a).localeCompare(dateKey(b)) || rank[a.item.kind] - rank[b.item.kind],
  );
  const centres = new Map<string, number>();
  for (const b of bars) centres.set(itemKey(b.item), b.x + b.width / 2);
  for (const p of placedPoints) centres.set(itemKey(p.item), p.x);
  for (const d of deadlines) centres.set(itemKey(d.item), d.x);

  return {
    start: dateOf(first),
    end: dateOf(last - 1),
    pxPerDay,
    contentWidth,
    viewWidth,
    height,
    bars,
    points: placedPoints,
    deadlines,
    ticks,
    order,
    centres,
  };
}

/** The pan offset kept inside the content: never past either end. */
export const clampOffset = (offset: number, layout: Pick<TimelineLayout, 'contentWidth' | 'viewWidth'>) =>
  Math.min(Math.max(0, layout.contentWidth - layout.viewWidth), Math.max(0, offset));

/**
 * The offset after a zoom from `fromZoom` to `toZoom` that keeps the content under `anchorPx` (a
 * position in the view, e.g. the pointer or the centre) where it was.
 */
export function offsetAfterZoom(offset: number, anchorPx: number, fromZoom: number, toZoom: number): number {
  const padding = GEOMETRY.padding;
  const contentX = offset + anchorPx - padding;
  return (contentX * toZoom) / fromZoom + padding - anchorPx;
}

/** The first and last day in view at a pan offset, for announcing what is shown. */
export function visibleRange(layout: TimelineLayout, offset: number): { start: IsoDate; end: IsoDate } {
  const first = dayOf(layout.start);
  const at = (px: number) => dateOf(first + Math.floor(Math.max(0, px - GEOMETRY.padding) / layout.pxPerDay));
  const lastDay = dayOf(layout.end);
  const end = at(offset + layout.viewWidth);
  return { start: at(offset), end: dayOf(end) > lastDay ? layout.end : end };
}
