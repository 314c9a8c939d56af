import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
} from '@fluentui/react-components';
import { ProblemMessage } from '../../../shell/Problem';
import { schedulingProblem as describeProblem } from '../hooks/problem';
import type { Scheduler } from '../hooks/useScheduler';
import { useSchedulingStyles } from '../styles/useSchedulingStyles';

const invitations = (n: number) => `${n} ${n === 1 ? 'invitation' : 'invitations'}`;

/** Sending every invitation: a progress bar with a count, then a summary of what failed and why. */
export function SendPanel({ s }: { s: Scheduler }) {
  const styles = useSchedulingStyles();
  const plan = s.plan.data!;
  const count = s.timetable?.placed.length ?? 0;
  const { progress, data: summary } = s.send;
  const failed = summary?.failed ?? [];
  const notSent = summary?.notSent ?? [];
  const sent = summary ? summary.scheduled.length + summary.offered.length : 0;
  const left = failed.length + notSent.length;
  return (
    <section className={styles.section} aria-labelledby="send-heading">
      <Text as="h3" size={500} weight="semibold" id="send-heading" className={styles.heading}>
        Send the invitations
      </Text>
      <Text>
        Each conversation is marked scheduled once its invitation is in the calendar. Sending again never
        sends a second invitation.
      </Text>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={count === 0 || !!plan.notShared || s.send.isPending || (summary && left === 0)}
          onClick={s.sendAll}
        >
          {summary && notSent.length
            ? `Send the rest (${invitations(left)})`
            : summary && failed.length
              ? `Send the ${invitations(failed.length)} that failed again`
              : `Send ${invitations(count)}`}
        </Button>
        {s.send.isPending ? (
          <Button onClick={s.send.stop} disabled={s.send.stopping}>
            {s.send.stopping ? 'Stopping…' : 'Stop sending'}
          </Button>
        ) : null}
      </div>
      {s.send.isPending && s.send.stopping ? (
        <Text role="status">
          Stopping: the invitations being sent now are finished and recorded; no more are sent.
        </Text>
      ) : null}
      {progress && (s.send.isPending || summary) ? (
        <Field
          label={s.send.isPending ? 'Sending' : notSent.length ? 'Stopped' : 'Sent'}
          validationState="none"
          validationMessage={`${progress.done} of ${progress.total} sent`}
        >
          <ProgressBar value={progress.total ? progress.done / progress.total : 0} />
        </Field>
      ) : null}
      {s.send.error ? <ProblemMessage problem={describeProblem(s.send.error)} onRetry={s.sendAll} /> : null}
      {summary ? (
        <MessageBar intent={left ? 'warning' : 'success'} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              {notSent.length
                ? `Stopped: ${invitations(sent)} sent, ${notSent.length} not sent`
                : `${summary.scheduled.length} of ${summary.scheduled.length + summary.offered.length + failed.length} scheduled`}
              {summary.offered.length
                ? `; ${summary.offered.length} offered up to three times, awaiting a choice`
                : ''}
              {summary.alreadyScheduled.length ? `; ${summary.alreadyScheduled.length} already were` : ''}.
            </MessageBarTitle>
            {notSent.length ? (
              <Text block>
                {notSent.length === 1
                  ? `The conversation with ${s.describe(notSent[0]!).practitioner} is still proposed: no invitation went for it.`
                  : `These ${notSent.length} conversations are still proposed: no invitation went for them (${notSent
                      .map((id) => s.describe(id).practitioner)
                      .join(', ')}).`}{' '}
                Those sent are in the calendar and recorded. “Send the rest” sends only those not sent.
              </Text>
            ) : null}
            {failed.length ? (
              <ul className={styles.plainList}>
                {failed.map((f) => (
                  <li key={f.conversationId}>
                    {s.describe(f.conversationId).practitioner}: not scheduled. {f.reason}
                  </li>
                ))}
              </ul>
            ) : notSent.length ? null : (
              'Every invitation is in the calendar.'
            )}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </section>
  );
}
