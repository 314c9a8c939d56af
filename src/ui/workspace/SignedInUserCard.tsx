import { Button, Persona, makeStyles, tokens } from '@fluentui/react-components';
import type { SignedInUser } from './review-data';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

/** Who is signed in: name, job title and email, with "Switch user" in local mode. */
export function SignedInUserCard({ me, onSwitchUser }: { me: SignedInUser; onSwitchUser?: () => void }) {
  const styles = useStyles();
  const name = me.displayName ?? me.userPrincipalName ?? 'Signed-in user';
  return (
    <div className={styles.root} aria-label="Signed in" role="group">
      <Persona
        name={name}
        size="large"
        primaryText={name}
        secondaryText={me.jobTitle ?? undefined}
        tertiaryText={me.mail ?? me.userPrincipalName ?? undefined}
      />
      {onSwitchUser ? (
        <Button size="small" onClick={onSwitchUser}>
          Switch user
        </Button>
      ) : null}
    </div>
  );
}
