import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { ErrorCircle12Filled } from '@fluentui/react-icons';
import { useId, type ReactNode } from 'react';

const useStyles = makeStyles({
  set: {
    border: 'none',
    margin: 0,
    padding: 0,
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightRegular },
  error: {
    display: 'flex',
    gap: tokens.spacingHorizontalXS,
    alignItems: 'center',
    color: tokens.colorPaletteRedForeground1,
    fontSize: tokens.fontSizeBase200,
  },
});

/**
 * A group of controls (checkboxes, one choice per person) with its legend and its message beside it:
 * Fluent's Field labels a single control, so a group of many takes a fieldset.
 */
export function FieldGroup({
  legend,
  message,
  children,
}: {
  legend: string;
  message?: string;
  children: ReactNode;
}) {
  const styles = useStyles();
  const id = useId();
  return (
    <fieldset className={styles.set} aria-describedby={message ? id : undefined}>
      <legend className={styles.legend}>
        <Text>{legend}</Text>
      </legend>
      {children}
      {message ? (
        <Text id={id} className={styles.error}>
          <ErrorCircle12Filled aria-hidden="true" />
          {message}
        </Text>
      ) : null}
    </fieldset>
  );
}
