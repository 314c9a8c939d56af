import { Button, Field, Input, Select, Spinner, Text, Textarea } from '@fluentui/react-components';
import { useRef, useState, type FormEvent } from 'react';
import { METHOD_VARIANT_LABELS, REVIEW_KIND_LABELS, type Review } from '../../../core/model/review';
import { ProblemMessage } from '../../shell/Problem';
import { DateField } from '../../shell/DateField';
import {
  FIELD_ORDER,
  emptyForm,
  validateReviewForm,
  type ReviewFormErrors,
  type ReviewFormField,
  type ReviewFormValues,
} from '../hooks/review-form';
import type { SetupProblem } from '../hooks/setup-problems';
import { useSetupStyles } from '../styles/useSetupStyles';
import { Options } from '../../shell/Options';

const inputId = (field: ReviewFormField) => `review-setup-${field}`;

/**
 * The review record's fields, each checked with the core's schema when the form is sent, its
 * message beside it; nothing is sent until every field is valid, and what was typed stays after a
 * failure. Text is rendered by React, so markup typed into a field shows as text.
 */
export function ReviewForm({
  teamName,
  teamReference,
  onSubmit,
}: {
  teamName: string;
  teamReference: string | null;
  onSubmit: (review: Review) => Promise<unknown>;
}) {
  const styles = useSetupStyles();
  const [values, setValues] = useState<ReviewFormValues>(() => emptyForm(teamReference ?? ''));
  const [errors, setErrors] = useState<ReviewFormErrors>({});
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<SetupProblem | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const set = (field: ReviewFormField) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    // A corrected field loses its message at once; the others keep theirs until the next check.
    setErrors((e) => (e[field] ? { ...e, [field]: undefined } : e));
  };

  const focusFirst = (errs: ReviewFormErrors) => {
    const first = FIELD_ORDER.find((f) => errs[f]);
    if (first) formRef.current?.querySelector<HTMLElement>(`#${inputId(first)}`)?.focus();
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setProblem(null);
    const checked = validateReviewForm(values, teamName);
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirst(checked.errors);
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      await onSubmit(checked.review);
    } catch (failure) {
      const p = failure as SetupProblem;
      setProblem(p);
      if (p.field) {
        const fieldErrors = { [p.field.name]: p.field.message };
        setErrors(fieldErrors);
        focusFirst(fieldErrors);
      }
    } finally {
      setSaving(false);
    }
  }

  const field = (name: ReviewFormField) => ({
    validationMessage: errors[name],
    validationState: errors[name] ? ('error' as const) : ('none' as const),
  });
  const text = (name: ReviewFormField) => (
    <Input id={inputId(name)} value={values[name]} onChange={(_, d) => set(name)(d.value)} />
  );
  const date = (name: ReviewFormField) => (
    <DateField
      id={inputId(name)}
      value={values[name]}
      onChange={set(name)}
      onTextError={(message) => setErrors((e) => ({ ...e, [name]: message }))}
    />
  );

  return (
    <form
      ref={formRef}
      className={styles.form}
      onSubmit={submit}
      noValidate
      aria-labelledby="review-setup-form-heading"
    >
      <Text as="h3" size={400} weight="semibold" id="review-setup-form-heading" className={styles.heading}>
        The review record
      </Text>
      <Text as="p">Fields marked with an asterisk are needed now; the rest can be added later.</Text>
      <div className={styles.pair}>
        <Field
          label="Reference code"
          required
          hint={teamReference ? `As this Team’s name starts: ${teamReference}` : 'For example CR-2026-021'}
          {...field('referenceCode')}
        >
          {text('referenceCode')}
        </Field>
        <Field
          label="Title (pseudonym)"
          required
          hint="A pseudonym such as “Child S”, never a real name"
          {...field('title')}
        >
          {text('title')}
        </Field>
        <Field label="Kind of review" required {...field('kind')}>
          <Select
            id={inputId('kind')}
            className={styles.select}
            select={{ className: styles.selectControl }}
            value={values.kind}
            onChange={(_, d) => set('kind')(d.value)}
          >
            <option value="">Choose…</option>
            <Options of={REVIEW_KIND_LABELS} />
          </Select>
        </Field>
        <Field label="Method" required {...field('method')}>
          <Select
            id={inputId('method')}
            className={styles.select}
            select={{ className: styles.selectControl }}
            value={values.method}
            onChange={(_, d) => set('method')(d.value)}
          >
            <option value="">Choose…</option>
            <Options of={METHOD_VARIANT_LABELS} />
          </Select>
        </Field>
        <Field
          label="Date the incident was notified"
          required
          hint="The statutory clock starts here"
          {...field('incidentNotified')}
        >
          {date('incidentNotified')}
        </Field>
        <Field
          label="Date of the decision to review"
          hint="Leave blank until the review is decided"
          {...field('decisionDate')}
        >
          {date('decisionDate')}
        </Field>
      </div>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>Period under review</legend>
        <div className={styles.pair}>
          <Field label="From" required {...field('periodStart')}>
            {date('periodStart')}
          </Field>
          <Field label="To" required {...field('periodEnd')}>
            {date('periodEnd')}
          </Field>
        </div>
      </fieldset>
      <Field
        label="Research questions"
        hint="One question per line: the windows the review opens on the system"
        {...field('researchQuestions')}
      >
        <Textarea
          id={inputId('researchQuestions')}
          resize="vertical"
          rows={4}
          value={values.researchQuestions}
          onChange={(_, d) => set('researchQuestions')(d.value)}
        />
      </Field>
      <Field label="Agencies" hint="One agency per line" {...field('agencies')}>
        <Textarea
          id={inputId('agencies')}
          resize="vertical"
          rows={4}
          value={values.agencies}
          onChange={(_, d) => set('agencies')(d.value)}
        />
      </Field>
      {problem ? <ProblemMessage problem={{ title: problem.title, detail: problem.detail }} /> : null}
      <div className={styles.actions}>
        <Button
          type="submit"
          appearance="primary"
          disabled={saving}
          icon={saving ? <Spinner size="tiny" /> : undefined}
        >
          {saving ? 'Setting up the review…' : 'Set up the review'}
        </Button>
      </div>
    </form>
  );
}
