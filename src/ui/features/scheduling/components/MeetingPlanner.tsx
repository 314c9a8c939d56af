import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Text,
} from '@fluentui/react-components';
import { MEETING_KIND_LABELS, type MeetingKind } from '../../../../core/model/meeting';
import type { MeetingOption, PlanField } from '../../../../core/scheduling';
import type { ReviewPerson } from '../../../../graph/workspace';
import { DateField } from '../../../shell/DateField';
import { ProblemMessage } from '../../../shell/Problem';
import { schedulingProblem as describeProblem } from '../hooks/problem';
import { useMeetingPlanner, type Invitation } from '../hooks/useMeetingPlanner';
import { dayOf, formatDay, span } from '../hooks/week';
import { useSchedulingStyles } from '../styles/useSchedulingStyles';
import { FieldGroup } from './FieldGroup';

const ROLE = {
  'lead-reviewer': 'Lead reviewer',
  'review-team': 'Review team',
  'case-group': 'Case group',
} as const;

/** A case group meeting or a review team meeting: one invitation for many, at the time most can come. */
export function MeetingPlanner({ reviewId, people }: { reviewId: string; people: readonly ReviewPerson[] }) {
  const styles = useSchedulingStyles();
  const m = useMeetingPlanner(reviewId, people);
  const field = (f: PlanField) => {
    const message = m.issues[f]?.join(' ');
    return message ? { validationMessage: message, validationState: 'error' as const } : {};
  };
  const name = (id: string) => {
    const p = people.find((x) => x.id === id);
    return p && p.role !== 'family' ? p.name : id;
  };
  const describe = (o: MeetingOption) =>
    [
      `${o.requiredAttending.length} required and ${o.optionalAttending.length} optional can come`,
      o.unknown.length ? `${o.unknown.length} unknown (${o.unknown.map(name).join(', ')})` : '',
    ]
      .filter(Boolean)
      .join('; ');
  return (
    <form
      className={styles.section}
      aria-labelledby="meeting-heading"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        m.propose();
      }}
    >
      <Text as="h3" size={500} weight="semibold" id="meeting-heading" className={styles.heading}>
        A case group or review team meeting
      </Text>
      <Field label="Kind of meeting">
        <RadioGroup value={m.kind} layout="horizontal" onChange={(_, d) => m.setKind(d.value as MeetingKind)}>
          {(Object.keys(MEETING_KIND_LABELS) as MeetingKind[]).map((k) => (
            <Radio key={k} value={k} label={MEETING_KIND_LABELS[k]} />
          ))}
        </RadioGroup>
      </Field>
      <FieldGroup legend="Who is invited" message={m.issues.invitees?.join(' ')}>
        <div className={styles.invitees}>
          {people.map((p) =>
            p.role === 'family' || p.role === 'panel' ? null : (
              <div key={p.id} style={{ display: 'contents' }}>
                <Text id={`invitee-${p.id}`} className={styles.wrap}>
                  {p.name}{' '}
                  <Text size={200} className={styles.muted}>
                    {ROLE[p.role]}
                    {p.email ? '' : ' · no email address'}
                  </Text>
                </Text>
                <Select
                  aria-labelledby={`invitee-${p.id}`}
                  value={m.invited[p.id] ?? 'none'}
                  onChange={(_, d) => m.invite(p.id, d.value as Invitation)}
                >
                  <option value="none">Not invited</option>
                  <option value="required">Required</option>
                  <option value="optional">Optional</option>
                </Select>
              </div>
            ),
          )}
        </div>
      </FieldGroup>
      <div className={styles.fields}>
        <Field label="In the calendar of">
          <Select value={m.organiser} onChange={(_, d) => m.setOrganiser(d.value)}>
            {people.map((p) =>
              p.role === 'lead-reviewer' ? (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ) : null,
            )}
          </Select>
        </Field>
        <Field label="Length of the meeting (minutes)" {...field('durationMinutes')}>
          <Input type="number" value={m.durationMinutes} onChange={(_, d) => m.setDuration(d.value)} />
        </Field>
        <Field label="First day of the meeting window" {...field('firstDay')}>
          <DateField value={m.days.firstDay} onChange={(v) => m.setDays({ ...m.days, firstDay: v })} />
        </Field>
        <Field label="Last day of the meeting window" {...field('lastDay')}>
          <DateField value={m.days.lastDay} onChange={(v) => m.setDays({ ...m.days, lastDay: v })} />
        </Field>
      </div>
      <div className={styles.actions}>
        <Button type="submit" disabled={m.plan.isPending}>
          Find a time
        </Button>
        {m.plan.isPending ? <Spinner size="tiny" label="Reading calendars…" /> : null}
      </div>
      {m.plan.error ? <ProblemMessage problem={describeProblem(m.plan.error)} /> : null}
      {m.plan.data && m.options.length === 0 ? (
        <MessageBar intent="warning">
          <MessageBarBody>No time in the window suits: widen it, then find a time again.</MessageBarBody>
        </MessageBar>
      ) : null}
      {m.plan.data?.notShared ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              {m.plan.data.notShared.name}&apos;s calendar cannot be booked in.
            </MessageBarTitle>
            {m.plan.data.notShared.message}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {m.options.length ? (
        <Field label="Time">
          <RadioGroup value={String(m.chosen)} onChange={(_, d) => m.setChosen(Number(d.value))}>
            {m.options.map((o, i) => (
              <Radio
                key={o.start}
                value={String(i)}
                label={
                  <span className={styles.wrap}>
                    {i === 0 ? 'Best: ' : ''}
                    {formatDay(dayOf(o.start))}, {span(o.start, o.end)}. {describe(o)}.
                    {o.absent.length ? (
                      <Text size={200} className={styles.muted}>
                        {' '}
                        {o.absent.map((a) => a.message).join(' ')}
                      </Text>
                    ) : null}
                  </span>
                }
              />
            ))}
          </RadioGroup>
        </Field>
      ) : null}
      {m.options.length ? (
        <div className={styles.actions}>
          <Button
            appearance="primary"
            disabled={m.book.isPending || !!m.plan.data?.notShared || m.book.data?.ok === true}
            onClick={m.sendInvitation}
          >
            Send the meeting invitation
          </Button>
          {m.book.isPending ? <Spinner size="tiny" label="Sending…" /> : null}
        </div>
      ) : null}
      {m.book.error ? (
        <ProblemMessage problem={describeProblem(m.book.error)} onRetry={m.sendInvitation} />
      ) : null}
      {m.book.data ? (
        <MessageBar intent={m.book.data.ok ? 'success' : 'warning'} layout="multiline">
          <MessageBarBody>
            {m.book.data.ok
              ? 'The meeting is in the calendar and the invitations are sent.'
              : `The invitation was not sent: ${m.book.data.reason}`}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </form>
  );
}
