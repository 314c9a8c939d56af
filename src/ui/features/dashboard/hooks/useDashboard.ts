import { useMemo } from 'react';
import { needsAttention } from '../../../../core/model/calendar-event';
import { overdueRecords, reviewCounts, STAGE_NEXT_STEPS } from '../../../../core/review/progress';
import { REVIEW_STAGE_LABELS, reviewStageLifecycle } from '../../../../core/review/stage';
import {
  ragStatus,
  statutoryDeadlines,
  DEADLINE_LABELS,
  RAG_LABELS,
} from '../../../../core/review/statutory-clock';
import { trackBoardActions } from '../../../../core/model/board-action';
import type { ArtefactEntry, ReviewSnapshot } from '../../../../graph/workspace';
import { formatDay, workingDaysPhrase } from '../../../shell/dates';

/**
 * The review's most recently changed documents, newest first, from the review's one batched load
 * (its library's list items, with their lastModifiedDateTime): the dashboard asks for nothing more.
 */
export function recentArtefacts(
  artefacts: readonly ArtefactEntry[],
  count = 5,
): (ArtefactEntry & { name: string })[] {
  return artefacts
    .filter((a): a is ArtefactEntry & { name: string } => Boolean(a.name))
    .sort((a, b) => (b.lastModified ?? '').localeCompare(a.lastModified ?? ''))
    .slice(0, count);
}

/** What the dashboard shows, worked out by the core from the review's snapshot and today. */
export function useDashboard(snapshot: ReviewSnapshot, today: string) {
  return useMemo(() => {
    const record = snapshot.record;
    const review = record?.value.review;
    const caseGroup = snapshot.people.filter((p) => p.role === 'case-group');
    const labelOf = (id: string) => {
      const person = caseGroup.find((p) => p.id === id);
      return person && person.role !== 'family' ? person.label : 'A case group member';
    };
    const deadlines = review
      ? statutoryDeadlines(review).map((d) => {
          const rag = ragStatus(d, today);
          return {
            kind: d.kind,
            label: DEADLINE_LABELS[d.kind],
            due: formatDay(d.due),
            rag,
            status: d.met ? 'Done' : RAG_LABELS[rag],
            when: d.met ? 'done' : workingDaysPhrase(d.due, today),
          };
        })
      : [];
    const counts = reviewCounts({ ...snapshot, caseGroup }, today);
    const lateRecords = overdueRecords(snapshot.conversations, today).map((c) => labelOf(c.participant));
    // Declined or vanished invitations, as the calendars last showed them (refreshed on opening).
    const whoOf = (id: string) => {
      const p = snapshot.people.find((x) => x.id === id);
      return !p || p.role === 'family' ? 'someone' : p.role === 'case-group' ? p.label : p.name;
    };
    const declinedBy = (responses: Record<string, string>) =>
      Object.keys(responses)
        .filter((id) => responses[id] === 'declined')
        .map(whoOf)
        .join(', ');
    const calendar = [
      ...snapshot.conversations.flatMap((c) =>
        c.calendarEvent && c.status === 'scheduled' && needsAttention(c.calendarEvent)
          ? [
              {
                id: c.id,
                href: `#/conversations/${encodeURIComponent(c.id)}`,
                text:
                  c.calendarEvent.status === 'declined'
                    ? `Conversation with ${labelOf(c.participant)} declined by ${declinedBy(c.calendarEvent.responses)}: find another time.`
                    : `Conversation with ${labelOf(c.participant)} is no longer in the calendar: find another time.`,
              },
            ]
          : [],
      ),
      // Offered several times (someone in another organisation) and every time declined.
      ...snapshot.conversations.flatMap((c) =>
        c.status === 'proposed' && c.calendarEvent?.candidates && c.calendarEvent.status === 'declined'
          ? [
              {
                id: c.id,
                href: `#/conversations/${encodeURIComponent(c.id)}`,
                text: `Conversation with ${labelOf(c.participant)}: every time offered was declined; find another time.`,
              },
            ]
          : [],
      ),
      ...(snapshot.meetings ?? []).flatMap((m) =>
        m.calendarEvent && m.status === 'scheduled' && needsAttention(m.calendarEvent)
          ? [
              {
                id: m.id,
                href: undefined,
                text:
                  m.calendarEvent.status === 'declined'
                    ? `${m.title} declined by ${declinedBy(m.calendarEvent.responses)}.`
                    : `${m.title} is no longer in the calendar.`,
              },
            ]
          : [],
      ),
    ];
    return {
      record,
      review,
      recent: recentArtefacts(snapshot.artefacts),
      stage: review ? { key: review.stage, label: REVIEW_STAGE_LABELS[review.stage] } : undefined,
      nextSteps: review ? STAGE_NEXT_STEPS[review.stage] : [],
      moves: review
        ? reviewStageLifecycle.next(review.stage).map((to) => ({ to, label: REVIEW_STAGE_LABELS[to] }))
        : [],
      deadlines,
      counts,
      attention: {
        notice: snapshot.notice,
        lateRecords,
        calendar,
        overdueDeadlines: deadlines.filter((d) => d.rag === 'red'),
        boardActionsOverdue: counts.boardActionsOverdue,
        /** Each overdue action with the finding it responds to, most overdue first. */
        overdueActions: trackBoardActions(snapshot.boardActions, snapshot.findings, today)
          .rows.filter((row) => row.overdue)
          .sort((a, b) => b.daysOverdue - a.daysOverdue),
      },
    };
  }, [snapshot, today]);
}
