/**
 * `/timeline` and `/timeline/:kind/:id`: the period under review as one picture, from the review's
 * one batched load: episodes as bars, conversations as points, the statutory deadlines and the
 * Board actions' due dates as lines. Selecting an item opens it beside the picture (its own deep
 * link), with the way to its screen and the findings that cite it.
 *
 * Timings for the benchmark (User Timing, read by test/bench/timeline.bench.ts): the mark
 * `crw:timeline:data-ready` when the screen first renders with the data, and the measure
 * `crw:timeline:render` from it to the timeline painted; each later paint (a zoom) marks
 * `crw:timeline:painted`.
 */
import { Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useNavigate, useParams } from 'react-router';
import { citedBy, evidenceIndex } from '../../../../core/analysis/evidence';
import { renderCitations } from '../../../../core/analysis/citations';
import { reviewCitationLookup } from '../../../../core/analysis/evidence';
import { formatPeriod, VALENCE_LABELS } from '../../../../core/model/key-practice-episode';
import type { ReviewSnapshot } from '../../../../graph/workspace';
import { useReviewSnapshot } from '../../../data/review-queries';
import { useFrame } from '../../../frame/review-context';
import { formatDay } from '../../../shell/dates';
import { QueryState } from '../../../shell/QueryState';
import { ScreenHeading } from '../../../shell/ScreenHeading';
import { dayInLondon, timelineDataFromReview } from '../hooks/timeline-data';
import { itemKey, type TimelineData, type TimelineItem, type TimelinePoint } from '../hooks/timeline-layout';
import { describeItem } from '../hooks/useTimeline';
import { Timeline } from './Timeline';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: '0' },
  details: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: 'anywhere',
  },
  heading: {
    margin: 0,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export const ACTION_LINE_PREFIX = 'action:';
export const RENDER_MARK = 'crw:timeline:data-ready';
export const RENDER_MEASURE = 'crw:timeline:render';
export const PAINTED_MARK = 'crw:timeline:painted';

/** Case group and review team meetings with a time, as points (their titles carry no names). */
const meetingPoints = (snapshot: ReviewSnapshot): TimelinePoint[] =>
  snapshot.meetings
    .filter((m) => m.scheduled && m.status !== 'cancelled')
    .map((m) => ({ kind: 'meeting', id: m.id, date: dayInLondon(m.scheduled!.start), title: m.title }));

/** The review as the timeline's plain data, with each open Board action's due date as a line. */
export function timelineOfSnapshot(snapshot: ReviewSnapshot): TimelineData | undefined {
  const review = snapshot.record?.value.review;
  if (!review) return undefined;
  const caseGroup = snapshot.personEntries.flatMap((e) =>
    e.kind === 'caseGroupMember' ? [e.stored.value] : [],
  );
  const base = timelineDataFromReview(
    {
      review,
      keyPracticeEpisodes: snapshot.keyPracticeEpisodes,
      conversations: snapshot.conversations,
      caseGroup,
    },
    meetingPoints(snapshot),
  );
  const numbers = new Map(snapshot.findings.map((f) => [f.id, f.number]));
  const actionLines = snapshot.boardActions
    .filter((a) => a.status === 'open' || a.status === 'in-progress')
    .map((a) => ({
      kind: 'deadline' as const,
      id: `${ACTION_LINE_PREFIX}${a.id}`,
      date: a.dueDate,
      title: `Board action due (${numbers.has(a.finding) ? `finding ${numbers.get(a.finding)}` : 'a deleted finding'}): ${a.owningAgency}`,
    }));
  return { ...base, deadlines: [...base.deadlines, ...actionLines] };
}

/** The item chosen, beside the picture: what it is, where to open it, and what cites it. */
function ItemDetails({ item, snapshot }: { item: TimelineItem; snapshot: ReviewSnapshot }) {
  const styles = useStyles();
  const heading = useRef<HTMLHeadingElement>(null);
  // The person chose this item: their focus follows it here (after the screen's own heading).
  const { navigated } = useFrame();
  const key = itemKey(item);
  useEffect(() => {
    if (navigated) heading.current?.focus();
  }, [key, navigated]);
  const lookup = useMemo(
    () =>
      reviewCitationLookup({
        keyPracticeEpisodes: snapshot.keyPracticeEpisodes,
        conversations: snapshot.conversations,
        caseGroup: snapshot.personEntries.flatMap((e) =>
          e.kind === 'caseGroupMember' ? [e.stored.value] : [],
        ),
        artefacts: snapshot.artefacts.map((a) => ({ id: a.id, name: a.name ?? 'A document' })),
      }),
    [snapshot],
  );
  const index = useMemo(
    () => evidenceIndex(snapshot.keyPracticeEpisodes, snapshot.findings),
    [snapshot.keyPracticeEpisodes, snapshot.findings],
  );
  const title = item.kind === 'kpe' ? `KPE ${item.number}: ${item.title}` : item.title;
  const citing =
    item.kind === 'kpe' || item.kind === 'conversation'
      ? citedBy(index, { kind: item.kind, id: item.id }).findings
      : [];
  const episode =
    item.kind === 'kpe' ? snapshot.keyPracticeEpisodes.find((e) => e.id === item.id) : undefined;
  const action =
    item.kind === 'deadline' && item.id.startsWith(ACTION_LINE_PREFIX)
      ? snapshot.boardActions.find((a) => `${ACTION_LINE_PREFIX}${a.id}` === item.id)
      : undefined;
  const actionFinding = action ? snapshot.findings.find((f) => f.id === action.finding) : undefined;
  return (
    <section className={styles.details} aria-labelledby="timeline-item-heading">
      <Text
        as="h3"
        size={500}
        weight="semibold"
        id="timeline-item-heading"
        className={styles.heading}
        ref={heading}
        tabIndex={-1}
      >
        {title}
      </Text>
      {episode ? (
        <>
          <Text>
            {formatPeriod(episode.period)} · {VALENCE_LABELS[episode.valence]}
          </Text>
          <Text>{renderCitations(episode.description, lookup)}</Text>
          <span>
            <Link href={`#/kpes/${encodeURIComponent(episode.id)}`}>Open KPE {episode.number}</Link>
          </span>
        </>
      ) : item.kind === 'conversation' || item.kind === 'meeting' ? (
        <>
          <Text>{formatDay(item.date)}</Text>
          {item.kind === 'conversation' ? (
            <span>
              <Link href={`#/conversations/${encodeURIComponent(item.id)}`}>Open the conversation</Link>
            </span>
          ) : (
            <span>
              <Link href="#/schedule">Meetings on the schedule</Link>
            </span>
          )}
        </>
      ) : action ? (
        <>
          <Text>
            Due {formatDay(action.dueDate)} · {action.description}
          </Text>
          <span>
            <Link href="#/actions">All Board actions</Link>
          </span>
          {actionFinding ? (
            <span>
              <Link href={`#/findings/${encodeURIComponent(actionFinding.id)}`}>
                {`Finding ${actionFinding.number}: ${renderCitations(actionFinding.title, lookup)}`}
              </Link>
            </span>
          ) : null}
        </>
      ) : (
        <>
          <Text>{describeItem(item)}</Text>
          <span>
            <Link href="#/">The statutory dates on the dashboard</Link>
          </span>
        </>
      )}
      {item.kind === 'kpe' || item.kind === 'conversation' ? (
        citing.length === 0 ? (
          <Text>No finding cites it yet.</Text>
        ) : (
          <>
            <Text weight="semibold">Findings that cite it</Text>
            <ul className={styles.list}>
              {citing.map((f) => (
                <li key={f.id}>
                  <Link href={`#/findings/${encodeURIComponent(f.id)}`}>
                    {`Finding ${f.number}: ${renderCitations(f.title, lookup)}`}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        )
      ) : null}
    </section>
  );
}

function ReviewTimeline({ snapshot }: { snapshot: ReviewSnapshot }) {
  const styles = useStyles();
  const navigate = useNavigate();
  const { kind, id } = useParams();
  const data = useMemo(() => timelineOfSnapshot(snapshot), [snapshot]);
  // The data is ready from this render: the benchmark's start mark (once per screen).
  const marked = useRef(false);
  if (data && !marked.current) {
    marked.current = true;
    performance.clearMarks(RENDER_MARK);
    performance.mark(RENDER_MARK);
  }
  const measured = useRef(false);
  const onPainted = useCallback(() => {
    performance.mark(PAINTED_MARK);
    if (measured.current) return;
    measured.current = true;
    performance.measure(RENDER_MEASURE, RENDER_MARK, PAINTED_MARK);
  }, []);
  const onOpen = useCallback(
    (item: TimelineItem) => navigate(`/timeline/${item.kind}/${encodeURIComponent(item.id)}`),
    [navigate],
  );
  if (!data) return <Text>The review&apos;s period is not recorded yet: set the review up first.</Text>;
  const all: TimelineItem[] = [...data.episodes, ...data.points, ...data.deadlines];
  const chosen = kind && id ? all.find((item) => itemKey(item) === `${kind}:${id}`) : undefined;
  return (
    <div className={styles.root}>
      <Timeline data={data} onOpen={onOpen} onPainted={onPainted} />
      {chosen ? <ItemDetails item={chosen} snapshot={snapshot} /> : null}
      {kind && id && !chosen ? <Text>That item is no longer in the review.</Text> : null}
    </div>
  );
}

export default function TimelineScreen() {
  const { review } = useFrame();
  const snapshot = useReviewSnapshot(review.id);
  return (
    <>
      <ScreenHeading>Timeline</ScreenHeading>
      <QueryState query={snapshot} loading="Loading the review…">
        {(data) => <ReviewTimeline snapshot={data} />}
      </QueryState>
    </>
  );
}
