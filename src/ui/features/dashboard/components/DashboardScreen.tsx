import { Link, MessageBar, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import { FINDING_STATUS_LABELS, type FindingStatus } from '../../../../core/model/finding';
import { useReviewSnapshot } from '../../../data/review-queries';
import { useCalendarResponses } from '../../../data/scheduling';
import { useFrame } from '../../../frame/review-context';
import { formatDay, todayInLondon } from '../../../shell/dates';
import { ProblemMessage } from '../../../shell/Problem';
import { QueryState } from '../../../shell/QueryState';
import { ScreenHeading } from '../../../shell/ScreenHeading';
import { useDashboard } from '../hooks/useDashboard';
import { useListStyles } from '../../../shell/styles/useListStyles';
import { useDashboardStyles } from '../styles/useDashboardStyles';
import { RagBadge } from './RagBadge';
import { StageCard } from './StageCard';
import type { ReviewSnapshot } from '../../../../graph/workspace';

const plural = (n: number, one: string, other: string) =>
  `${n.toLocaleString('en-GB')} ${n === 1 ? one : other}`;

function Dashboard({ snapshot }: { snapshot: ReviewSnapshot }) {
  const styles = useDashboardStyles();
  const list = useListStyles();
  const { review } = useFrame();
  const view = useDashboard(snapshot, todayInLondon());
  // The invitations' answers, read from the calendars: declines then show under "Needs attention".
  useCalendarResponses(review.id);

  if (!view.record || !view.stage)
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>This review is not set up yet.</MessageBarTitle>
          Its reference, kind, dates and research questions have not been recorded.{' '}
          <Link href="#/setup">Set up the review</Link>
        </MessageBarBody>
      </MessageBar>
    );

  const { counts, attention } = view;
  const countRows: [string, string][] = [
    ['Case group', plural(counts.caseGroup, 'person', 'people')],
    ['Conversations scheduled', String(counts.conversations.scheduled)],
    ['Conversations held', String(counts.conversations.held)],
    ['Conversation records agreed', String(counts.conversations.recordsAgreed)],
    ['Key practice episodes', String(counts.keyPracticeEpisodes)],
    ...(Object.keys(FINDING_STATUS_LABELS) as FindingStatus[]).map((s): [string, string] => [
      `Findings: ${FINDING_STATUS_LABELS[s].toLowerCase()}`,
      String(counts.findings[s]),
    ]),
    ['Board actions overdue', String(counts.boardActionsOverdue)],
  ];
  const attentionCount =
    attention.lateRecords.length +
    attention.calendar.length +
    attention.overdueDeadlines.length +
    (attention.boardActionsOverdue > 0 ? 1 : 0) +
    (attention.notice ? 1 : 0);

  return (
    <div className={styles.grid}>
      <StageCard
        reviewId={review.id}
        record={view.record}
        stageLabel={view.stage.label}
        nextSteps={view.nextSteps}
        moves={view.moves}
      />
      <section className={styles.card} aria-labelledby="deadlines-heading">
        <Text as="h3" size={500} weight="semibold" id="deadlines-heading" className={styles.heading}>
          Statutory dates
        </Text>
        {view.deadlines.length === 0 ? (
          <Text as="p">This kind of review has no statutory clock.</Text>
        ) : (
          <ul className={list.plain}>
            {view.deadlines.map((d) => (
              <li key={d.kind} className={styles.deadline}>
                <Text weight="semibold">{d.label}</Text>
                <Text>
                  Due {d.due}
                  {d.when === 'done' ? '' : `, ${d.when}`}
                </Text>
                <span>
                  <RagBadge rag={d.rag}>{d.status}</RagBadge>
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className={styles.card} aria-labelledby="attention-heading">
        <Text as="h3" size={500} weight="semibold" id="attention-heading" className={styles.heading}>
          Needs attention
        </Text>
        {attentionCount === 0 ? <Text as="p">Nothing needs attention.</Text> : null}
        {attention.notice ? <ProblemMessage problem={attention.notice} /> : null}
        {attentionCount === 0 || (attentionCount === 1 && attention.notice) ? null : (
          <ul className={styles.list}>
            {attention.overdueDeadlines.map((d) => (
              <li key={d.kind}>
                <Text>
                  {d.label}: {d.when}.
                </Text>
              </li>
            ))}
            {attention.calendar.map((item) => (
              <li key={item.id}>
                {/* A declined or vanished conversation opens on its page, where "Find another time" is. */}
                {item.href ? <Link href={item.href}>{item.text}</Link> : <Text>{item.text}</Text>}
              </li>
            ))}
            {attention.lateRecords.map((label, i) => (
              <li key={`${label}-${i}`}>
                <Text>Conversation record of {label} not agreed yet.</Text>
              </li>
            ))}
            {attention.boardActionsOverdue > 0 ? (
              <li>
                <Text>
                  {plural(attention.boardActionsOverdue, 'Board action is', 'Board actions are')}{' '}
                  overdue:{' '}
                </Text>
                <ul className={list.plain}>
                  {attention.overdueActions.map((row) => (
                    <li key={row.action.id}>
                      {row.finding ? (
                        <Link href={`#/findings/${encodeURIComponent(row.finding.id)}`}>
                          {`Finding ${row.finding.number}`}
                        </Link>
                      ) : (
                        <Text>A deleted finding</Text>
                      )}
                      <Text>{`: ${row.action.owningAgency}, ${row.daysOverdue} ${row.daysOverdue === 1 ? 'day' : 'days'} late`}</Text>
                    </li>
                  ))}
                </ul>
                <Link href="#/actions">All Board actions</Link>
              </li>
            ) : null}
          </ul>
        )}
      </section>
      <section className={styles.card} aria-labelledby="counts-heading">
        <Text as="h3" size={500} weight="semibold" id="counts-heading" className={styles.heading}>
          Progress
        </Text>
        <dl className={styles.counts}>
          {countRows.map(([label, value]) => (
            <div key={label} style={{ display: 'contents' }}>
              <dt className={styles.countLabel}>{label}</dt>
              <dd className={styles.countValue}>{value}</dd>
            </div>
          ))}
        </dl>
        <nav aria-label="The analysis" className={styles.links}>
          <Link href="#/findings">Findings</Link>
          <Link href="#/actions">Board actions</Link>
          <Link href="#/timeline">Timeline</Link>
        </nav>
      </section>
      <section className={styles.card} aria-labelledby="recent-heading">
        <Text as="h3" size={500} weight="semibold" id="recent-heading" className={styles.heading}>
          Recent artefacts
        </Text>
        {view.recent.length === 0 ? (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>No artefacts yet.</MessageBarTitle>
              Upload agency records and chronologies to the review’s library.
            </MessageBarBody>
          </MessageBar>
        ) : (
          <ul className={list.plain}>
            {view.recent.map((a) => (
              <li key={a.id}>
                <Link href={`#/artefacts/${encodeURIComponent(a.id)}`} className={styles.wrap}>
                  {a.name}
                </Link>
                {a.lastModified ? (
                  <Text className={styles.muted}> · changed {formatDay(a.lastModified.slice(0, 10))}</Text>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        <Link href="#/artefacts">All artefacts</Link>
      </section>
    </div>
  );
}

/** `/`: the stage and its next steps, the statutory clock, progress, and what needs attention. */
export default function DashboardScreen() {
  const { review } = useFrame();
  const snapshot = useReviewSnapshot(review.id);
  return (
    <>
      <ScreenHeading>Dashboard</ScreenHeading>
      <QueryState
        query={snapshot}
        loading={snapshot.phase === 'setting-up' ? 'Setting up the review’s site…' : 'Loading the review…'}
      >
        {(data) => <Dashboard snapshot={data} />}
      </QueryState>
    </>
  );
}
