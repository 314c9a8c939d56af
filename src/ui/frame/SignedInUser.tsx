import { Button, Persona, makeStyles, tokens } from '@fluentui/react-components';
import type { SignedInUser as User } from '../../graph/workspace';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** Who is signed in, with "Switch user" in local mode. */
export function SignedInUser({ me, onSwitchUser }: { me: User; onSwitchUser?: () => void }) {
  const styles = useStyles();
  const name = me.displayName ?? me.userPrincipalName ?? 'Signed-in user';
  return (
    <div className={styles.root} aria-label="Signed in" role="group">
      <Persona name={name} size="small" primaryText={name} secondaryText={me.jobTitle ?? undefined} />
      {onSwitchUser ? (
        <Button size="small" onClick={onSwitchUser}>
          Switch user
        </Button>
      ) : null}
    </div>
  );
}
