/**
 * The timeline's plain data from a review: its episodes, the conversations that have a date (by
 * the practitioner's role label, never a name), and its statutory deadlines. What the route that
 * mounts the timeline passes in, with any further points (the case group and review team meetings).
 */
import { conversationLabel } from '../../../../core/analysis/evidence';
import type { ReviewWorkspace } from '../../../../core/model/workspace';
import { DEADLINE_LABELS, statutoryDeadlines } from '../../../../core/review/statutory-clock';
import type { TimelineData, TimelinePoint } from './timeline-layout';

const londonDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });

/** The calendar day in England of a date and time with an offset ("2026-10-20T23:30:00Z" is 21 October in summer time). */
export const dayInLondon = (dateTime: string): string => londonDate.format(new Date(dateTime));

export function timelineDataFromReview(
  workspace: Pick<ReviewWorkspace, 'review' | 'keyPracticeEpisodes' | 'conversations' | 'caseGroup'>,
  extraPoints: readonly TimelinePoint[] = [],
): TimelineData {
  return {
    period: workspace.review.periodUnderReview,
    episodes: workspace.keyPracticeEpisodes.map((e) => ({
      kind: 'kpe',
      id: e.id,
      number: e.number,
      title: e.title,
      start: e.period.start,
      end: e.period.end,
      valence: e.valence,
    })),
    points: [
      ...workspace.conversations
        .filter((c) => c.scheduled && c.status !== 'cancelled')
        .map((c): TimelinePoint => ({
          kind: 'conversation',
          id: c.id,
          date: dayInLondon(c.scheduled!.start),
          title: conversationLabel(c, workspace.caseGroup),
        })),
      ...extraPoints,
    ],
    deadlines: statutoryDeadlines(workspace.review).map((d) => ({
      kind: 'deadline',
      id: d.kind,
      date: d.due,
      title: DEADLINE_LABELS[d.kind],
    })),
  };
}
