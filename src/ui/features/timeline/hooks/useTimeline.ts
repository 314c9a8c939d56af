/**
 * The timeline's state and behaviour: zoom, pan, the item that holds the keyboard (roving
 * tabindex), and what to announce. The layout is memoised by data, width and zoom; panning changes
 * only an offset (and, while dragging, not even React state: see usePanDrag).
 */
import { useCallback, useMemo, useState } from 'react';
import { formatDate } from '../../../../core/dates';
import {
  clampOffset,
  itemKey,
  layoutTimeline,
  MAX_ZOOM,
  MIN_ZOOM,
  offsetAfterZoom,
  visibleRange,
  type TimelineData,
  type TimelineItem,
  type TimelineLayout,
} from './timeline-layout';

export const ZOOM_STEP = 1.5;

const VALENCE_WORDS = {
  good: 'good practice',
  problematic: 'problematic practice',
  mixed: 'mixed practice',
} as const;

/** What a screen reader announces for an item: its kind, title, date or period, and valence. */
export function describeItem(item: TimelineItem): string {
  switch (item.kind) {
    case 'kpe': {
      const when =
        item.start === item.end
          ? formatDate(item.start)
          : `${formatDate(item.start)} to ${formatDate(item.end)}`;
      return `KPE ${item.number}: ${item.title}. ${when}. ${VALENCE_WORDS[item.valence]}.`;
    }
    case 'conversation':
    case 'meeting':
      return `${item.title}. ${formatDate(item.date)}.`;
    case 'deadline':
      return `Deadline: ${item.title}. ${formatDate(item.date)}.`;
  }
}

export interface TimelineState {
  layout: TimelineLayout;
  zoom: number;
  offset: number;
  /** The key of the item that takes the Tab stop. */
  activeKey: string | undefined;
  announcement: string;
  zoomBy(factor: number, anchorPx?: number): void;
  fit(): void;
  panBy(px: number): void;
  setOffset(px: number): void;
  /** Makes an item the Tab stop and pans it into view; returns its index in time order. */
  activate(key: string): number;
  /** The item `step` places from the active one in time order (clamped at the ends). */
  step(step: number | 'first' | 'last'): string | undefined;
}

export function useTimeline(data: TimelineData, width: number): TimelineState {
  const [zoom, setZoom] = useState(1);
  const [offset, setOffsetState] = useState(0);
  const [activeKey, setActiveKey] = useState<string>();
  const [announcement, setAnnouncement] = useState('');
  const layout = useMemo(() => layoutTimeline(data, width, zoom), [data, width, zoom]);
  const active =
    activeKey && layout.centres.has(activeKey) ? activeKey : layout.order[0] && itemKey(layout.order[0].item);

  const announceView = useCallback((l: TimelineLayout, at: number, what: string) => {
    const range = visibleRange(l, at);
    setAnnouncement(`${what}: showing ${formatDate(range.start)} to ${formatDate(range.end)}.`);
  }, []);

  const zoomBy = useCallback(
    (factor: number, anchorPx = width / 2) => {
      const next = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom * factor));
      if (next === zoom) {
        setAnnouncement(next === MAX_ZOOM ? 'Zoomed in as far as it goes.' : 'Showing the whole period.');
        return;
      }
      const nextLayout = layoutTimeline(data, width, next);
      const nextOffset = clampOffset(offsetAfterZoom(offset, anchorPx, zoom, next), nextLayout);
      setZoom(next);
      setOffsetState(nextOffset);
      announceView(nextLayout, nextOffset, next > zoom ? 'Zoomed in' : 'Zoomed out');
    },
    [announceView, data, offset, width, zoom],
  );

  const fit = useCallback(() => {
    setZoom(1);
    setOffsetState(0);
    setAnnouncement('Showing the whole period.');
  }, []);

  const setOffset = useCallback(
    (px: number) => {
      const next = clampOffset(px, layout);
      setOffsetState(next);
      announceView(layout, next, 'Moved');
    },
    [announceView, layout],
  );

  const panBy = useCallback((px: number) => setOffset(offset + px), [offset, setOffset]);

  const activate = useCallback(
    (key: string) => {
      setActiveKey(key);
      const centre = layout.centres.get(key);
      if (centre !== undefined && (centre < offset || centre > offset + layout.viewWidth))
        setOffsetState(clampOffset(centre - layout.viewWidth / 2, layout));
      return layout.order.findIndex((p) => itemKey(p.item) === key);
    },
    [layout, offset],
  );

  const step = useCallback(
    (by: number | 'first' | 'last') => {
      const { order } = layout;
      if (order.length === 0) return undefined;
      const at = Math.max(
        0,
        order.findIndex((p) => itemKey(p.item) === active),
      );
      const index =
        by === 'first'
          ? 0
          : by === 'last'
            ? order.length - 1
            : Math.min(order.length - 1, Math.max(0, at + by));
      return itemKey(order[index]!.item);
    },
    [active, layout],
  );

  return {
    layout,
    zoom,
    offset,
    activeKey: active,
    announcement,
    zoomBy,
    fit,
    panBy,
    setOffset,
    activate,
    step,
  };
}
