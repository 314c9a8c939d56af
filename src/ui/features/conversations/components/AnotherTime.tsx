import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
} from '@fluentui/react-components';
import { useState } from 'react';
import { GatewayError } from '../../../../core/failures';
import { anotherTimeIssues, defaultAnotherTimeWindow } from '../../../../core/scheduling/another-time';
import type { PlanIssues } from '../../../../core/scheduling/plan';
import { useBookAnotherTime, useProposeAnotherTime } from '../../../data/scheduling';
import { DateField } from '../../../shell/DateField';
import { todayInLondon } from '../../../shell/dates';
import { ProblemMessage } from '../../../shell/Problem';
import { describeProblem } from '../../../shell/problems';
import { formatSlot, type ConversationRow } from '../hooks/rows';
import { useConversationsStyles } from '../styles/useConversationsStyles';

type Day = 'firstDay' | 'lastDay';

/**
 * "Find another time" for a conversation whose invitation was declined: the days to look in (the
 * next two working weeks by default), checked by the core beside each field; the finder's time
 * (never one already declined by whoever declined it), and on confirmation the new invitation,
 * sent once, with the declined one(s) cancelled.
 */
export function AnotherTime({ reviewId, row }: { reviewId: string; row: ConversationRow }) {
  const styles = useConversationsStyles();
  const [days, setDays] = useState(() => defaultAnotherTimeWindow(todayInLondon()));
  const [issues, setIssues] = useState<PlanIssues>({});
  const [typed, setTyped] = useState<Partial<Record<Day, string>>>({});
  const propose = useProposeAnotherTime(reviewId, row.id);
  const book = useBookAnotherTime(reviewId);
  const booked = book.data?.ok ? book.data : undefined;
  if (!row.needsAnotherTime && !booked) return null;

  const responses = row.conversation.calendarEvent?.responses ?? {};
  const decliners = Object.keys(responses).filter((id) => responses[id] === 'declined');
  const nameOf = (id: string) =>
    [row.practitioner, ...row.reviewers].find((p) => p.id === id)?.name ?? 'someone';
  // The gateway's refusal of the days (the same checks), beside the fields too.
  const invalid =
    propose.error instanceof GatewayError && propose.error.kind === 'invalid-input'
      ? propose.error
      : undefined;
  const refused = (invalid?.issues ?? []).filter((i) => i.field === 'firstDay' || i.field === 'lastDay');
  const messageOf = (f: Day) =>
    typed[f] ??
    [...(issues[f] ?? []), ...refused.filter((i) => i.field === f).map((i) => i.message)].join(' ');
  const field = (f: Day) => {
    const message = messageOf(f);
    return message ? { validationMessage: message, validationState: 'error' as const } : {};
  };
  const find = () => {
    const form = { ...days, now: new Date().toISOString() };
    const found = anotherTimeIssues(row.conversation, [], form);
    setIssues(found);
    book.reset();
    if (Object.values(found).some((l) => l && l.length)) {
      propose.reset();
      return;
    }
    propose.mutate(form);
  };
  const proposal = propose.data;
  const placed = proposal?.placed;

  return (
    <section className={styles.action} aria-labelledby="another-time-heading">
      <Text as="h3" size={500} weight="semibold" id="another-time-heading" className={styles.heading}>
        Find another time
      </Text>
      {booked ? (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              {booked.already ? 'The new invitation was already sent' : 'The new invitation is sent'}:{' '}
              {formatSlot(booked)}.
            </MessageBarTitle>
            {booked.notCancelled
              ? 'The declined invitation could not be withdrawn; it stays, declined, in the organiser’s calendar.'
              : 'The earlier invitation is withdrawn from the calendars.'}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <Text>
            {row.conversation.status === 'proposed'
              ? `${row.practitioner.name} declined every time offered.`
              : row.conversation.calendarEvent?.status === 'missing'
                ? `The invitation for ${row.when} is no longer in the organiser’s calendar.`
                : `${decliners.map(nameOf).join(', ') || 'Someone'} declined the invitation for ${row.when}.`}{' '}
            Choose the days to look in: the finder reads everyone’s calendar and never proposes a time already
            declined. Nothing is sent until you confirm.
          </Text>
          <div className={styles.fields}>
            <Field label="First day" {...field('firstDay')}>
              <DateField
                value={days.firstDay}
                onChange={(v) => setDays((d) => ({ ...d, firstDay: v }))}
                onTextError={(m) => setTyped((t) => ({ ...t, firstDay: m }))}
              />
            </Field>
            <Field label="Last day" {...field('lastDay')}>
              <DateField
                value={days.lastDay}
                onChange={(v) => setDays((d) => ({ ...d, lastDay: v }))}
                onTextError={(m) => setTyped((t) => ({ ...t, lastDay: m }))}
              />
            </Field>
          </div>
          <div className={styles.filters}>
            <Button appearance={placed ? 'secondary' : 'primary'} onClick={find} disabled={propose.isPending}>
              Find another time
            </Button>
            {propose.isPending ? <Spinner size="tiny" label="Reading calendars…" /> : null}
          </div>
          {propose.error && refused.length === 0 ? (
            <ProblemMessage
              problem={
                invalid
                  ? {
                      // e.g. someone without an email address: the core's own words, nothing sent.
                      title: 'Nothing was sent: another time cannot be looked for as it is.',
                      detail: invalid.issues.map((i) => i.message).join(' ') || invalid.message,
                    }
                  : describeProblem(propose.error)
              }
              onRetry={find}
            />
          ) : null}
          {proposal && !placed ? (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>No time fits those days.</MessageBarTitle>
                {proposal.reasons.join(' ')} Try more days.
              </MessageBarBody>
            </MessageBar>
          ) : null}
          {proposal && placed ? (
            <div className={styles.proposal} role="status">
              <Text weight="semibold">Proposed: {formatSlot(placed)}</Text>
              {proposal.declined.length ? (
                <Text className={styles.muted}>
                  Not offered again:{' '}
                  {proposal.declined
                    .map((d) => `${formatSlot(d)} (declined by ${d.by.map(nameOf).join(', ')})`)
                    .join('; ')}
                  .
                </Text>
              ) : null}
              {placed.unknownAvailability.length ? (
                <Text>
                  {placed.unknownAvailability.map(nameOf).join(', ')}’s calendar cannot be read: the
                  invitation goes as tentative, to be confirmed.
                </Text>
              ) : null}
              {proposal.notShared ? (
                <MessageBar intent="warning" layout="multiline">
                  <MessageBarBody>{proposal.notShared.message}</MessageBarBody>
                </MessageBar>
              ) : null}
            </div>
          ) : null}
          {proposal && placed && !proposal.notShared ? (
            <div className={styles.filters}>
              <Button appearance="primary" onClick={() => book.mutate(proposal)} disabled={book.isPending}>
                Send the new invitation
              </Button>
              {book.isPending ? <Spinner size="tiny" label="Sending…" /> : null}
            </div>
          ) : null}
          {book.data && !book.data.ok ? (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>The new invitation was not sent.</MessageBarTitle>
                {book.data.reason}
              </MessageBarBody>
            </MessageBar>
          ) : null}
          {book.error ? (
            <ProblemMessage
              problem={describeProblem(book.error)}
              onRetry={() => proposal && book.mutate(proposal)}
            />
          ) : null}
        </>
      )}
    </section>
  );
}
