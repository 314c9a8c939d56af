import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';

/** One field of an entity as the merge view shows it. */
export interface MergeField<T> {
  key: string;
  label: string;
  /** The field's value as text (what the person reads). */
  show: (value: T) => string;
  /** Puts the chosen value from `from` into `into`. */
  take: (into: T, from: T) => T;
  /** Text that can be kept twice ("keep both"): both versions joined. */
  both?: (into: T, mine: T, theirs: T) => T;
}

type Choice = 'mine' | 'theirs' | 'both';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  heading: { margin: 0 },
  versions: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(12rem, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  version: { overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/**
 * The one merge view for a conflict (someone saved the same item first, HTTP 412): yours and theirs
 * side by side, field by field. For each field that differs, keep yours, keep theirs, or (for text)
 * keep both. Nothing is lost: "Save the merged version" saves over theirs; "Keep theirs" discards
 * nothing of theirs and leaves yours on screen until then.
 */
export function MergeView<T extends object>({
  title,
  mine,
  theirs,
  fields,
  saving = false,
  onSave,
  onKeepTheirs,
  base,
}: {
  title: string;
  /**
   * What this person had read before changing it, when known: a field they left as it was starts
   * on "Keep theirs", so that saving the merge never undoes someone else's change by default.
   */
  base?: T;
  mine: T;
  /** Undefined when they deleted it. */
  theirs: T | undefined;
  fields: MergeField<T>[];
  saving?: boolean;
  onSave: (merged: T) => void;
  onKeepTheirs: () => void;
}) {
  const styles = useStyles();
  const differing = theirs ? fields.filter((f) => f.show(mine) !== f.show(theirs)) : [];
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const initial = (field: MergeField<T>): Choice =>
    base && field.show(base) === field.show(mine) ? 'theirs' : 'mine';
  const choiceOf = (field: MergeField<T>): Choice => choices[field.key] ?? initial(field);

  if (!theirs)
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Someone else deleted this while you were editing it.</MessageBarTitle>
          Your version is still on screen; save it again to add it back.
        </MessageBarBody>
      </MessageBar>
    );

  const merged = (): T =>
    differing.reduce<T>((value, field) => {
      const choice = choiceOf(field);
      if (choice === 'mine') return field.take(value, mine);
      if (choice === 'both' && field.both) return field.both(value, mine, theirs);
      return value;
    }, theirs);

  return (
    <section className={styles.root} aria-labelledby="merge-heading" role="region">
      <Text as="h3" size={500} weight="semibold" id="merge-heading" className={styles.heading}>
        {title}
      </Text>
      <Text as="p">
        Someone else saved a change while you were working. Choose what to keep for each difference; nothing
        is saved until you choose &ldquo;Save the merged version&rdquo;.
      </Text>
      {differing.length === 0 ? (
        <Text as="p">Their version already holds your change.</Text>
      ) : (
        differing.map((field) => (
          <Field key={field.key} label={field.label}>
            <div className={styles.versions}>
              <div>
                <Text weight="semibold">Yours: </Text>
                <Text className={styles.version}>{field.show(mine) || '(empty)'}</Text>
              </div>
              <div>
                <Text weight="semibold">Theirs: </Text>
                <Text className={styles.version}>{field.show(theirs) || '(empty)'}</Text>
              </div>
            </div>
            <RadioGroup
              layout="horizontal"
              value={choiceOf(field)}
              onChange={(_, data) => setChoices((c) => ({ ...c, [field.key]: data.value as Choice }))}
              aria-label={`Keep for ${field.label}`}
            >
              <Radio value="mine" label="Keep yours" />
              <Radio value="theirs" label="Keep theirs" />
              {field.both ? <Radio value="both" label="Keep both" /> : null}
            </RadioGroup>
          </Field>
        ))
      )}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={saving} onClick={() => onSave(merged())}>
          {saving ? 'Saving…' : 'Save the merged version'}
        </Button>
        <Button disabled={saving} onClick={onKeepTheirs}>
          Keep theirs and discard mine
        </Button>
      </div>
    </section>
  );
}
