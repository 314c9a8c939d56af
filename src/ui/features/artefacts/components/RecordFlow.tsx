import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  mergeClasses,
} from '@fluentui/react-components';
import {
  conversationRecordLifecycle,
  RECORD_STATUS_LABELS,
} from '../../../../core/model/conversation-record';
import type { LibraryArtefact } from '../../../../graph/artefacts/screen-gateway';
import { ProblemMessage } from '../../../shell/Problem';
import { useRecordFlow } from '../hooks/useRecordFlow';
import type { ArtefactContext } from '../hooks/useReviewContext';
import { useArtefactsStyles } from '../styles/useArtefactsStyles';

const STEPS = ['draft', 'sent to participant', 'agreed'] as const;

/**
 * The conversation record's flow: typed up (draft), sent to the practitioner to check (shared with
 * them alone), amended if they ask, agreed (their access withdrawn). Shows who it is shared with.
 */
export function RecordFlow({
  reviewId,
  referenceCode,
  record,
  context,
}: {
  reviewId: string;
  referenceCode: string;
  record: LibraryArtefact;
  context: ArtefactContext;
}) {
  const styles = useArtefactsStyles();
  const { sharedWith, move, problem } = useRecordFlow(reviewId, referenceCode, record);
  const status = record.metadata.recordStatus ?? 'draft';
  const practitioner = context.caseGroup.find((p) => p.id === record.metadata.person);
  const next = conversationRecordLifecycle.next(status);
  const who = practitioner ? `${practitioner.name} (${practitioner.label})` : 'the practitioner';
  const nameOf = (email: string) =>
    context.caseGroup.find((p) => p.email?.toLowerCase() === email.toLowerCase())?.name ?? email;
  const go = (to: 'send' | 'amend' | 'agree') => {
    if (!practitioner?.email) return;
    move.mutate({
      to,
      practitioner: {
        email: practitioner.email,
        personId: practitioner.id,
        external: practitioner.organisation === 'external',
      },
    });
  };
  return (
    <section className={styles.panel} aria-labelledby="record-flow-heading">
      <Text as="h3" size={500} weight="semibold" id="record-flow-heading" className={styles.heading}>
        The record’s agreement
      </Text>
      <ol className={styles.steps} aria-label="Steps">
        {STEPS.map((step) => {
          const current = step === status || (status === 'amended' && step === 'draft');
          return (
            <li
              key={step}
              className={mergeClasses(styles.step, current && styles.stepCurrent)}
              aria-current={current ? 'step' : undefined}
            >
              {step === 'draft' && status === 'amended'
                ? RECORD_STATUS_LABELS.amended
                : RECORD_STATUS_LABELS[step]}
            </li>
          );
        })}
      </ol>
      <Text>
        {status === 'agreed'
          ? `Agreed with ${who}. It cannot change now; add a new record if more needs saying.`
          : status === 'sent to participant'
            ? `With ${who} to check and correct.`
            : `Being typed up${status === 'amended' ? ', with the practitioner’s changes' : ''}. Send it to ${who} to check when it is ready.`}
      </Text>
      <Text>
        <Text weight="semibold">Shared with: </Text>
        {sharedWith.isPending
          ? 'reading…'
          : sharedWith.data && sharedWith.data.length > 0
            ? sharedWith.data.map(nameOf).join(', ')
            : 'nobody outside the review’s Team.'}
      </Text>
      {!practitioner ? (
        <MessageBar intent="warning">
          <MessageBarBody>
            This record names no practitioner of the case group. Choose one in its details.
          </MessageBarBody>
        </MessageBar>
      ) : !practitioner.email && next.length > 0 ? (
        <MessageBar intent="warning">
          <MessageBarBody>
            {practitioner.name} has no email address yet. Add it on the People screen to send them the record.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {problem?.externalSharing ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              This review’s site does not allow sharing with people outside the organisation.
            </MessageBarTitle>
            The record was not sent to {who}
            {practitioner?.agency ? `, of ${practitioner.agency}` : ''}, and nothing was shared. Send it to
            them another way your organisation allows (for example secure email), or ask your SharePoint
            administrator to allow sharing with guests on this review’s site.
          </MessageBarBody>
        </MessageBar>
      ) : problem ? (
        <ProblemMessage problem={problem} />
      ) : null}
      {practitioner?.email ? (
        <div className={styles.actions}>
          {next.includes('sent to participant') ? (
            <Button appearance="primary" disabled={move.isPending} onClick={() => go('send')}>
              {move.isPending ? 'Sending…' : `Send to ${practitioner.name} to check`}
            </Button>
          ) : null}
          {next.includes('agreed') ? (
            <Button appearance="primary" disabled={move.isPending} onClick={() => go('agree')}>
              Record that they agreed it
            </Button>
          ) : null}
          {next.includes('amended') ? (
            <Button disabled={move.isPending} onClick={() => go('amend')}>
              They asked for changes
            </Button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
