import { Button, Field, Input, Text, mergeClasses } from '@fluentui/react-components';
import { useState } from 'react';
import { DEFAULT_FINDING_HEADINGS, type FindingHeadings } from '../../../../core/model/finding';
import type { ReviewRecord, Stored } from '../../../../graph/workspace';
import { MergeView, type MergeField } from '../../../shell/MergeView';
import { ProblemMessage } from '../../../shell/Problem';
import { describeProblem } from '../../../shell/problems';
import {
  checkHeadings,
  useSaveFindingHeadings,
  type HeadingErrors,
  type HeadingKey,
} from '../hooks/useFindingHeadings';
import { useSettingsStyles } from '../styles/useSettingsStyles';

const SECTIONS: [HeadingKey, string][] = [
  ['featuredInCase', 'First section'],
  ['notPeculiar', 'Second section'],
  ['whyItMatters', 'Third section'],
  ['boardIssues', 'Fourth section'],
];

const MERGE_FIELDS: MergeField<ReviewRecord>[] = SECTIONS.map(([key, label]) => ({
  key,
  label,
  show: (r) => r.findingHeadings[key],
  take: (into, from) => ({
    ...into,
    findingHeadings: { ...into.findingHeadings, [key]: from.findingHeadings[key] },
  }),
}));

/** The headings each finding's four sections carry, in the report and the editor. */
export function HeadingSettings({
  reviewId,
  record,
  narrow,
}: {
  reviewId: string;
  record: Stored<ReviewRecord>;
  narrow: boolean;
}) {
  const styles = useSettingsStyles();
  const [draft, setDraft] = useState<FindingHeadings>(record.value.findingHeadings);
  const [errors, setErrors] = useState<HeadingErrors>({});
  const [saved, setSaved] = useState(false);
  const { save, conflict, clearConflict } = useSaveFindingHeadings(reviewId);
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
          save.mutate({ base: conflict.theirs ?? record, headings: merged.findingHeadings })
        }
        onKeepTheirs={clearConflict}
      />
    );

  return (
    <form
      className={section}
      aria-labelledby="settings-headings"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const found = checkHeadings(draft);
        setErrors(found);
        if (Object.keys(found).length > 0) return;
        save.mutate({ base: record, headings: draft }, { onSuccess: (r) => setSaved(r.ok) });
      }}
    >
      <Text as="h3" size={500} weight="semibold" id="settings-headings" className={styles.heading}>
        Finding section headings
      </Text>
      <Text className={styles.muted}>
        The partnership&apos;s own words for the four sections of each finding.
      </Text>
      {SECTIONS.map(([key, label]) => (
        <Field key={key} label={label} required validationMessage={errors[key]}>
          <Input
            value={draft[key]}
            placeholder={DEFAULT_FINDING_HEADINGS[key]}
            onChange={(_, d) => {
              setSaved(false);
              setDraft({ ...draft, [key]: d.value });
            }}
          />
        </Field>
      ))}
      {save.error ? <ProblemMessage problem={describeProblem(save.error)} /> : null}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save the headings'}
        </Button>
        <div aria-live="polite">{saved ? <Text>The headings are saved.</Text> : null}</div>
      </div>
    </form>
  );
}
