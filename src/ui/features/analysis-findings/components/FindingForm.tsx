import {
  Button,
  Checkbox,
  Field,
  Radio,
  RadioGroup,
  Select,
  Text,
  Textarea,
} from '@fluentui/react-components';
import { Add20Regular, ArrowDown20Regular, ArrowUp20Regular, Delete20Regular } from '@fluentui/react-icons';
import { useId, type ReactNode } from 'react';
import { PATTERN_CATEGORIES } from '../../../../core/analysis/typology';
import { FINDING_KIND_LABELS, type FindingHeadings, type FindingKind } from '../../../../core/model/finding';
import { formatPeriod } from '../../../../core/model/key-practice-episode';
import type { PatternCategory } from '../../../../core/analysis/typology';
import { CitingTextField, type Citables } from '../../../shell/citations';
import type { FindingsData } from '../hooks/useFindingsData';
import type { useFindingForm } from '../hooks/useFindingForm';
import { useListStyles } from '../../../shell/styles/useListStyles';
import { useAnalysisFindingsStyles } from '../styles/useAnalysisFindingsStyles';

const CITE_HINT =
  'Cite an episode by its number, such as KPE 3: the citation follows it if the episodes are renumbered.';

/** The issues for the Board: an ordered list of questions, each editable, movable and removable. */
function BoardIssues({ heading, form }: { heading: string; form: ReturnType<typeof useFindingForm> }) {
  const styles = useAnalysisFindingsStyles();
  const list = useListStyles();
  const legend = useId();
  const issues = form.fields.boardIssues;
  const setIssues = (next: string[]) => form.set('boardIssues', next);
  const swap = (i: number, j: number) => {
    const next = [...issues];
    [next[i], next[j]] = [next[j]!, next[i]!];
    setIssues(next);
  };
  return (
    <div role="group" aria-labelledby={legend} className={styles.group}>
      <Text id={legend} weight="semibold">
        {heading}
      </Text>
      {issues.length === 0 ? (
        <Text className={styles.muted}>
          No questions yet. The Board is asked questions, not given recommendations.
        </Text>
      ) : (
        <ol className={list.plain}>
          {issues.map((issue, i) => (
            <li key={i} className={styles.issue}>
              <Field
                className={styles.issueText}
                label={`Question ${i + 1}`}
                validationMessage={form.errors[`boardIssues.${i}`]}
              >
                <Textarea
                  resize="vertical"
                  value={issue}
                  onChange={(_, data) => setIssues(issues.map((q, j) => (j === i ? data.value : q)))}
                />
              </Field>
              <div className={styles.rowButtons}>
                <Button
                  size="small"
                  appearance="subtle"
                  icon={<ArrowUp20Regular />}
                  aria-label={`Move question ${i + 1} up`}
                  disabled={i === 0}
                  onClick={() => swap(i, i - 1)}
                />
                <Button
                  size="small"
                  appearance="subtle"
                  icon={<ArrowDown20Regular />}
                  aria-label={`Move question ${i + 1} down`}
                  disabled={i === issues.length - 1}
                  onClick={() => swap(i, i + 1)}
                />
                <Button
                  size="small"
                  appearance="subtle"
                  icon={<Delete20Regular />}
                  aria-label={`Remove question ${i + 1}`}
                  onClick={() => setIssues(issues.filter((_, j) => j !== i))}
                />
              </div>
            </li>
          ))}
        </ol>
      )}
      <span>
        <Button icon={<Add20Regular />} onClick={() => setIssues([...issues, ''])}>
          Add a question for the Board
        </Button>
      </span>
    </div>
  );
}

/**
 * A finding in the method's structure: title, category, constructive or unsafe, the sections with
 * the partnership's headings, the issues for the Board, the episodes that evidence it and the
 * Board's response. Each input sits in a Field whose message comes from the core's schema.
 */
export function FindingForm({
  form,
  data,
  headings,
  citables,
  isNew,
  children,
  onSubmit,
}: {
  form: ReturnType<typeof useFindingForm>;
  /** What the sections can cite, and how citations read (the review's one list). */
  citables: Citables;
  data: FindingsData;
  headings: FindingHeadings;
  isNew: boolean;
  /** The form's buttons and messages. */
  children: ReactNode;
  onSubmit: () => void;
}) {
  const styles = useAnalysisFindingsStyles();
  const { fields, errors, set } = form;
  const category = PATTERN_CATEGORIES.find((c) => c.key === fields.category);
  const evidenceLabel = useId();
  return (
    <form
      className={styles.group}
      noValidate
      aria-label={isNew ? 'New finding' : 'The finding'}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <Field label="Title: one sentence stating the pattern" required validationMessage={errors.title}>
        <Textarea resize="vertical" value={fields.title} onChange={(_, d) => set('title', d.value)} />
      </Field>
      <Field
        label="Category (the six-part typology)"
        required
        validationMessage={errors.category}
        hint={category?.fullName}
      >
        <Select value={fields.category} onChange={(_, d) => set('category', d.value as PatternCategory | '')}>
          <option value="">Choose a category</option>
          {PATTERN_CATEGORIES.map((c) => (
            <option key={c.key} value={c.key}>
              {c.shortLabel}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Constructive or unsafe" required validationMessage={errors.kind}>
        <RadioGroup value={fields.kind} onChange={(_, d) => set('kind', d.value as FindingKind)}>
          {(Object.keys(FINDING_KIND_LABELS) as FindingKind[]).map((kind) => (
            <Radio key={kind} value={kind} label={FINDING_KIND_LABELS[kind]} />
          ))}
        </RadioGroup>
      </Field>
      {(['featuredInCase', 'notPeculiar', 'whyItMatters'] as const).map((key) => (
        <CitingTextField
          key={key}
          label={headings[key]}
          value={fields[key]}
          onChange={(value) => set(key, value)}
          choices={citables.choices}
          lookup={citables.lookup}
          validationMessage={errors[key]}
          hint={CITE_HINT}
        />
      ))}
      <BoardIssues heading={headings.boardIssues} form={form} />
      <div role="group" aria-labelledby={evidenceLabel} className={styles.checks}>
        <Text id={evidenceLabel} weight="semibold">
          Key practice episodes that evidence it
        </Text>
        {data.episodes.length === 0 ? (
          <Text className={styles.muted}>No key practice episodes yet: the review team adds them first.</Text>
        ) : (
          data.episodes.map((episode) => (
            <Checkbox
              key={episode.id}
              label={`KPE ${episode.number}: ${episode.title} (${formatPeriod(episode.period)})`}
              checked={fields.keyPracticeEpisodes.includes(episode.id)}
              onChange={(_, d) =>
                set(
                  'keyPracticeEpisodes',
                  d.checked
                    ? [...fields.keyPracticeEpisodes, episode.id]
                    : fields.keyPracticeEpisodes.filter((id) => id !== episode.id),
                )
              }
            />
          ))
        )}
        {errors.keyPracticeEpisodes ? <Text role="alert">{errors.keyPracticeEpisodes}</Text> : null}
      </div>
      {isNew ? null : (
        <CitingTextField
          label="The Board's response"
          hint="Written once the Board has received the report."
          value={fields.boardResponse}
          onChange={(value) => set('boardResponse', value)}
          choices={citables.choices}
          lookup={citables.lookup}
          validationMessage={errors.boardResponse}
          rows={4}
        />
      )}
      {children}
    </form>
  );
}
