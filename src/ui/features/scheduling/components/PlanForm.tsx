import {
  Button,
  Checkbox,
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Text,
} from '@fluentui/react-components';
import { CONVERSATION_STATUS_LABELS, type Conversation } from '../../../../core/model/conversation';
import { useState } from 'react';
import type { PlanField } from '../../../../core/scheduling';
import { DateField } from '../../../shell/DateField';
import type { Scheduler } from '../hooks/useScheduler';
import { offerState } from '../hooks/offers';
import { FieldGroup } from './FieldGroup';
import { useSchedulingStyles } from '../styles/useSchedulingStyles';

/** Every message about a field, as one line beside it. */
const messageOf = (s: Scheduler, field: PlanField) => s.issues[field]?.join(' ');

/** Who to meet, who meets them, and the rules; checked by the core before anything is sent. */
export function PlanForm({ s, conversations }: { s: Scheduler; conversations: readonly Conversation[] }) {
  const styles = useSchedulingStyles();
  const { state, update } = s;
  const arranged = (id: string) =>
    conversations.find(
      (c) =>
        c.participant === id &&
        c.status !== 'cancelled' &&
        (c.status !== 'proposed' || offerState(c) !== undefined),
    );
  const free = s.caseGroup.filter((p) => !arranged(p.id));
  const toggle = (id: string, on: boolean) =>
    update({
      practitioners: on ? [...state.practitioners, id] : state.practitioners.filter((x) => x !== id),
    });
  const field = (f: PlanField) => {
    const message = messageOf(s, f);
    return message ? { validationMessage: message, validationState: 'error' as const } : {};
  };
  // What was typed in a date field that is not a date is said at once, before the core's checks.
  const [typed, setTyped] = useState<{ firstDay?: string; lastDay?: string }>({});
  const dayField = (f: 'firstDay' | 'lastDay') => {
    const message = typed[f] ?? messageOf(s, f);
    return message ? { validationMessage: message, validationState: 'error' as const } : {};
  };
  return (
    <form
      className={styles.section}
      aria-labelledby="plan-heading"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        s.propose();
      }}
    >
      <Text as="h3" size={500} weight="semibold" id="plan-heading" className={styles.heading}>
        Practitioner conversations
      </Text>
      <FieldGroup legend="Case group members to meet" message={messageOf(s, 'practitioners')}>
        <div className={styles.checks}>
          {s.caseGroup.map((p) => {
            const theirs = arranged(p.id);
            if (p.role === 'family') return null;
            return (
              <Checkbox
                key={p.id}
                checked={state.practitioners.includes(p.id)}
                disabled={!!theirs}
                onChange={(_, d) => toggle(p.id, d.checked === true)}
                label={
                  <span className={styles.wrap}>
                    {p.name}{' '}
                    <Text size={200} className={styles.muted}>
                      {[
                        p.label,
                        p.organisation === 'external' ? 'another organisation' : undefined,
                        p.email ? undefined : 'no email address',
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                      {theirs
                        ? ` · ${offerState(theirs) ?? CONVERSATION_STATUS_LABELS[theirs.status].toLowerCase()}`
                        : ''}
                    </Text>
                  </span>
                }
              />
            );
          })}
        </div>
      </FieldGroup>
      <div className={styles.actions}>
        <Button onClick={() => update({ practitioners: free.map((p) => p.id) })}>
          Choose everyone without a conversation
        </Button>
        <Button onClick={() => update({ practitioners: [] })}>Clear</Button>
      </div>
      <div className={styles.fields}>
        <Field label="Lead reviewer (organiser)" {...field('reviewers')}>
          <Select value={state.lead} onChange={(_, d) => update({ lead: d.value })}>
            <option value="">Choose…</option>
            {s.reviewers.map((p) =>
              p.role === 'family' ? null : (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ),
            )}
          </Select>
        </Field>
        <Field label="Note-taker">
          <Select value={state.noteTaker} onChange={(_, d) => update({ noteTaker: d.value })}>
            <option value="">None</option>
            {s.reviewers.map((p) =>
              p.role === 'family' ? null : (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ),
            )}
          </Select>
        </Field>
        <Field label="Length (minutes)" {...field('durationMinutes')}>
          <Input
            type="number"
            inputMode="numeric"
            value={state.durationMinutes}
            onChange={(_, d) => update({ durationMinutes: d.value })}
          />
        </Field>
        <Field label="Gap between meetings (minutes)" {...field('bufferMinutes')}>
          <Input
            type="number"
            inputMode="numeric"
            value={state.bufferMinutes}
            onChange={(_, d) => update({ bufferMinutes: d.value })}
          />
        </Field>
        <Field label="At most a day per reviewer" {...field('maxPerReviewerPerDay')}>
          <Input
            type="number"
            inputMode="numeric"
            value={state.maxPerReviewerPerDay}
            onChange={(_, d) => update({ maxPerReviewerPerDay: d.value })}
          />
        </Field>
        <Field label="First day" {...dayField('firstDay')}>
          <DateField
            value={state.firstDay}
            onChange={(v) => update({ firstDay: v })}
            onTextError={(m) => setTyped((t) => ({ ...t, firstDay: m }))}
          />
        </Field>
        <Field label="Last day" {...dayField('lastDay')}>
          <DateField
            value={state.lastDay}
            onChange={(v) => update({ lastDay: v })}
            onTextError={(m) => setTyped((t) => ({ ...t, lastDay: m }))}
          />
        </Field>
      </div>
      <Field label="Times">
        <RadioGroup
          value={state.preference}
          layout="horizontal"
          onChange={(_, d) => update({ preference: d.value === 'spread' ? 'spread' : 'earliest' })}
        >
          <Radio value="earliest" label="Earliest first" />
          <Radio value="spread" label="Spread over the days" />
        </RadioGroup>
      </Field>
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={s.plan.isPending}>
          Find times
        </Button>
        {s.plan.isPending ? <Spinner size="tiny" label="Reading calendars…" /> : null}
      </div>
    </form>
  );
}
