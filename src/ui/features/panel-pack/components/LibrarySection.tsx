import { Button, Link, Text, mergeClasses } from '@fluentui/react-components';
import { CheckmarkCircle20Regular, Info20Regular } from '@fluentui/react-icons';
import { GatewayError } from '../../../../core/failures';
import type { LibraryAccess, PanelPerson } from '../../../../graph/workspace';
import { ProblemMessage } from '../../../shell/Problem';
import { describeProblem, type Problem } from '../../../shell/problems';
import { QueryState } from '../../../shell/QueryState';
import { useLibraryAccess } from '../hooks/usePanel';
import { useListStyles } from '../../../shell/styles/useListStyles';
import { usePanelStyles } from '../styles/usePanelStyles';

function Status({ done, children }: { done: boolean; children: string }) {
  const styles = usePanelStyles();
  const Icon = done ? CheckmarkCircle20Regular : Info20Regular;
  return (
    <Text className={styles.status}>
      <Icon aria-hidden className={mergeClasses(styles.statusIcon, done && styles.doneIcon)} />
      {children}
    </Text>
  );
}

function columnsProblem(error: unknown): Problem {
  if (error instanceof GatewayError && (error.kind === 'not-allowed' || error.kind === 'signed-out'))
    return {
      title: 'SharePoint did not let you change the library’s view.',
      detail:
        'Changing it needs the right to manage the library’s views (a member of the review’s Team) and the app’s SharePoint permission. Ask a lead reviewer, or your administrator.',
    };
  return {
    title: 'The library’s view could not be changed.',
    detail: 'SharePoint did not answer. Try again in a minute.',
  };
}

const personStatus = (p: LibraryAccess['panel'][number]) =>
  p.inTeam
    ? 'In the review’s Team: opens the library as a member.'
    : p.canRead
      ? 'Can read the library (shared by name, read only).'
      : p.email
        ? 'Cannot open the library yet.'
        : 'No email address: add it on their page under People to share the library with them.';

export function LibrarySection({
  reviewId,
  referenceCode,
  panel,
}: {
  reviewId: string;
  referenceCode: string;
  panel: readonly PanelPerson[];
}) {
  const styles = usePanelStyles();
  const list = useListStyles();
  const { query, showColumns, share } = useLibraryAccess(reviewId, panel);
  return (
    <section className={styles.section} aria-labelledby="library-heading">
      <Text as="h3" size={500} weight="semibold" id="library-heading" className={styles.heading}>
        The library in SharePoint
      </Text>
      <Text>
        Panel members read the review’s files in SharePoint itself, with the review’s columns beside each
        file.
      </Text>
      <QueryState query={query} loading="Checking the library…">
        {(library) => {
          const toShare = library.panel.filter((p) => !p.canRead && p.email);
          return (
            <>
              <span>
                <Link href={library.webUrl} target="_blank" rel="noopener noreferrer">
                  Open the library in SharePoint
                </Link>
              </span>
              {library.columns === 'shown' ? (
                <Status done>
                  SharePoint’s view of the library shows the review’s columns: type, agency, record status and
                  stage.
                </Status>
              ) : (
                <>
                  <Status done={false}>
                    {library.columns === 'missing'
                      ? 'SharePoint’s view of the library does not show the review’s columns (type, agency, record status and stage) yet.'
                      : 'Whether SharePoint’s view of the library shows the review’s columns could not be checked.'}
                  </Status>
                  <span>
                    <Button disabled={showColumns.isPending} onClick={() => showColumns.mutate()}>
                      {showColumns.isPending
                        ? 'Adding the columns…'
                        : 'Show the review’s columns in SharePoint'}
                    </Button>
                  </span>
                </>
              )}
              {showColumns.error ? <ProblemMessage problem={columnsProblem(showColumns.error)} /> : null}
              <Text as="h4" size={400} weight="semibold" className={styles.heading} id="panel-access-heading">
                Panel members
              </Text>
              {library.panel.length === 0 ? (
                <Text>
                  No panel member has been added. Add them under <Link href="#/people">People</Link> (Add
                  someone, Panel member).
                </Text>
              ) : (
                <ul className={list.plain} aria-labelledby="panel-access-heading">
                  {library.panel.map((p) => (
                    <li key={p.id} className={list.card}>
                      <Text weight="semibold">{p.name}</Text>
                      <Status done={p.canRead}>{personStatus(p)}</Status>
                    </li>
                  ))}
                </ul>
              )}
              {toShare.length > 0 ? (
                <>
                  <Text className={styles.muted}>
                    Each gets an invitation from Microsoft 365 and signs in to read; no link that anyone could
                    open is made.
                  </Text>
                  <span>
                    <Button
                      appearance="primary"
                      disabled={share.isPending}
                      onClick={() =>
                        share.mutate({ reference: referenceCode, emails: toShare.map((p) => p.email!) })
                      }
                    >
                      {share.isPending
                        ? 'Sharing…'
                        : `Share the library read-only with ${toShare.length === 1 ? toShare[0]!.name : `${toShare.length} panel members`}`}
                    </Button>
                  </span>
                </>
              ) : null}
              {share.error ? (
                <ProblemMessage
                  problem={
                    share.error instanceof GatewayError && share.error.kind === 'not-allowed'
                      ? {
                          title: 'The library could not be shared.',
                          detail:
                            'Microsoft 365 did not let you share it. The site may forbid sharing with people outside the organisation; ask a lead reviewer or your administrator.',
                        }
                      : describeProblem(share.error)
                  }
                />
              ) : null}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
