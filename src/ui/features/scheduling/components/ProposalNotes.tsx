import { MessageBar, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import type { Scheduler } from '../hooks/useScheduler';
import { useSchedulingStyles } from '../styles/useSchedulingStyles';

/** Who cannot be read, whose calendar is not shared (and how to share it), and what could not be placed. */
export function ProposalNotes({ s }: { s: Scheduler }) {
  const styles = useSchedulingStyles();
  const plan = s.plan.data!;
  const name = (id: string) => {
    const p = s.personOf.get(id);
    return p && p.role !== 'family' ? `${p.name}${p.agency ? ` (${p.agency})` : ''}` : id;
  };
  return (
    <>
      <Text>
        {plan.organiser.onBehalf
          ? `The invitations go from ${plan.organiser.name}'s calendar, which is shared with you; ${plan.organiser.name} is the organiser and receives the answers.`
          : 'The invitations go from your own calendar.'}
      </Text>
      {plan.notShared ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              {plan.notShared.name}&apos;s calendar is{' '}
              {plan.notShared.access === 'read' ? 'shared with you to read only' : 'not shared with you'}.
            </MessageBarTitle>
            {plan.notShared.message} Nothing can be sent until then; the times below are only a proposal.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {plan.unknown.length ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Calendars that cannot be read (other organisations)</MessageBarTitle>
            <ul className={styles.plainList}>
              {plan.unknown.map((id) => (
                <li key={id}>{name(id)}</li>
              ))}
            </ul>
            Their conversations are at the best time for everyone else; they confirm by answering the
            invitation.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {plan.alreadyArranged.length ? (
        <Text>
          Left out, as their conversation is already arranged: {plan.alreadyArranged.map(name).join(', ')}.
        </Text>
      ) : null}
      {plan.timetable.unplaced.length ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              {plan.timetable.unplaced.length === 1
                ? 'One conversation has no time in the window.'
                : `${plan.timetable.unplaced.length} conversations have no time in the window.`}
            </MessageBarTitle>
            <ul className={styles.plainList}>
              {plan.timetable.unplaced.map((u) => (
                <li key={u.conversationId}>
                  {s.describe(u.conversationId).practitioner}: {u.reasons.map((r) => r.message).join(' ')}
                </li>
              ))}
            </ul>
            Widen the window or change the rules, then find times again.
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </>
  );
}
