import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  Textarea,
  mergeClasses,
} from '@fluentui/react-components';
import { useState } from 'react';
import {
  DEFAULT_INVITATION_TEMPLATE,
  type InvitationTemplate,
} from '../../../../core/scheduling/invitation-template';
import type { ReviewRecord, Stored } from '../../../../graph/workspace';
import { useRegisterVisibility } from '../../../data/review-queries';
import { MergeView, type MergeField } from '../../../shell/MergeView';
import { ProblemMessage } from '../../../shell/Problem';
import { describeProblem } from '../../../shell/problems';
import { useSaveInvitationTemplate } from '../hooks/useInvitationTemplate';
import { useSettingsStyles } from '../styles/useSettingsStyles';

/** The review's own template, or the product's. */
const invitationTemplateOf = (record: ReviewRecord): InvitationTemplate =>
  record.invitationTemplate ?? DEFAULT_INVITATION_TEMPLATE;

const MERGE_FIELDS: MergeField<InvitationTemplate>[] = [
  {
    key: 'subject',
    label: 'Subject',
    show: (t) => t.subject,
    take: (into, from) => ({ ...into, subject: from.subject }),
  },
  { key: 'body', label: 'Text', show: (t) => t.body, take: (into, from) => ({ ...into, body: from.body }) },
];

/**
 * The invitation practitioners receive for their conversation. A member of the identity
 * register's channel edits it (the register checks it when saved); anyone else reads the current
 * template and is told who can change it.
 */
export function TemplateSettings({
  reviewId,
  record,
  narrow,
}: {
  reviewId: string;
  record: Stored<ReviewRecord>;
  narrow: boolean;
}) {
  const styles = useSettingsStyles();
  const visibility = useRegisterVisibility(reviewId);
  const current = invitationTemplateOf(record.value);
  const [draft, setDraft] = useState<InvitationTemplate>({ subject: current.subject, body: current.body });
  const [saved, setSaved] = useState(false);
  const { save, refusal, conflict, clearConflict } = useSaveInvitationTemplate(reviewId);
  const section = mergeClasses(styles.section, narrow && styles.sectionNarrow);
  const heading = (
    <Text as="h3" size={500} weight="semibold" id="settings-invitation" className={styles.heading}>
      Invitation to a practitioner conversation
    </Text>
  );
  const member = visibility.data?.state === 'member';

  if (!member)
    return (
      <section className={section} aria-labelledby="settings-invitation">
        {heading}
        <Text>
          {visibility.data?.state === 'not-a-member'
            ? "Only members of the identity register's private channel can change this template, because it is checked against the register when saved. Ask a lead reviewer."
            : visibility.isPending
              ? 'Checking who can change the template…'
              : "Only members of the identity register's private channel can change this template."}
        </Text>
        <dl className={styles.template}>
          <dt className={styles.term}>Subject</dt>
          <dd className={styles.value}>{current.subject}</dd>
          <dt className={styles.term}>Text</dt>
          <dd className={mergeClasses(styles.value, styles.prewrap)}>{current.body}</dd>
        </dl>
      </section>
    );

  if (conflict)
    return (
      <MergeView
        title="Someone else changed the review's settings"
        mine={conflict.mine}
        theirs={conflict.theirs ? invitationTemplateOf(conflict.theirs.value) : undefined}
        fields={MERGE_FIELDS}
        saving={save.isPending}
        onSave={(merged) => {
          clearConflict();
          save.mutate({ base: conflict.theirs ?? record, template: merged });
        }}
        onKeepTheirs={clearConflict}
      />
    );

  const members = visibility.data?.state === 'member' ? visibility.data.members : [];
  return (
    <form
      className={section}
      aria-labelledby="settings-invitation"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        save.mutate({ base: record, template: draft }, { onSuccess: (o) => setSaved(o.ok && o.result.ok) });
      }}
    >
      {heading}
      <Text className={styles.muted}>
        Write {'{reference}'} for the review&apos;s reference code and {'{duration}'} for the length. Never a
        name: the template is checked against the identity register when you save it.
        {members.length > 0 ? ` Members who can change it: ${members.join(', ')}.` : ''}
      </Text>
      <Field label="Subject" required>
        <Input
          value={draft.subject}
          onChange={(_, d) => (setSaved(false), setDraft({ ...draft, subject: d.value }))}
        />
      </Field>
      <Field label="Text" required>
        <Textarea
          value={draft.body}
          resize="vertical"
          rows={10}
          onChange={(_, d) => (setSaved(false), setDraft({ ...draft, body: d.value }))}
        />
      </Field>
      {refusal ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The template was not saved.</MessageBarTitle>
            {refusal}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {save.error ? <ProblemMessage problem={describeProblem(save.error)} /> : null}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={save.isPending}>
          {save.isPending ? 'Checking and saving…' : 'Save the invitation'}
        </Button>
        <div aria-live="polite">{saved ? <Text>The invitation template is saved.</Text> : null}</div>
      </div>
    </form>
  );
}
