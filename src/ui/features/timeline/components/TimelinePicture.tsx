/**
 * The period under review as one SVG picture: month ticks, deadlines as lines, episodes as bars
 * in lanes, conversations and meetings as points. Every item is a keyboard stop of one roving
 * tabindex (only the active item is in the Tab order) and is announced with its title and date.
 */
import { memo, type KeyboardEvent, type Ref } from 'react';
import { mergeClasses } from '@fluentui/react-components';
import { describeItem } from '../hooks/useTimeline';
import {
  GEOMETRY,
  itemKey,
  type Placed,
  type TimelineItem,
  type TimelineLayout,
} from '../hooks/timeline-layout';
import { FOCUS_RING_CLASS, useTimelineStyles } from '../styles/useTimelineStyles';
import { ValenceFill } from './ValencePatterns';

export interface TimelinePictureProps {
  /** The current layout: the picture's size. */
  layout: TimelineLayout;
  /** What is drawn: the layout and offset as last rendered (null before the first drawing). */
  drawn: { layout: TimelineLayout; offset: number } | null;
  activeKey: string | undefined;
  label: string;
  patternPrefix: string;
  contentRef?: Ref<SVGGElement>;
  onItemClick(item: TimelineItem): void;
  onItemFocus(key: string): void;
  onKeyDown(event: KeyboardEvent<SVGSVGElement>): void;
}

const g = GEOMETRY;
/** Room a month label needs ("Sept 2026"): one nearer the right-hand end is not drawn. */
const TICK_LABEL_ROOM = 60;

export function TimelinePicture(props: TimelinePictureProps) {
  const { layout, drawn, label, patternPrefix, contentRef, onKeyDown } = props;
  const styles = useTimelineStyles();
  return (
    <svg
      className={styles.svg}
      width={layout.viewWidth}
      height={layout.height}
      role="group"
      aria-label={label}
      aria-roledescription="timeline"
      onKeyDown={onKeyDown}
    >
      <g ref={contentRef} transform={`translate(${-(drawn?.offset ?? 0)} 0)`}>
        {drawn && <Axis layout={drawn.layout} />}
        {drawn && (
          <Items
            layout={drawn.layout}
            activeKey={props.activeKey}
            patternPrefix={patternPrefix}
            onItemClick={props.onItemClick}
            onItemFocus={props.onItemFocus}
          />
        )}
      </g>
    </svg>
  );
}

const Axis = memo(function Axis({ layout }: { layout: TimelineLayout }) {
  const styles = useTimelineStyles();
  const axisY = g.deadlineLabelHeight + g.axisHeight - 6;
  return (
    <g aria-hidden="true">
      <line x1={0} x2={layout.contentWidth} y1={axisY} y2={axisY} className={styles.axisLine} />
      {layout.ticks.map((tick) => (
        <g key={tick.date}>
          <line
            x1={tick.x}
            x2={tick.x}
            y1={axisY - 6}
            y2={layout.height}
            className={tick.major ? styles.tickMajor : styles.tick}
          />
          {tick.x + TICK_LABEL_ROOM <= layout.contentWidth && (
            <text x={tick.x + 3} y={axisY - 8} className={styles.tickLabel}>
              {tick.label}
            </text>
          )}
        </g>
      ))}
    </g>
  );
});

/** The items; re-rendered when the layout or the active item changes, never while panning. */
type ItemsProps = Pick<
  TimelinePictureProps,
  'layout' | 'activeKey' | 'patternPrefix' | 'onItemClick' | 'onItemFocus'
>;

const Items = memo(function Items({
  layout,
  activeKey,
  patternPrefix,
  onItemClick,
  onItemFocus,
}: ItemsProps) {
  const styles = useTimelineStyles();
  const common = (placed: Placed, index: number) => {
    const key = itemKey(placed.item);
    return {
      role: 'button',
      tabIndex: key === activeKey ? 0 : -1,
      'aria-label': describeItem(placed.item),
      'data-index': index,
      'data-key': key,
      className: styles.item,
      onClick: () => onItemClick(placed.item),
      onFocus: () => onItemFocus(key),
    } as const;
  };
  return (
    <g>
      {layout.order.map((placed, index) => {
        const { item } = placed;
        if (item.kind === 'deadline') {
          const { x, room } = placed as TimelineLayout['deadlines'][number];
          return (
            <g key={itemKey(item)} {...common(placed, index)}>
              <line
                x1={x}
                x2={x}
                y1={g.deadlineLabelHeight - 4}
                y2={layout.height}
                className={styles.deadline}
              />
              <path d={`M${x - 5} 2 h10 l-5 8 z`} className={styles.deadlineFlag} />
              {room > 90 && (
                <text x={x + 7} y={12} className={styles.deadlineLabel}>
                  {item.title}
                </text>
              )}
              <rect x={x - 6} y={0} width={12} height={layout.height} className={styles.hitArea} />
              <rect
                x={x - 7}
                y={0}
                width={14}
                height={layout.height}
                className={mergeClasses(styles.focusRing, FOCUS_RING_CLASS)}
              />
            </g>
          );
        }
        if (item.kind === 'kpe') {
          const { x, y, width } = placed as TimelineLayout['bars'][number];
          return (
            <g key={itemKey(item)} {...common(placed, index)}>
              <ValenceFill
                prefix={patternPrefix}
                valence={item.valence}
                className={styles[item.valence]}
                x={x}
                y={y}
                width={width}
                height={g.barHeight}
              />
              {width > 44 && (
                <text x={x + 4} y={y + g.barHeight / 2 + 4} className={styles.barLabel}>
                  {`KPE ${item.number}`}
                </text>
              )}
              <rect
                x={x - 2}
                y={y - 2}
                width={width + 4}
                height={g.barHeight + 4}
                rx={4}
                className={mergeClasses(styles.focusRing, FOCUS_RING_CLASS)}
              />
            </g>
          );
        }
        const { x, y } = placed as TimelineLayout['points'][number];
        return (
          <g key={itemKey(item)} {...common(placed, index)}>
            {item.kind === 'meeting' ? (
              <rect
                x={x - g.pointRadius + 1}
                y={y - g.pointRadius + 1}
                width={2 * g.pointRadius - 2}
                height={2 * g.pointRadius - 2}
                className={styles.meeting}
              />
            ) : (
              <circle cx={x} cy={y} r={g.pointRadius} className={styles.point} />
            )}
            <circle
              cx={x}
              cy={y}
              r={g.pointRadius + 3}
              className={mergeClasses(styles.focusRing, FOCUS_RING_CLASS)}
            />
          </g>
        );
      })}
    </g>
  );
});
