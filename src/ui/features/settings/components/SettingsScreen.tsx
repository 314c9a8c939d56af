import { Button, MessageBar, MessageBarBody, Text, mergeClasses } from '@fluentui/react-components';
import { useState } from 'react';
import type { ReviewRecord, ReviewSnapshot, Stored } from '../../../../graph/workspace';
import { useReviewSnapshot } from '../../../data/review-queries';
import { useFrame } from '../../../frame/review-context';
import { MergeView, type MergeField } from '../../../shell/MergeView';
import { ProblemMessage } from '../../../shell/Problem';
import { describeProblem } from '../../../shell/problems';
import { QueryState } from '../../../shell/QueryState';
import { ScreenHeading } from '../../../shell/ScreenHeading';
import {
  checkDraft,
  draftOf,
  hasErrors,
  settingsOf,
  useSaveSettings,
  type SettingsDraft,
  type SettingsErrors,
} from '../hooks/useAnalysisSettings';
import { useSettingsStyles } from '../styles/useSettingsStyles';
import { FactorSettings } from './FactorSettings';
import { PromptSettings } from './PromptSettings';
import { TemplateSettings } from './TemplateSettings';
import { HeadingSettings } from './HeadingSettings';

const MERGE_FIELDS: MergeField<ReviewRecord>[] = [
  {
    key: 'contributoryFactors',
    label: 'Contributory factors',
    show: (r) => r.contributoryFactors.map((g) => `${g.label}: ${g.factors.join(', ') || '—'}`).join('\n'),
    take: (into, from) => ({ ...into, contributoryFactors: from.contributoryFactors }),
  },
  {
    key: 'hindsightPrompts',
    label: 'Prompts against hindsight bias',
    show: (r) => (r.hindsightPrompts ?? []).join('\n'),
    take: (into, from) => ({ ...into, hindsightPrompts: from.hindsightPrompts }),
  },
];

function AnalysisSettingsForm({
  reviewId,
  record,
  snapshot,
  narrow,
  saved,
  onSaved,
}: {
  reviewId: string;
  record: Stored<ReviewRecord>;
  snapshot: ReviewSnapshot;
  narrow: boolean;
  /** Said after a save (the form is made again from the record read after it). */
  saved: boolean;
  onSaved: (saved: boolean) => void;
}) {
  const styles = useSettingsStyles();
  const [draft, setDraft] = useState<SettingsDraft>(() =>
    draftOf(record.value, snapshot.keyPracticeEpisodes),
  );
  const [errors, setErrors] = useState<SettingsErrors>({ prompts: {} });
  const { save, conflict, clearConflict } = useSaveSettings(reviewId);
  const update = (change: (d: SettingsDraft) => SettingsDraft) => {
    setDraft(change);
    onSaved(false);
  };
  const section = mergeClasses(styles.section, narrow && styles.sectionNarrow);

  if (conflict)
    return (
      <MergeView
        title="Someone else changed the review's settings"
        mine={conflict.mine}
        theirs={conflict.theirs?.value}
        fields={MERGE_FIELDS}
        saving={save.isPending}
        onSave={(merged) =>
          save.mutate({
            base: conflict.theirs ?? record,
            settings: {
              contributoryFactors: merged.contributoryFactors,
              hindsightPrompts: merged.hindsightPrompts ?? [],
            },
          })
        }
        onKeepTheirs={clearConflict}
      />
    );

  return (
    <form
      className={styles.root}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const found = checkDraft(draft);
        setErrors(found);
        if (hasErrors(found)) return;
        // mutateAsync, not mutate's callbacks: the save refreshes the record, which remounts this form
        // (it is keyed by the record's eTag), and mutate's callbacks are dropped on unmount.
        save.mutateAsync({ base: record, settings: settingsOf(draft) }).then(
          (result) => result.ok && onSaved(true),
          () => undefined, // shown from save.error
        );
      }}
    >
      <section className={section} aria-labelledby="settings-factors">
        <Text as="h3" size={500} weight="semibold" id="settings-factors" className={styles.heading}>
          Contributory factors
        </Text>
        <FactorSettings draft={draft} update={update} error={errors.factors} />
      </section>
      <section className={section} aria-labelledby="settings-prompts">
        <Text as="h3" size={500} weight="semibold" id="settings-prompts" className={styles.heading}>
          Prompts against hindsight bias
        </Text>
        <PromptSettings draft={draft} update={update} errors={errors} />
      </section>
      {save.error ? <ProblemMessage problem={describeProblem(save.error)} /> : null}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save the settings'}
        </Button>
        <div aria-live="polite">{saved ? <Text>The settings are saved.</Text> : null}</div>
      </div>
    </form>
  );
}

/** `/settings`: the review's analysis settings (the factor framework and the hindsight prompts). */
export default function SettingsScreen() {
  const { review, narrow } = useFrame();
  const snapshot = useReviewSnapshot(review.id);
  const [saved, setSaved] = useState(false);
  const styles = useSettingsStyles();
  return (
    <>
      <ScreenHeading>Settings</ScreenHeading>
      <QueryState query={snapshot} loading="Loading the review's settings…">
        {(data) =>
          data.record ? (
            <div className={styles.root}>
              <AnalysisSettingsForm
                key={data.record.eTag}
                reviewId={review.id}
                record={data.record}
                snapshot={data}
                narrow={narrow}
                saved={saved}
                onSaved={setSaved}
              />
              <HeadingSettings reviewId={review.id} record={data.record} narrow={narrow} />
              <TemplateSettings reviewId={review.id} record={data.record} narrow={narrow} />
            </div>
          ) : (
            <MessageBar intent="info">
              <MessageBarBody>
                The review is not set up yet: its settings come with its record.
              </MessageBarBody>
            </MessageBar>
          )
        }
      </QueryState>
    </>
  );
}
