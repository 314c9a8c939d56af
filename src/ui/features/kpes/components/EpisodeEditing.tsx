import { Button, Text } from '@fluentui/react-components';
import { ArrowDownRegular, ArrowUpRegular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { EpisodeContext, KeyPracticeEpisode } from '../../../../core/model/key-practice-episode';
import type { ReviewSnapshot, Stored } from '../../../../graph/workspace';
import type { Citables } from '../../../shell/citations';
import { ConfirmRemove } from '../../../shell/ConfirmRemove';
import { MergeView } from '../../../shell/MergeView';
import { ProblemMessage } from '../../../shell/Problem';
import { describeProblem } from '../../../shell/problems';
import { episodeMergeFields } from '../hooks/episodeMerge';
import { useEpisodeEdits } from '../hooks/useEpisodeEdits';
import { fieldsOf, inputOf } from '../hooks/useEpisodeForm';
import type { EpisodeChoices } from '../hooks/useEpisodes';
import { useKpesStyles } from '../styles/useKpesStyles';
import { EpisodeDetails } from './EpisodeDetails';
import { EpisodeForm } from './EpisodeForm';

/** What an episode's references are checked against, in the review as loaded. */
export function contextOf(snapshot: ReviewSnapshot, choices: EpisodeChoices): EpisodeContext {
  return {
    contributoryFactors: choices.framework,
    caseGroup: snapshot.people.filter((p) => p.role === 'case-group'),
    conversations: snapshot.conversations,
    artefacts: snapshot.artefacts,
  };
}

const samePeriod = (a?: KeyPracticeEpisode, b?: KeyPracticeEpisode) =>
  !!a && !!b && a.period.start === b.period.start && a.period.end === b.period.end;

interface Shared {
  reviewId: string;
  snapshot: ReviewSnapshot;
  choices: EpisodeChoices;
  citables: Citables;
  narrow: boolean;
}

/** A new episode: the editor, then the episode's own page with the number the period order gave it. */
export function AddEpisode({ reviewId, snapshot, choices, citables, narrow }: Shared) {
  const edits = useEpisodeEdits(reviewId);
  const navigate = useNavigate();
  const context = useMemo(() => contextOf(snapshot, choices), [snapshot, choices]);
  return (
    <EpisodeForm
      id="new"
      number={snapshot.keyPracticeEpisodes.length + 1}
      choices={choices}
      citables={citables}
      context={context}
      narrow={narrow}
      submitLabel="Add the episode"
      saving={edits.add.isPending}
      error={edits.add.error}
      onCancel={() => navigate('/kpes')}
      onSubmit={(episode) =>
        edits.add.mutate(inputOf(episode), {
          onSuccess: (saved) => navigate(`/kpes/${encodeURIComponent(saved.value.id)}`, { replace: true }),
        })
      }
    />
  );
}

/**
 * An episode's page: read it; edit it (If-Match: someone else's save first opens the merge view,
 * section by section, nothing lost); move it among episodes of the same period; remove it.
 */
export function EpisodePage({
  reviewId,
  entry,
  entries,
  snapshot,
  choices,
  citables,
  narrow,
}: Shared & { entry: Stored<KeyPracticeEpisode>; entries: readonly Stored<KeyPracticeEpisode>[] }) {
  const styles = useKpesStyles();
  const navigate = useNavigate();
  const edits = useEpisodeEdits(reviewId);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const context = useMemo(() => contextOf(snapshot, choices), [snapshot, choices]);
  const episode = entry.value;
  const index = entries.findIndex((e) => e.value.id === episode.id);
  const earlier = samePeriod(entries[index - 1]?.value, episode);
  const later = samePeriod(entries[index + 1]?.value, episode);

  if (edits.conflict)
    return (
      <MergeView
        title="Someone else changed this episode"
        mine={edits.conflict.mine}
        theirs={edits.conflict.theirs?.value}
        fields={episodeMergeFields(choices.caseGroup, citables.lookup)}
        saving={edits.save.isPending}
        onSave={(merged) => edits.save.mutate({ base: edits.conflict?.theirs ?? entry, next: merged })}
        onKeepTheirs={() => {
          edits.clearConflict();
          setEditing(false);
          void edits.refresh();
        }}
      />
    );

  if (editing)
    return (
      <section aria-label="Edit the episode">
        <EpisodeForm
          initial={fieldsOf(episode)}
          id={episode.id}
          number={episode.number}
          choices={choices}
          citables={citables}
          context={context}
          narrow={narrow}
          submitLabel="Save"
          saving={edits.save.isPending}
          error={edits.save.error}
          onCancel={() => setEditing(false)}
          onSubmit={(next) =>
            edits.save.mutate(
              { base: entry, next },
              { onSuccess: (result) => result.ok && setEditing(false) },
            )
          }
        />
      </section>
    );

  return (
    <div className={styles.root}>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => setEditing(true)}>
          Edit the episode
        </Button>
        {earlier ? (
          <Button
            icon={<ArrowUpRegular />}
            disabled={edits.move.isPending}
            onClick={() => edits.move.mutate({ id: episode.id, position: episode.number - 1 })}
          >
            {`Make it KPE ${episode.number - 1}`}
          </Button>
        ) : null}
        {later ? (
          <Button
            icon={<ArrowDownRegular />}
            disabled={edits.move.isPending}
            onClick={() => edits.move.mutate({ id: episode.id, position: episode.number + 1 })}
          >
            {`Make it KPE ${episode.number + 1}`}
          </Button>
        ) : null}
        <Button onClick={() => setConfirming(true)}>Remove the episode</Button>
      </div>
      {earlier || later ? (
        <Text className={styles.muted}>
          Episodes are numbered in the order of their periods; those with the same period can change places.
        </Text>
      ) : null}
      {edits.move.error ? <ProblemMessage problem={describeProblem(edits.move.error)} /> : null}
      <ConfirmRemove
        open={confirming}
        question={`Remove KPE ${episode.number} from the review? Text that cites it will say it was deleted.`}
        keepLabel="Keep it"
        removing={edits.remove.isPending}
        error={edits.remove.error}
        onRemove={() => edits.remove.mutate(entry, { onSuccess: (result) => result.ok && navigate('/kpes') })}
        onKeep={() => setConfirming(false)}
      />
      <EpisodeDetails
        reviewId={reviewId}
        episode={episode}
        choices={choices}
        citables={citables}
        narrow={narrow}
      />
    </div>
  );
}
