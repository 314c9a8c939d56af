import { Button, Persona, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { LocalUser } from '../../hosts/sign-in';
import { visuallyHidden } from '../shell/styles/fragments';
import { useListStyles } from '../shell/styles/useListStyles';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '40rem' },
  heading: { margin: 0 },
  choice: { width: '100%', justifyContent: 'flex-start', paddingBlock: tokens.spacingVerticalS },
  /** Read by screen readers before the person's name; not shown. */
  visuallyHidden,
});

/** Local mode's sign-in: pick one of the people seeded in the local tenant. */
export function LocalSignIn({ users, onChoose }: { users: LocalUser[]; onChoose: (upn: string) => void }) {
  const styles = useStyles();
  const list = useListStyles();
  return (
    <section className={styles.root} aria-labelledby="local-sign-in-heading">
      <Text as="h2" size={500} weight="semibold" id="local-sign-in-heading" className={styles.heading}>
        Sign in to the local tenant
      </Text>
      <Text as="p">
        This is local mode: no Microsoft 365 account is used. Choose a person from the demo review to see the
        workspace as they would.
      </Text>
      <ul className={mergeClasses(list.plain, list.plainClose)}>
        {users.map((user) => (
          <li key={user.userPrincipalName}>
            {/* The button is named by what it shows (WCAG 2.5.3, label in name): "Sign in as" is
                read before the visible name and job title, never instead of them. */}
            <Button
              appearance="subtle"
              className={styles.choice}
              onClick={() => onChoose(user.userPrincipalName)}
            >
              <span className={styles.visuallyHidden}>Sign in as </span>
              <Persona
                name={user.displayName}
                secondaryText={user.jobTitle ?? undefined}
                // The initials would repeat the name in the button's name: decoration only.
                avatar={{ 'aria-hidden': true }}
              />
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
