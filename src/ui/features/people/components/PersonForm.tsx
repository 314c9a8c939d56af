import { Button, Field, Input, Radio, RadioGroup, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { DirectoryPerson, PersonKind, PersonValue } from '../../../../graph/workspace';
import { useGateways } from '../../../data/gateways';
import { FormActions } from '../../../shell/FormActions';
import { ProblemMessage } from '../../../shell/Problem';
import { describeProblem } from '../../../shell/problems';
import { FIELD_LABELS, FIELDS_OF, usePersonForm, type PersonFields } from '../hooks/usePersonForm';
import { useListStyles } from '../../../shell/styles/useListStyles';
import { usePeopleStyles } from '../styles/usePeopleStyles';

/** Finds colleagues in the directory and fills the form with the one chosen. */
function DirectorySearch({ onChoose }: { onChoose: (person: DirectoryPerson) => void }) {
  const { people } = useGateways();
  const styles = usePeopleStyles();
  const list = useListStyles();
  const [text, setText] = useState('');
  const [found, setFound] = useState<DirectoryPerson[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const search = () => {
    setError(null);
    people.searchDirectory(text).then(setFound, setError);
  };
  return (
    <div className={styles.group}>
      <Field label="Find someone in your organisation's directory">
        <Input
          value={text}
          onChange={(_, data) => setText(data.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              search();
            }
          }}
        />
      </Field>
      <span>
        <Button onClick={search}>Search the directory</Button>
      </span>
      {error ? <ProblemMessage problem={describeProblem(error)} onRetry={search} /> : null}
      {found && found.length === 0 ? (
        <Text>Nobody in the directory matches. Type their details below.</Text>
      ) : null}
      {found && found.length > 0 ? (
        <ul className={list.plain} aria-label="People found in the directory">
          {found.map((p) => (
            <li key={p.id}>
              <Button appearance="subtle" onClick={() => onChoose(p)}>
                {`Use ${p.displayName}${p.jobTitle ? `, ${p.jobTitle}` : ''}`}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/**
 * A person's details: every field inside a Field whose message comes from the core's schema.
 * Nothing is saved until the input is valid, and what was typed stays after a failed save.
 */
export function PersonForm({
  kind,
  initial,
  submitLabel,
  saving,
  error,
  onSubmit,
  onCancel,
}: {
  kind: PersonKind;
  initial?: PersonFields;
  submitLabel: string;
  saving: boolean;
  error: unknown;
  onSubmit: (input: Omit<PersonValue, 'id'>) => void;
  onCancel: () => void;
}) {
  const styles = usePeopleStyles();
  const form = usePersonForm(kind, initial);
  return (
    <form
      className={styles.group}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const input = form.validate();
        if (input) onSubmit(input);
      }}
    >
      {kind !== 'familyMember' && !initial ? (
        <DirectorySearch
          onChoose={(p) =>
            form.setFields((f) => ({
              ...f,
              name: p.displayName,
              email: p.mail ?? f.email,
              role: p.jobTitle ?? f.role,
            }))
          }
        />
      ) : null}
      {FIELDS_OF[kind].map((key) =>
        key === 'organisation' ? (
          <Field key={key} label={FIELD_LABELS[key]} validationMessage={form.errors[key]}>
            <RadioGroup
              value={form.fields.organisation}
              onChange={(_, data) => form.set('organisation', data.value)}
            >
              <Radio value="internal" label="In this organisation" />
              <Radio value="external" label="In another organisation (police, NHS…): give their address" />
            </RadioGroup>
          </Field>
        ) : (
          <Field
            key={key}
            label={FIELD_LABELS[key]}
            validationMessage={form.errors[key]}
            required={key !== 'email' && key !== 'lineManager'}
          >
            <Input
              type={key === 'email' ? 'email' : 'text'}
              value={form.fields[key]}
              onChange={(_, data) => form.set(key, data.value)}
            />
          </Field>
        ),
      )}
      {error ? <ProblemMessage problem={describeProblem(error)} /> : null}
      <FormActions className={styles.actions} submitLabel={submitLabel} saving={saving} onCancel={onCancel} />
    </form>
  );
}
