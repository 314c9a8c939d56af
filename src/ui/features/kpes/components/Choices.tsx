/**
 * The editor's multiple choices: a fieldset of checkboxes with its legend and the message beside
 * it, and the factor framework as one fieldset per group (the partnership's own factors marked).
 */
import { Button, Checkbox, Field, Input, Text, mergeClasses } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type {
  ContributoryFactor,
  ContributoryFactorFramework,
} from '../../../../core/analysis/contributory-factors';
import { isPartnershipFactor } from '../../../../core/model/review-settings';
import { englishList, sameText } from '../../../../core/phrasing';
import type { Option } from '../hooks/useEpisodes';
import { useKpesStyles } from '../styles/useKpesStyles';

function FieldMessage({ id, message }: { id: string; message?: string }) {
  const styles = useKpesStyles();
  return message ? (
    <Text id={id} role="alert" className={styles.error}>
      {message}
    </Text>
  ) : null;
}

const toggle = (list: readonly string[], id: string, on: boolean) =>
  on ? (list.includes(id) ? [...list] : [...list, id]) : list.filter((x) => x !== id);

export function CheckList({
  legend,
  options,
  value,
  onChange,
  error,
  empty,
  narrow,
}: {
  legend: string;
  options: readonly Option[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  error?: string;
  /** Said when there is nothing to choose from. */
  empty: string;
  narrow: boolean;
}) {
  const styles = useKpesStyles();
  const messageId = useId();
  return (
    <fieldset className={styles.fieldset} aria-describedby={error ? messageId : undefined}>
      <legend className={styles.legend}>{legend}</legend>
      {options.length === 0 ? (
        <Text className={styles.muted}>{empty}</Text>
      ) : (
        <div className={mergeClasses(styles.checks, narrow && styles.checksNarrow)}>
          {options.map((o) => (
            <Checkbox
              key={o.id}
              label={o.label}
              checked={value.includes(o.id)}
              onChange={(_, data) => onChange(toggle(value, o.id, data.checked === true))}
            />
          ))}
        </div>
      )}
      <FieldMessage id={messageId} message={error} />
    </fieldset>
  );
}

/** The review's agencies as checkboxes, and another agency typed in. */
export function AgencyChoice({
  agencies,
  value,
  onChange,
  error,
  narrow,
}: {
  agencies: readonly string[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  error?: string;
  narrow: boolean;
}) {
  const styles = useKpesStyles();
  const [other, setOther] = useState('');
  const shown = [...agencies, ...value.filter((a) => !agencies.includes(a))];
  const add = () => {
    const agency = other.trim();
    if (agency === '') return;
    const known = shown.find((a) => sameText(a, agency));
    onChange(toggle(value, known ?? agency, true));
    setOther('');
  };
  return (
    <div className={styles.group}>
      <CheckList
        legend="Agencies"
        options={shown.map((a) => ({ id: a, label: a }))}
        value={value}
        onChange={onChange}
        error={error}
        empty="The review names no agencies yet."
        narrow={narrow}
      />
      <div className={styles.inline}>
        <Field label="Another agency">
          <Input
            value={other}
            onChange={(_, data) => setOther(data.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
          />
        </Field>
        <Button onClick={add}>Add the agency</Button>
      </div>
    </div>
  );
}

const factorKey = (f: ContributoryFactor) => `${f.group}\u0000${f.factor}`;

/**
 * Contributory factors from the review's two-level framework: a fieldset per group. A factor the
 * episode cites that the framework no longer has stays listed (checked) so that it can be taken off.
 */
export function FactorChoice({
  framework,
  value,
  onChange,
  error,
  narrow,
}: {
  framework: ContributoryFactorFramework;
  value: readonly ContributoryFactor[];
  onChange: (value: ContributoryFactor[]) => void;
  error?: string;
  narrow: boolean;
}) {
  const styles = useKpesStyles();
  const messageId = useId();
  const chosen = new Set(value.map(factorKey));
  const set = (factor: ContributoryFactor, on: boolean) =>
    onChange(
      on
        ? [...value, factor]
        : value.filter((f) => !(sameText(f.group, factor.group) && sameText(f.factor, factor.factor))),
    );
  const empty = framework.filter((g) => g.factors.length === 0).map((g) => g.label);
  const outside = value.filter(
    (f) => !framework.some((g) => sameText(g.label, f.group) && g.factors.some((x) => sameText(x, f.factor))),
  );
  return (
    <fieldset className={styles.fieldset} aria-describedby={error ? messageId : undefined}>
      <legend className={styles.legend}>Contributory factors</legend>
      <div className={styles.factorGroups}>
        {framework
          .filter((group) => group.factors.length > 0)
          .map((group) => (
            <div key={group.label} role="group" aria-label={group.label}>
              <Text block weight="semibold">
                {group.label}
              </Text>
              <div className={mergeClasses(styles.checks, narrow && styles.checksNarrow)}>
                {group.factors.map((factor) => (
                  <Checkbox
                    key={factor}
                    label={
                      isPartnershipFactor(group.label, factor) ? `${factor} (the partnership’s own)` : factor
                    }
                    checked={chosen.has(factorKey({ group: group.label, factor }))}
                    onChange={(_, data) => set({ group: group.label, factor }, data.checked === true)}
                  />
                ))}
              </div>
            </div>
          ))}
        {empty.length > 0 ? (
          <Text block className={styles.muted}>
            No factors yet in {englishList(empty, 'and')}: the review&apos;s settings can add them.
          </Text>
        ) : null}
        {outside.length > 0 ? (
          <div role="group" aria-label="Not in the review’s framework">
            <Text block weight="semibold">
              Not in the review&apos;s framework
            </Text>
            {outside.map((f) => (
              <Checkbox
                key={factorKey(f)}
                label={`${f.group}: ${f.factor}`}
                checked
                onChange={() => set(f, false)}
              />
            ))}
          </div>
        ) : null}
      </div>
      <FieldMessage id={messageId} message={error} />
    </fieldset>
  );
}
