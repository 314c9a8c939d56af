import { MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ProblemMessage } from '../shell/Problem';
import type { RegisterState } from './useReviewWorkspace';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  text: { margin: 0 },
});

const names = new Intl.ListFormat('en-GB', { style: 'long', type: 'conjunction' });

/**
 * Who can see the identity register (real names against pseudonyms): its private channel's members,
 * or, for anyone else, the plain sentence saying so. The register's entries are never shown here.
 */
export function IdentityRegisterSection({
  register,
  onRetry,
}: {
  register: Exclude<RegisterState, { status: 'off' }>;
  onRetry: () => void;
}) {
  const styles = useStyles();
  return (
    <section
      className={styles.root}
      aria-labelledby="register-heading"
      aria-busy={register.status === 'loading'}
    >
      <Text as="h2" size={500} weight="semibold" id="register-heading" className={styles.heading}>
        Identity register
      </Text>
      {register.status === 'loading' ? (
        <Spinner size="small" label="Checking who can see the identity register…" />
      ) : null}
      {register.status === 'failed' ? (
        <ProblemMessage problem={{ ...register.problem, intent: 'warning' }} onRetry={onRetry} />
      ) : null}
      {register.status === 'loaded' && register.visibility.state === 'member' ? (
        <Text as="p" className={styles.text}>
          {register.visibility.members.length > 0
            ? `Visible only to: ${names.format(register.visibility.members)}.`
            : `Visible only to the members of the private channel “${register.visibility.channelName}”.`}
        </Text>
      ) : null}
      {register.status === 'loaded' && register.visibility.state === 'not-a-member' ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{register.visibility.message}</MessageBarBody>
        </MessageBar>
      ) : null}
    </section>
  );
}
