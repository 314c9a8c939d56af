import { Button, Field, Input, Text, mergeClasses } from '@fluentui/react-components';
import { useState } from 'react';
import { sameText } from '../../../../core/phrasing';
import type { DraftGroup, SettingsDraft } from '../hooks/useAnalysisSettings';
import { useListStyles } from '../../../shell/styles/useListStyles';
import { useSettingsStyles } from '../styles/useSettingsStyles';

type Update = (change: (draft: SettingsDraft) => SettingsDraft) => void;

const withGroup = (
  draft: SettingsDraft,
  index: number,
  change: (g: DraftGroup) => DraftGroup,
): SettingsDraft => ({
  ...draft,
  groups: draft.groups.map((g, i) => (i === index ? change(g) : g)),
});

/** "Add a factor to <group>": a box and a button; refuses a blank or a factor already there. */
function AddFactor({ group, index, update }: { group: DraftGroup; index: number; update: Update }) {
  const styles = useSettingsStyles();
  const [name, setName] = useState('');
  const [error, setError] = useState<string>();
  const add = () => {
    const factor = name.trim();
    if (factor === '') return setError('Type the factor first.');
    if (group.factors.some((f) => sameText(f.name, factor)))
      return setError(`"${factor}" is already a factor in "${group.label}".`);
    update((d) =>
      withGroup(d, index, (g) => ({
        ...g,
        factors: [...g.factors, { name: factor, standard: false, citedBy: [] }],
      })),
    );
    setName('');
    setError(undefined);
  };
  return (
    <div className={styles.row}>
      <Field
        label={`Add a factor to ${group.label || 'this group'}`}
        validationMessage={error}
        className={styles.grow}
      >
        <Input
          value={name}
          onChange={(_, data) => (setName(data.value), setError(undefined))}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
      </Field>
      <Button onClick={add}>Add</Button>
    </div>
  );
}

/**
 * The contributory factor framework: the method's groups and factors as they are, the
 * partnership's own as text boxes to rename, with "Remove" while no episode cites them.
 */
export function FactorSettings({
  draft,
  update,
  error,
}: {
  draft: SettingsDraft;
  update: Update;
  error?: string;
}) {
  const styles = useSettingsStyles();
  const list = useListStyles();
  const [newGroup, setNewGroup] = useState('');
  const [groupError, setGroupError] = useState<string>();
  const addGroup = () => {
    const label = newGroup.trim();
    if (label === '') return setGroupError('Type the group’s name first.');
    if (draft.groups.some((g) => sameText(g.label, label)))
      return setGroupError(`There is already a factor group called "${label}".`);
    update((d) => ({ ...d, groups: [...d.groups, { label, standard: false, factors: [] }] }));
    setNewGroup('');
    setGroupError(undefined);
  };
  return (
    <>
      <Text as="p" className={styles.muted}>
        The method&apos;s groups and factors stay as they are. Your partnership&apos;s own can be added,
        renamed and removed while no episode cites them.
      </Text>
      {draft.groups.map((group, gi) => {
        const groupCited = group.factors.some((f) => f.citedBy.length > 0);
        return (
          <div key={gi} className={styles.group} role="group" aria-label={group.label || `Group ${gi + 1}`}>
            {group.standard || groupCited ? (
              <Text as="h4" weight="semibold" className={styles.heading}>
                {group.label}
              </Text>
            ) : (
              <div className={styles.row}>
                <Field label="Your group's name" className={styles.grow}>
                  <Input
                    value={group.label}
                    onChange={(_, data) =>
                      update((d) => withGroup(d, gi, (g) => ({ ...g, label: data.value })))
                    }
                  />
                </Field>
                <Button
                  onClick={() => update((d) => ({ ...d, groups: d.groups.filter((_, i) => i !== gi) }))}
                  aria-label={`Remove the group ${group.label}`}
                >
                  Remove
                </Button>
              </div>
            )}
            <ul className={mergeClasses(list.plain, list.plainClose)}>
              {group.factors.map((factor, fi) =>
                factor.standard ? (
                  <li key={fi}>
                    <Text>{factor.name}</Text>
                  </li>
                ) : factor.citedBy.length > 0 ? (
                  <li key={fi}>
                    <Text className={styles.wrap}>
                      {factor.name}{' '}
                      <Text className={styles.muted}>
                        (your partnership&apos;s own; cited by {factor.citedBy.join(', ')}, so it stays as it
                        is)
                      </Text>
                    </Text>
                  </li>
                ) : (
                  <li key={fi} className={styles.row}>
                    <Field label={`Your factor in ${group.label || 'this group'}`} className={styles.grow}>
                      <Input
                        value={factor.name}
                        onChange={(_, data) =>
                          update((d) =>
                            withGroup(d, gi, (g) => ({
                              ...g,
                              factors: g.factors.map((f, i) => (i === fi ? { ...f, name: data.value } : f)),
                            })),
                          )
                        }
                      />
                    </Field>
                    <Button
                      aria-label={`Remove the factor ${factor.name}`}
                      onClick={() =>
                        update((d) =>
                          withGroup(d, gi, (g) => ({ ...g, factors: g.factors.filter((_, i) => i !== fi) })),
                        )
                      }
                    >
                      Remove
                    </Button>
                  </li>
                ),
              )}
            </ul>
            <AddFactor group={group} index={gi} update={update} />
          </div>
        );
      })}
      <div className={styles.row}>
        <Field label="Add a factor group" validationMessage={groupError} className={styles.grow}>
          <Input
            value={newGroup}
            onChange={(_, data) => (setNewGroup(data.value), setGroupError(undefined))}
          />
        </Field>
        <Button onClick={addGroup}>Add the group</Button>
      </div>
      {error ? (
        <Text role="alert" className={styles.error}>
          {error}
        </Text>
      ) : null}
    </>
  );
}
