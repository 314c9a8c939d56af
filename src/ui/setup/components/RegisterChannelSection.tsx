import {
  Button,
  Checkbox,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { ReviewSetupState } from '../../../graph/review-setup';
import { ProblemMessage } from '../../shell/Problem';
import type { SetupProblem } from '../hooks/setup-problems';
import { useSetupStyles } from '../styles/useSetupStyles';

const names = new Intl.ListFormat('en-GB', { style: 'long', type: 'conjunction' });

/**
 * The identity register lives in the Team's private "Identity register" channel. Where the signed-in
 * user sees none: a Team owner can create it here with the members they choose (the owners are
 * always in it); anyone else is told which owners can.
 */
export function RegisterChannelSection({
  state,
  onCreate,
}: {
  state: ReviewSetupState;
  onCreate: (memberIds: string[]) => Promise<string[]>;
}) {
  const styles = useSetupStyles();
  const [chosen, setChosen] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<SetupProblem | null>(null);
  const [created, setCreated] = useState<string[] | null>(null);
  const owners = names.format(state.owners.map((o) => o.displayName));
  const others = state.members.filter((m) => !m.owner);

  let body;
  if (created) {
    body = (
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>The identity register channel is ready.</MessageBarTitle>
          Its members: {names.format(created)}.
        </MessageBarBody>
      </MessageBar>
    );
  } else if (!state.me.owner) {
    body = (
      <Text as="p">
        The identity register (real names and the pseudonyms that replace them) lives in a private channel
        named “Identity register”. If this Team has none yet, only its owners can create it: {owners}. Ask one
        of them.
      </Text>
    );
  } else {
    const create = async () => {
      setBusy(true);
      setProblem(null);
      try {
        setCreated(await onCreate(chosen));
      } catch (failure) {
        setProblem(failure as SetupProblem);
      } finally {
        setBusy(false);
      }
    };
    body = (
      <>
        <Text as="p">
          The identity register (real names and the pseudonyms that replace them) lives in a private channel
          that only its members can open. This Team has none yet. Its owners ({owners}) will be its owners.
        </Text>
        {others.length > 0 ? (
          <fieldset className={styles.fieldset}>
            <legend className={styles.legend}>Also give access to</legend>
            <div className={styles.checks}>
              {others.map((m) => (
                <Checkbox
                  key={m.userId}
                  label={m.displayName}
                  checked={chosen.includes(m.userId)}
                  onChange={(_, d) =>
                    setChosen((c) => (d.checked ? [...c, m.userId] : c.filter((id) => id !== m.userId)))
                  }
                />
              ))}
            </div>
          </fieldset>
        ) : null}
        {problem ? <ProblemMessage problem={problem} /> : null}
        <div className={styles.actions}>
          <Button onClick={create} disabled={busy} icon={busy ? <Spinner size="tiny" /> : undefined}>
            {busy ? 'Creating the channel…' : 'Create the Identity register channel'}
          </Button>
        </div>
      </>
    );
  }
  return (
    <section className={styles.section} aria-labelledby="register-channel-heading">
      <Text as="h3" size={400} weight="semibold" id="register-channel-heading" className={styles.heading}>
        Identity register channel
      </Text>
      {body}
    </section>
  );
}
