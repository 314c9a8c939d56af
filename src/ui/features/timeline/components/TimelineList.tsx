/**
 * The timeline as a list, in time order: the alternative to the picture at narrow widths and for
 * anyone who prefers it. Each button is named by its visible text (title, kind, date, valence).
 */
import { Button, mergeClasses } from '@fluentui/react-components';
import { itemKey, type TimelineItem, type TimelineLayout } from '../hooks/timeline-layout';
import { useListStyles } from '../../../shell/styles/useListStyles';
import { useTimelineStyles } from '../styles/useTimelineStyles';
import { ValenceSwatch, VALENCE_LABELS } from './ValencePatterns';
import { formatDate } from '../../../../core/dates';

const KIND_WORDS = {
  kpe: 'Key practice episode',
  conversation: 'Conversation',
  meeting: 'Meeting',
  deadline: 'Deadline',
};

function when(item: TimelineItem): string {
  if (item.kind !== 'kpe') return formatDate(item.date);
  return item.start === item.end
    ? formatDate(item.start)
    : `${formatDate(item.start)} to ${formatDate(item.end)}`;
}

export function TimelineList(props: {
  layout: TimelineLayout;
  label: string;
  patternPrefix: string;
  onOpen(item: TimelineItem): void;
}) {
  const { layout, label, patternPrefix, onOpen } = props;
  const styles = useTimelineStyles();
  const list = useListStyles();
  return (
    <ol className={mergeClasses(list.plain, list.plainClose)} aria-label={label}>
      {layout.order.map(({ item }) => (
        <li key={itemKey(item)}>
          <Button
            appearance="subtle"
            className={styles.listButton}
            onClick={() => onOpen(item)}
            icon={
              item.kind === 'kpe' ? (
                <ValenceSwatch prefix={patternPrefix} valence={item.valence} />
              ) : undefined
            }
          >
            <span className={styles.listText}>
              <span>{item.kind === 'kpe' ? `KPE ${item.number}: ${item.title}` : item.title}</span>
              <span className={styles.listMeta}>
                {`${KIND_WORDS[item.kind]} · ${when(item)}${item.kind === 'kpe' ? ` · ${VALENCE_LABELS[item.valence]}` : ''}`}
              </span>
            </span>
          </Button>
        </li>
      ))}
    </ol>
  );
}
