/**
 * The timeline of a review: the period under review as one picture, with zoom and pan (buttons,
 * keyboard, wheel and drag) and a list alternative (the default below 480 px). It receives plain
 * data and reports the item chosen through `onOpen`; it fetches nothing itself.
 *
 * Keyboard, on the picture: Left/Right (or Up/Down) the previous or next item in time, Home/End the
 * first or last, Enter or Space opens it; + and - zoom, 0 shows the whole period, Shift+Left/Right
 * pans. Ctrl+wheel (or a pinch) zooms, a sideways or Shift+wheel pans, dragging pans.
 */
import {
  useCallback,
  useDeferredValue,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { Button, mergeClasses, ToggleButton } from '@fluentui/react-components';
import { useElementWidth } from '../hooks/useElementWidth';
import { usePanDrag } from '../hooks/usePanDrag';
import { useTimeline, ZOOM_STEP } from '../hooks/useTimeline';
import {
  clampOffset,
  itemKey,
  type TimelineData,
  type TimelineItem,
  type Valence,
} from '../hooks/timeline-layout';
import { useTimelineStyles } from '../styles/useTimelineStyles';
import { TimelineList } from './TimelineList';
import { TimelinePicture } from './TimelinePicture';
import { ValencePatternDefs, ValenceSwatch, VALENCE_LABELS } from './ValencePatterns';

export const NARROW_WIDTH = 480;
const ON_SERVER = typeof document === 'undefined';

export interface TimelineProps {
  data: TimelineData;
  /** Called with the item a person selects (click, Enter or Space): the caller opens it. */
  onOpen(item: TimelineItem): void;
  /** The picture's accessible name. */
  label?: string;
  /** The width before it is measured (and on the server). */
  initialWidth?: number;
  /** Start with the list rather than the picture (otherwise: the list only when narrow). */
  initialView?: 'picture' | 'list';
  /**
   * Called once a new layout (first drawing, a zoom, a resize) has been painted: after the commit,
   * the next animation frame and the task after it. The route marks its timings with it.
   */
  onPainted?(): void;
}

const VALENCES: readonly Valence[] = ['good', 'problematic', 'mixed'];

export function Timeline({
  data,
  onOpen,
  label = 'Timeline of the period under review',
  initialWidth = 960,
  initialView,
  onPainted,
}: TimelineProps) {
  const styles = useTimelineStyles();
  const prefix = `crw-tl-${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const viewportRef = useRef<HTMLDivElement>(null);
  const contentRef = useRef<SVGGElement>(null);
  const width = useElementWidth(viewportRef, initialWidth);
  const [chosenView, setChosenView] = useState(initialView);
  const view = chosenView ?? (width < NARROW_WIDTH ? 'list' : 'picture');
  const timeline = useTimeline(data, width);
  const { layout, offset, zoomBy, panBy, setOffset, activate, step, fit } = timeline;

  // The picture is drawn from a deferred copy of the layout and offset: the screen (toolbar,
  // legend, an empty picture of the right size) is committed first, and the items follow in a
  // background render once the width has been measured. A zoom answers the click at once and
  // draws the new layout next. Each commit stays short: no task long enough to delay a keypress.
  const current = useMemo(() => ({ layout, offset }), [layout, offset]);
  // On the server there is nothing to measure or to follow: it draws everything at once.
  const drawn = useDeferredValue<typeof current | null>(current, ON_SERVER ? current : null);

  const painted = useRef(onPainted);
  painted.current = onPainted;
  const drawnLayout = view === 'picture' ? drawn?.layout : layout;
  useLayoutEffect(() => {
    if (!painted.current || !drawnLayout) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => painted.current?.(), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [drawnLayout]);

  const focusIndex = useCallback((index: number) => {
    // After React has moved the Tab stop and the view.
    requestAnimationFrame(() => {
      viewportRef.current?.querySelector<SVGGElement>(`[data-index="${index}"]`)?.focus();
    });
  }, []);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<SVGSVGElement>) => {
      const moveTo = (key: string | undefined) => {
        if (key === undefined) return;
        focusIndex(activate(key));
      };
      const pan = layout.viewWidth * 0.25;
      // Zooming from the keyboard keeps the item in focus where it is on screen.
      const activeAnchor = () => {
        const centre = timeline.activeKey ? layout.centres.get(timeline.activeKey) : undefined;
        return centre === undefined ? undefined : Math.min(layout.viewWidth, Math.max(0, centre - offset));
      };
      let handled = true;
      switch (event.key) {
        case 'ArrowRight':
        case 'ArrowDown':
          if (event.shiftKey) panBy(pan);
          else moveTo(step(1));
          break;
        case 'ArrowLeft':
        case 'ArrowUp':
          if (event.shiftKey) panBy(-pan);
          else moveTo(step(-1));
          break;
        case 'Home':
          moveTo(step('first'));
          break;
        case 'End':
          moveTo(step('last'));
          break;
        case '+':
        case '=':
          zoomBy(ZOOM_STEP, activeAnchor());
          break;
        case '-':
        case '_':
          zoomBy(1 / ZOOM_STEP, activeAnchor());
          break;
        case '0':
          fit();
          break;
        case 'Enter':
        case ' ': {
          const key = (event.target as Element).getAttribute?.('data-key');
          const placed = layout.order.find((p) => itemKey(p.item) === key);
          if (placed) onOpen(placed.item);
          else handled = false;
          break;
        }
        default:
          handled = false;
      }
      if (handled) event.preventDefault();
    },
    [activate, fit, focusIndex, layout, offset, onOpen, panBy, step, timeline.activeKey, zoomBy],
  );

  const clamp = useCallback((px: number) => clampOffset(px, layout), [layout]);
  const drag = usePanDrag(contentRef, offset, clamp, setOffset);

  // Wheel: Ctrl+wheel (and trackpad pinch) zooms around the pointer; sideways or Shift+wheel pans.
  // A plain vertical wheel is left to scroll the page. Non-passive, to keep the page still when used.
  const wheel = useRef({ zoomBy, panBy });
  wheel.current = { zoomBy, panBy };
  useEffect(() => {
    const element = viewportRef.current;
    if (!element || view !== 'picture') return;
    const onWheel = (event: WheelEvent) => {
      if (event.ctrlKey || event.metaKey) {
        event.preventDefault();
        const anchor = event.clientX - element.getBoundingClientRect().left;
        wheel.current.zoomBy(event.deltaY < 0 ? ZOOM_STEP : 1 / ZOOM_STEP, anchor);
      } else if (event.shiftKey || Math.abs(event.deltaX) > Math.abs(event.deltaY)) {
        event.preventDefault();
        wheel.current.panBy(event.shiftKey ? event.deltaY : event.deltaX);
      }
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [view]);

  // Stable handlers, so that the items (memoised) are not drawn again when only the view moves.
  const { wasDrag } = drag;
  const onItemClick = useCallback(
    (item: TimelineItem) => {
      if (!wasDrag()) onOpen(item);
    },
    [wasDrag, onOpen],
  );
  const latestActivate = useRef(activate);
  latestActivate.current = activate;
  const onItemFocus = useCallback((key: string) => void latestActivate.current(key), []);

  const atStart = offset <= 0;
  const atEnd = offset >= layout.contentWidth - layout.viewWidth - 0.5;
  return (
    <div className={styles.root}>
      <ValencePatternDefs prefix={prefix} />
      <div className={styles.toolbar} role="toolbar" aria-label="Timeline view">
        {view === 'picture' && (
          <>
            <Button size="small" onClick={() => zoomBy(ZOOM_STEP)} aria-keyshortcuts="+">
              Zoom in
            </Button>
            <Button size="small" onClick={() => zoomBy(1 / ZOOM_STEP)} aria-keyshortcuts="-">
              Zoom out
            </Button>
            <Button size="small" onClick={fit} aria-keyshortcuts="0">
              Whole period
            </Button>
            <Button size="small" onClick={() => panBy(-layout.viewWidth * 0.5)} disabled={atStart}>
              Earlier
            </Button>
            <Button size="small" onClick={() => panBy(layout.viewWidth * 0.5)} disabled={atEnd}>
              Later
            </Button>
          </>
        )}
        <ToggleButton
          size="small"
          checked={view === 'list'}
          onClick={() => setChosenView(view === 'list' ? 'picture' : 'list')}
        >
          Show as a list
        </ToggleButton>
      </div>
      <div className={styles.legend} aria-hidden={view === 'list'}>
        {VALENCES.map((valence) => (
          <span key={valence} className={styles.legendItem}>
            <ValenceSwatch prefix={prefix} valence={valence} />
            {VALENCE_LABELS[valence]}
          </span>
        ))}
      </div>
      <div
        ref={viewportRef}
        className={mergeClasses(view === 'picture' && styles.viewport)}
        {...(view === 'picture'
          ? {
              onPointerDown: drag.onPointerDown,
              onPointerMove: drag.onPointerMove,
              onPointerUp: drag.onPointerUp,
              onPointerCancel: drag.onPointerCancel,
            }
          : {})}
      >
        {view === 'picture' ? (
          <TimelinePicture
            layout={layout}
            drawn={drawn}
            activeKey={timeline.activeKey}
            label={label}
            patternPrefix={prefix}
            contentRef={contentRef}
            onItemClick={onItemClick}
            onItemFocus={onItemFocus}
            onKeyDown={onKeyDown}
          />
        ) : (
          <TimelineList layout={layout} label={label} patternPrefix={prefix} onOpen={onOpen} />
        )}
      </div>
      <div className={styles.visuallyHidden} role="status" aria-live="polite">
        {timeline.announcement}
      </div>
    </div>
  );
}
