import { Field, Input, Radio, RadioGroup, Switch, Text, mergeClasses } from '@fluentui/react-components';
import { useEffect, useId } from 'react';
import type { EpisodeContext, KeyPracticeEpisode } from '../../../../core/model/key-practice-episode';
import { CitingTextField, type Citables } from '../../../shell/citations';
import { DateField } from '../../../shell/DateField';
import { FormActions } from '../../../shell/FormActions';
import { ProblemMessage } from '../../../shell/Problem';
import { describeProblem } from '../../../shell/problems';
import type { EpisodeChoices } from '../hooks/useEpisodes';
import { useEpisodeForm, type EpisodeFields } from '../hooks/useEpisodeForm';
import { useKpesStyles } from '../styles/useKpesStyles';
import { AgencyChoice, CheckList, FactorChoice } from './Choices';
import { VALENCE_WORDS } from './ValenceBadge';

/** The method's prompts against hindsight and outcome bias, beside the appraisal and explanation. */
export function HindsightPrompts({ prompts, id }: { prompts: readonly string[]; id: string }) {
  const styles = useKpesStyles();
  return (
    <aside className={styles.prompts} aria-labelledby={id}>
      <Text as="h3" size={300} weight="semibold" id={id} className={styles.heading}>
        Against hindsight bias, ask
      </Text>
      {prompts.length === 0 ? (
        <Text className={styles.muted}>The review&apos;s settings have no prompts.</Text>
      ) : (
        <ul className={styles.promptList}>
          {prompts.map((p) => (
            <li key={p}>
              <Text>{p}</Text>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}

/**
 * An episode's editor: every field inside a Field (or a fieldset) whose message comes from the
 * core; the appraisal and explanation with the prompts against hindsight bias beside them; text
 * that can cite other episodes, conversations and documents. Nothing is handed on until the core
 * accepts it, and what was typed stays after a failed save.
 */
export function EpisodeForm({
  initial,
  id,
  number,
  choices,
  citables,
  context,
  narrow,
  submitLabel,
  saving,
  error,
  onSubmit,
  onCancel,
}: {
  initial?: EpisodeFields;
  /** The episode's id (a placeholder for a new one: the gateway gives it). */
  id: string;
  number: number;
  choices: EpisodeChoices;
  citables: Citables;
  context: EpisodeContext;
  narrow: boolean;
  submitLabel: string;
  saving: boolean;
  error: unknown;
  onSubmit: (episode: KeyPracticeEpisode) => void;
  onCancel: () => void;
}) {
  const styles = useKpesStyles();
  const form = useEpisodeForm(initial);
  const promptsId = useId();
  const { fields, errors, set } = form;
  // The gateway's refusal lands beside the same fields, when it arrives.
  const { showRefusal } = form;
  useEffect(() => showRefusal(error), [error, showRefusal]);
  const refusal = error ? describeProblem(error) : null;
  const cite = {
    choices: citables.choices.filter((c) => !(c.kind === 'kpe' && c.id === id)),
    lookup: citables.lookup,
  };
  return (
    <form
      className={mergeClasses(styles.editor, narrow && styles.editorNarrow)}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const episode = form.validate(context, id, number);
        if (episode) onSubmit(episode);
      }}
    >
      <Field label="Title" required validationMessage={errors.title}>
        <Input value={fields.title} onChange={(_, data) => set('title', data.value)} />
      </Field>

      <div className={styles.group}>
        <Switch
          label="The episode spans more than one day"
          checked={fields.span}
          onChange={(_, data) => set('span', data.checked)}
        />
        <div className={styles.dates}>
          <Field label={fields.span ? 'From' : 'Date'} required validationMessage={errors.start}>
            <DateField
              value={fields.start}
              onChange={(value) => set('start', value)}
              onTextError={(message) => form.setError('start', message)}
            />
          </Field>
          {fields.span ? (
            <Field label="To" required validationMessage={errors.end}>
              <DateField
                value={fields.end}
                onChange={(value) => set('end', value)}
                onTextError={(message) => form.setError('end', message)}
              />
            </Field>
          ) : null}
        </div>
      </div>

      <Field label="Practice in this episode was" required validationMessage={errors.valence}>
        <RadioGroup
          layout={narrow ? 'vertical' : 'horizontal'}
          value={fields.valence}
          onChange={(_, data) => set('valence', data.value as EpisodeFields['valence'])}
        >
          {(['good', 'problematic', 'mixed'] as const).map((v) => (
            <Radio key={v} value={v} label={VALENCE_WORDS[v]} />
          ))}
        </RadioGroup>
      </Field>

      <CitingTextField
        label="Description"
        required
        value={fields.description}
        onChange={(value) => set('description', value)}
        validationMessage={errors.description}
        {...cite}
      />

      <AgencyChoice
        agencies={choices.agencies}
        value={fields.agencies}
        onChange={(value) => set('agencies', value)}
        error={errors.agencies}
        narrow={narrow}
      />

      <CheckList
        legend="Case group members involved (by role)"
        options={choices.caseGroup}
        value={fields.people}
        onChange={(value) => set('people', value)}
        error={errors.people}
        empty="The case group is empty: add its members on the People screen."
        narrow={narrow}
      />

      <div className={narrow ? styles.analysisNarrow : styles.analysis}>
        <div className={styles.group}>
          <CitingTextField
            label="Appraisal of practice"
            hint="Practice judged against guidance, law and research at the time."
            value={fields.appraisal}
            onChange={(value) => set('appraisal', value)}
            validationMessage={errors.appraisal}
            rows={6}
            {...cite}
          />
          <CitingTextField
            label="Explanation"
            hint="Why it made sense at the time, in terms of contributory factors."
            value={fields.explanation}
            onChange={(value) => set('explanation', value)}
            validationMessage={errors.explanation}
            rows={6}
            {...cite}
          />
        </div>
        <HindsightPrompts prompts={choices.prompts} id={promptsId} />
      </div>

      <FactorChoice
        framework={choices.framework}
        value={fields.factors}
        onChange={(value) => set('factors', value)}
        error={errors.factors}
        narrow={narrow}
      />

      <CheckList
        legend="Evidence: conversations"
        options={choices.conversations}
        value={fields.conversations}
        onChange={(value) => set('conversations', value)}
        error={errors.conversations}
        empty="No conversations in the review yet."
        narrow={narrow}
      />
      <CheckList
        legend="Evidence: documents"
        options={choices.artefacts}
        value={fields.artefacts}
        onChange={(value) => set('artefacts', value)}
        error={errors.artefacts}
        empty="No documents in the review's library yet."
        narrow={narrow}
      />

      {errors.form ? <Text className={styles.error}>{errors.form}</Text> : null}
      {refusal ? <ProblemMessage problem={refusal} /> : null}
      <FormActions className={styles.actions} submitLabel={submitLabel} saving={saving} onCancel={onCancel} />
    </form>
  );
}
