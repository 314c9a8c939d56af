import {
  Button,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
} from '@fluentui/react-components';
import { GatewayError } from '../../../../core/failures';
import type { PanelPackSummary, PanelPerson } from '../../../../graph/workspace';
import { useReviewSnapshot } from '../../../data/review-queries';
import { formatDay } from '../../../shell/dates';
import { ProblemMessage } from '../../../shell/Problem';
import { describeProblem, type Problem } from '../../../shell/problems';
import { QueryState } from '../../../shell/QueryState';
import { packWhen, usePacks, usePreparePack, type PackProgress } from '../hooks/usePanelPack';
import { useListStyles } from '../../../shell/styles/useListStyles';
import { usePanelStyles } from '../styles/usePanelStyles';

const names = new Intl.ListFormat('en-GB', { style: 'long', type: 'conjunction' });

/** The people a pack is shared with, by name where the panel knows them. */
const sharedWithNames = (emails: readonly string[], panel: readonly PanelPerson[]) =>
  names.format(emails.map((e) => panel.find((p) => p.email?.toLowerCase() === e)?.name ?? e));

/** "Sun 29 November 2026 at 18:05", with the seconds when another pack was made in the same minute. */
function when(pack: PanelPackSummary, others: readonly PanelPackSummary[] = []): string {
  const w = packWhen(pack.name);
  if (!w) return pack.name;
  const sameMinute = others.some((o) => {
    const x = o.id !== pack.id ? packWhen(o.name) : null;
    return x?.date === w.date && x.time === w.time;
  });
  return `${formatDay(w.date)} at ${sameMinute ? w.exact : w.time}`;
}

function progressText(p: PackProgress): { value: number | undefined; text: string } {
  if (p.step === 'building') return { value: undefined, text: 'Building the documents…' };
  if (p.step === 'documents')
    return { value: p.done / (p.total + 1), text: `${p.done} of ${p.total} documents saved` };
  return { value: p.total / (p.total + 1), text: 'Sharing the folder with the panel…' };
}

function packProblem(error: unknown): Problem {
  if (error instanceof GatewayError && error.reason === 'review-incomplete')
    return {
      title: 'The panel pack was not prepared: part of the review could not be read.',
      detail:
        'A pack made now would leave out findings or episodes. Nothing was made or shared. Wait a minute, then try again.',
    };
  if (error instanceof GatewayError && error.kind === 'invalid-input')
    return {
      title: 'The panel pack could not be prepared.',
      detail:
        'Check that each panel member’s email address is right (on their page under People), then try again.',
    };
  if (error instanceof GatewayError && error.kind === 'not-allowed')
    return {
      title: 'You may not add to the review’s library.',
      detail: 'Ask a lead reviewer to prepare the pack, or to add you to the review’s Team.',
    };
  if (error instanceof GatewayError) return describeProblem(error);
  return {
    title: 'The panel pack could not be prepared.',
    detail: 'Nothing was shared. Try again; if it keeps happening, tell your administrator.',
  };
}

export function PackSection({
  reviewId,
  referenceCode,
  panel,
}: {
  reviewId: string;
  referenceCode: string;
  panel: readonly PanelPerson[];
}) {
  const styles = usePanelStyles();
  const list = useListStyles();
  const snapshot = useReviewSnapshot(reviewId);
  const packs = usePacks(reviewId, referenceCode);
  const { prepare, progress } = usePreparePack(reviewId);
  const recipients = panel.filter((p) => p.email);
  const missing = panel.filter((p) => !p.email);
  const shown = progress ? progressText(progress) : null;
  return (
    <section className={styles.section} aria-labelledby="pack-heading">
      <Text as="h3" size={500} weight="semibold" id="pack-heading" className={styles.heading}>
        Prepare panel pack
      </Text>
      <Text>
        A new folder in the review’s library, named with the date and time, holding a contents page, the
        findings report, the key practice episodes and a one-page summary of the review (the family by
        pseudonym only). It is shared read-only with the named panel members. Preparing it again makes another
        folder: nothing the panel has read or commented on changes.
      </Text>
      {recipients.length === 0 ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>No panel member to share the pack with.</MessageBarTitle>
            Add the panel members with their email addresses under <Link href="#/people">People</Link> (Add
            someone, Panel member), then prepare the pack.
          </MessageBarBody>
        </MessageBar>
      ) : (
        <Text>{`It will be shared with ${names.format(recipients.map((p) => p.name))}.`}</Text>
      )}
      {missing.length > 0 ? (
        <Text className={styles.muted}>
          {`${names.format(missing.map((p) => p.name))} ${missing.length === 1 ? 'has' : 'have'} no email address, so the pack cannot be shared with them.`}
        </Text>
      ) : null}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={prepare.isPending || recipients.length === 0 || !snapshot.data?.record}
          onClick={() => prepare.mutate({ people: panel })}
        >
          {prepare.isPending ? 'Preparing the panel pack…' : 'Prepare panel pack'}
        </Button>
      </div>
      {shown ? (
        <Field label="Preparing the panel pack" validationMessage={shown.text} validationState="none">
          <ProgressBar value={shown.value} max={1} />
        </Field>
      ) : null}
      <div aria-live="polite">
        {prepare.data && !prepare.isPending ? (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{`Panel pack ready: ${prepare.data.name}`}</MessageBarTitle>
              {`Made on ${when(prepare.data)}. Shared read-only with ${sharedWithNames(prepare.data.sharedWith, panel)}. `}
              {prepare.data.webUrl ? (
                <Link href={prepare.data.webUrl} target="_blank" rel="noopener noreferrer">
                  Open the pack in SharePoint
                </Link>
              ) : null}
            </MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
      {prepare.error ? <ProblemMessage problem={packProblem(prepare.error)} /> : null}
      <Text as="h4" size={400} weight="semibold" className={styles.heading} id="packs-heading">
        Packs prepared before
      </Text>
      <QueryState
        query={packs}
        loading="Loading the packs…"
        empty={{ title: 'No panel pack has been prepared yet.', detail: 'Prepare the first one above.' }}
        isEmpty={(made) => made.length === 0}
      >
        {(made) => (
          <ul className={list.plain} aria-labelledby="packs-heading">
            {made.map((pack) => (
              <li key={pack.id} className={list.card}>
                <Text weight="semibold">{when(pack, made)}</Text>
                <Text className={list.meta}>{`Folder: ${pack.name}`}</Text>
                <Text>
                  {pack.sharedWith.length > 0
                    ? `Shared read-only with ${sharedWithNames(pack.sharedWith, panel)}.`
                    : 'Not shared with anyone outside the review’s Team.'}
                </Text>
                {pack.webUrl ? (
                  <Link href={pack.webUrl} target="_blank" rel="noopener noreferrer">
                    {`Open the pack of ${when(pack, made)} in SharePoint`}
                  </Link>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}
