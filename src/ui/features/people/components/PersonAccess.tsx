import {
  Button,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  mergeClasses,
} from '@fluentui/react-components';
import { CheckmarkCircle20Regular, Info20Regular } from '@fluentui/react-icons';
import type { Practitioner, TeamAccess } from '../../../../graph/workspace';
import { ProblemMessage } from '../../../shell/Problem';
import { describeProblem } from '../../../shell/problems';
import { QueryState } from '../../../shell/QueryState';
import { accessProblem, usePersonAccess, whoToAsk } from '../hooks/usePersonAccess';
import { usePeopleStyles } from '../styles/usePeopleStyles';

/**
 * "Access" on a lead reviewer's or review team member's page: whether they are in the review's Team
 * (which opens its site, lists and library) and in the identity register channel; a Team owner adds
 * them, anyone else is told whom to ask. A case group member is never added to the Team.
 */
export function PersonAccess({
  reviewId,
  teamName,
  person,
}: {
  reviewId: string;
  teamName: string;
  person: Practitioner;
}) {
  const styles = usePeopleStyles();
  const forTeam = person.role === 'lead-reviewer' || person.role === 'review-team';
  const { query, addToTeam, addToRegister } = usePersonAccess(reviewId, person.email, forTeam);
  if (!forTeam)
    return (
      <section className={styles.group} aria-labelledby="access-heading">
        <Text as="h3" size={500} weight="semibold" id="access-heading" className={styles.heading}>
          Access
        </Text>
        {person.role === 'panel' ? (
          <Text>
            Panel members are not added to the review’s Team. They read the library and the panel packs in
            SharePoint, shared with them by name and read-only on the{' '}
            <Link href="#/panel-pack">Panel pack</Link> screen.
          </Text>
        ) : (
          <Text>
            Case group members are not added to the review’s Team. Their conversation records are shared with
            them one by one, to check and agree.
          </Text>
        )}
      </section>
    );
  return (
    <section className={styles.group} aria-labelledby="access-heading">
      <Text as="h3" size={500} weight="semibold" id="access-heading" className={styles.heading}>
        Access
      </Text>
      <QueryState query={query} loading="Checking their access…">
        {(access) => (
          <AccessDetails
            access={access}
            name={person.name}
            teamName={teamName}
            onAddToTeam={(id) => addToTeam.mutate(id)}
            onAddToRegister={(id) => addToRegister.mutate(id)}
            adding={addToTeam.isPending ? 'team' : addToRegister.isPending ? 'register' : null}
            teamError={addToTeam.error}
            registerError={addToRegister.error}
          />
        )}
      </QueryState>
    </section>
  );
}

function Done({ children }: { children: string }) {
  const styles = usePeopleStyles();
  return (
    <Text className={styles.status}>
      <CheckmarkCircle20Regular aria-hidden className={mergeClasses(styles.statusIcon, styles.doneIcon)} />
      {children}
    </Text>
  );
}

function AccessDetails({
  access,
  name,
  teamName,
  onAddToTeam,
  onAddToRegister,
  adding,
  teamError,
  registerError,
}: {
  access: TeamAccess;
  name: string;
  teamName: string;
  onAddToTeam: (userId: string) => void;
  onAddToRegister: (userId: string) => void;
  adding: 'team' | 'register' | null;
  teamError: unknown;
  registerError: unknown;
}) {
  const styles = usePeopleStyles();
  const { person, register } = access;
  const owners = whoToAsk(access.owners, 'a lead reviewer');
  if (person.state === 'no-email')
    return (
      <Text>
        Add their email address (Edit details) so that they can be given access to the review’s Team.
      </Text>
    );
  if (person.state === 'not-in-directory')
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{name} is not in your organisation’s directory.</MessageBarTitle>
          Only people in the directory can join the review’s Team. If they work for another organisation, ask
          your IT team to invite them as a guest, then come back here.
        </MessageBarBody>
      </MessageBar>
    );
  const problem = (error: unknown, place: 'team' | 'register') =>
    error ? (accessProblem(error, access, place) ?? describeProblem(error)) : null;
  const teamProblem = problem(teamError, 'team');
  const registerProblem = problem(registerError, 'register');
  return (
    <div className={styles.group}>
      {person.inTeam ? (
        <Done>{`In the review’s Team “${teamName}”: they can open its site, lists and library.`}</Done>
      ) : access.youOwnTheTeam ? (
        <>
          <Text>
            {`${name} is not in the review’s Team yet. Adding them lets them open the review’s site, lists and library.`}
          </Text>
          <span>
            <Button
              appearance="primary"
              disabled={adding !== null}
              onClick={() => onAddToTeam(person.userId)}
            >
              {adding === 'team' ? 'Adding to the Team…' : 'Add to the review’s Team'}
            </Button>
          </span>
        </>
      ) : (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{`${name} is not in the review’s Team yet.`}</MessageBarTitle>
            {`Only an owner of the Team can add them. Ask ${owners} to add ${name} to the Team “${teamName}” (in Teams: the Team’s “…” menu, Add member).`}
          </MessageBarBody>
        </MessageBar>
      )}
      {teamProblem ? <ProblemMessage problem={teamProblem} /> : null}
      {register ? (
        person.inRegister ? (
          <Done>{`In the private channel “${register.name}”: they can see the identity register.`}</Done>
        ) : register.youOwnIt ? (
          <>
            <Text className={styles.status}>
              <Info20Regular aria-hidden className={styles.statusIcon} />
              {`Only the lead reviewers and the review team members they choose see the identity register (real names), in the private channel “${register.name}”.`}
            </Text>
            {person.inTeam ? null : <Text>They must be in the review’s Team first.</Text>}
            <span>
              <Button
                disabled={adding !== null || !person.inTeam}
                onClick={() => onAddToRegister(person.userId)}
              >
                {adding === 'register' ? 'Adding to the channel…' : `Add to “${register.name}”`}
              </Button>
            </span>
          </>
        ) : (
          <Text>
            {`They are not in the private channel “${register.name}”. Only its owners can add them: ask ${whoToAsk(register.owners, 'a lead reviewer')}.`}
          </Text>
        )
      ) : null}
      {registerProblem ? <ProblemMessage problem={registerProblem} /> : null}
    </div>
  );
}
