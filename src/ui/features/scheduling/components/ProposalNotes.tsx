import {
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Text,
} from '@fluentui/react-components';
import type { UnknownChoice } from '../../../../graph/workspace';
import { dayOf, formatDay, span } from '../hooks/week';
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
            Choose for each of their conversations: offer up to three times (each its own tentative
            invitation; when one is accepted the others are cancelled), or book the best time for everyone
            else as tentative, to be confirmed by answering the invitation.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {(s.timetable?.placed ?? [])
        .filter((p) => p.unknownAvailability.length > 0)
        .map((p) => {
          const who = s.describe(p.conversationId).practitioner;
          const choice = s.unknownChoice[p.conversationId] ?? 'tentative';
          const times = s.candidates.get(p.conversationId);
          return (
            <Field key={p.conversationId} label={`Conversation with ${who}`}>
              <RadioGroup
                value={choice}
                onChange={(_, data) => s.choose(p.conversationId, data.value as UnknownChoice)}
              >
                <Radio value="tentative" label="Book the best time as tentative" />
                <Radio value="offer-three" label="Offer up to three times" />
              </RadioGroup>
              {choice === 'offer-three' && times ? (
                <Text>
                  {times.length === 1 ? 'Offered time' : `Offered times (${times.length})`}:{' '}
                  {times.map((t) => `${formatDay(dayOf(t.start))}, ${span(t.start, t.end)}`).join('; ')}.
                </Text>
              ) : null}
            </Field>
          );
        })}
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
