import { Button, Radio, RadioGroup, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { PersonEntry, PersonKind, PersonValue } from '../../../../graph/workspace';
import { MergeView, type MergeField } from '../../../shell/MergeView';
import { ConfirmRemove } from '../../../shell/ConfirmRemove';
import { usePeopleEdits } from '../hooks/usePeopleEdits';
import { FIELD_LABELS, FIELDS_OF, fieldsOf } from '../hooks/usePersonForm';
import { usePeopleStyles } from '../styles/usePeopleStyles';
import { PersonForm } from './PersonForm';

const KINDS: { kind: PersonKind; label: string }[] = [
  { kind: 'leadReviewer', label: 'Lead reviewer' },
  { kind: 'reviewTeamMember', label: 'Review team member' },
  { kind: 'caseGroupMember', label: 'Case group member' },
  { kind: 'panelMember', label: 'Panel member (reads the review’s files in SharePoint)' },
  { kind: 'familyMember', label: 'Family member (by pseudonym)' },
];

const mergeFields = (kind: PersonKind): MergeField<PersonValue>[] =>
  FIELDS_OF[kind].map((key) => ({
    key,
    label: FIELD_LABELS[key],
    show: (v) => String((v as Record<string, unknown>)[key] ?? ''),
    take: (into, from) => ({ ...into, [key]: (from as Record<string, unknown>)[key] }) as PersonValue,
  }));

/** "Add someone": the role, then the form for it. */
export function AddPerson({ reviewId }: { reviewId: string }) {
  const styles = usePeopleStyles();
  const navigate = useNavigate();
  const edits = usePeopleEdits(reviewId);
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<PersonKind>('caseGroupMember');
  const [added, setAdded] = useState<string | null>(null);
  if (!open)
    return (
      <div className={styles.group}>
        <span>
          <Button appearance="primary" onClick={() => (setOpen(true), setAdded(null))}>
            Add someone
          </Button>
        </span>
        <div aria-live="polite">{added ? <Text>{added}</Text> : null}</div>
      </div>
    );
  return (
    <section className={styles.editor} aria-label="Add someone to the review">
      <RadioGroup
        value={kind}
        onChange={(_, data) => setKind(data.value as PersonKind)}
        aria-label="Their part in the review"
      >
        {KINDS.map((k) => (
          <Radio key={k.kind} value={k.kind} label={k.label} />
        ))}
      </RadioGroup>
      <PersonForm
        key={kind}
        kind={kind}
        submitLabel="Add to the review"
        saving={edits.add.isPending}
        error={edits.add.error}
        onCancel={() => setOpen(false)}
        onSubmit={(input) =>
          edits.add.mutate(
            { kind, input },
            {
              onSuccess: (entry) => {
                setOpen(false);
                setAdded('Added to the review.');
                // The review team's access (the Team, the register channel) is given on their page.
                if (entry.kind === 'leadReviewer' || entry.kind === 'reviewTeamMember')
                  navigate(`/people/${encodeURIComponent(entry.stored.value.id)}`);
              },
            },
          )
        }
      />
    </section>
  );
}

/** A person's page: edit (If-Match, merge view on a conflict) or remove. */
export function EditPerson({ reviewId, entry }: { reviewId: string; entry: PersonEntry }) {
  const styles = usePeopleStyles();
  const navigate = useNavigate();
  const edits = usePeopleEdits(reviewId);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const value = entry.stored.value;

  if (edits.conflict)
    return (
      <MergeView
        title="Someone else changed this person"
        mine={edits.conflict.mine}
        theirs={edits.conflict.theirs?.value}
        fields={mergeFields(entry.kind)}
        saving={edits.save.isPending}
        onSave={(merged) =>
          edits.save.mutate({
            entry: { kind: entry.kind, stored: edits.conflict?.theirs ?? entry.stored } as PersonEntry,
            next: merged,
          })
        }
        onKeepTheirs={() => {
          edits.clearConflict();
          setEditing(false);
          void edits.refresh();
        }}
      />
    );

  if (editing)
    return (
      <section className={styles.editor} aria-label="Edit their details">
        <PersonForm
          kind={entry.kind}
          initial={fieldsOf(value)}
          submitLabel="Save"
          saving={edits.save.isPending}
          error={edits.save.error}
          onCancel={() => setEditing(false)}
          onSubmit={(input) =>
            edits.save.mutate(
              { entry, next: { ...input, id: value.id } as PersonValue },
              { onSuccess: (result) => result.ok && setEditing(false) },
            )
          }
        />
      </section>
    );

  return (
    <div className={styles.group}>
      <div className={styles.actions}>
        <Button onClick={() => setEditing(true)}>Edit details</Button>
        <Button onClick={() => setConfirming(true)}>Remove from the review</Button>
      </div>
      <ConfirmRemove
        open={confirming}
        question="Remove them from the review? Their conversations and records stay."
        keepLabel="Keep them"
        removing={edits.remove.isPending}
        error={edits.remove.error}
        onRemove={() =>
          edits.remove.mutate(entry, { onSuccess: (result) => result.ok && navigate('/people') })
        }
        onKeep={() => setConfirming(false)}
      />
    </div>
  );
}
