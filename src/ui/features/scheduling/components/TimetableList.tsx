import { Button, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { PlacedConversation } from '../../../../core/scheduling';
import type { Scheduler } from '../hooks/useScheduler';
import { dayOf, formatDay, span } from '../hooks/week';
import { useListStyles } from '../../../shell/styles/useListStyles';
import { useSchedulingStyles } from '../styles/useSchedulingStyles';
import { MoveDialog } from './MoveDialog';

/** The timetable read as a list by day: the narrow screen's week view, and the picture's alternative. */
export function TimetableList({ s, placed }: { s: Scheduler; placed: readonly PlacedConversation[] }) {
  const styles = useSchedulingStyles();
  const list = useListStyles();
  const [moving, setMoving] = useState<PlacedConversation | null>(null);
  const byDay = new Map<string, PlacedConversation[]>();
  for (const p of [...placed].sort((a, b) => Date.parse(a.start) - Date.parse(b.start)))
    byDay.set(dayOf(p.start), [...(byDay.get(dayOf(p.start)) ?? []), p]);
  return (
    <>
      <ul className={styles.days} aria-label="Proposed conversations by day">
        {[...byDay].map(([day, items]) => (
          <li key={day}>
            <Text as="h4" weight="semibold" className={styles.heading} id={`list-day-${day}`}>
              {formatDay(day)}
            </Text>
            <ul className={list.plain} aria-labelledby={`list-day-${day}`}>
              {items.map((p) => {
                const who = s.describe(p.conversationId);
                return (
                  <li key={p.conversationId} className={styles.item}>
                    <Text weight="semibold">
                      {span(p.start, p.end)} {who.practitioner}
                    </Text>
                    <Text className={styles.muted}>
                      {[who.label, `with ${who.reviewers.join(' and ')}`].filter(Boolean).join(' · ')}
                    </Text>
                    {p.unknownAvailability.length ? (
                      <Text className={styles.muted}>
                        Their calendar cannot be read: they confirm by answering.
                      </Text>
                    ) : null}
                    <div className={styles.actions}>
                      <Button size="small" onClick={() => setMoving(p)}>
                        Move the conversation with {who.practitioner}
                      </Button>
                    </div>
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ul>
      {moving ? <MoveDialog s={s} placed={moving} open onClose={() => setMoving(null)} /> : null}
    </>
  );
}
