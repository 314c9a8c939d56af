/**
 * The panel pack's documents as blocks: the table of key practice episodes, a one-page summary of
 * the review, and a contents page. The findings report is the findings export itself. Nothing here
 * carries a real name of the child or family (family by pseudonym only; practitioners by role and
 * agency).
 */
import { formatDate } from '../dates';
import { METHOD_VARIANT_LABELS, REVIEW_KIND_LABELS } from '../model/review';
import { VALENCE_LABELS, type KeyPracticeEpisode } from '../model/key-practice-episode';
import type { ReviewWorkspace } from '../model/workspace';
import { DEADLINE_LABELS, statutoryDeadlines } from '../review/statutory-clock';
import { REVIEW_STAGE_LABELS } from '../review/stage';
import type { ReportBlock } from './blocks';
import { plainLine } from './plain-text';

const period = (range: { start: string; end: string }) =>
  range.start === range.end
    ? formatDate(range.start)
    : `${formatDate(range.start)} to ${formatDate(range.end)}`;

/** Number, period, title, valence and contributory factors of every episode, in order. */
export function composeKpeTable(episodes: readonly KeyPracticeEpisode[]): ReportBlock[] {
  const ordered = [...episodes].sort((a, b) => a.number - b.number);
  return [
    { kind: 'heading', level: 1, text: 'Key practice episodes' },
    ordered.length === 0
      ? { kind: 'paragraph', text: '[No key practice episode has been recorded yet.]', placeholder: true }
      : {
          kind: 'table',
          header: ['KPE', 'Period', 'Title', 'Practice', 'Contributory factors'],
          rows: ordered.map((e) => [
            String(e.number),
            period(e.period),
            plainLine(e.title),
            VALENCE_LABELS[e.valence],
            e.factors.map((f) => `${f.group}: ${f.factor}`).join('; ') || 'None recorded',
          ]),
        },
  ];
}

/** One page: the review, its stage and statutory dates, its people by role and agency, the family by pseudonym. */
export function composeReviewSummary(workspace: ReviewWorkspace): ReportBlock[] {
  const { review } = workspace;
  const deadlines = statutoryDeadlines(review);
  const people: string[][] = [
    ...workspace.leadReviewers.map((p) => ['Lead reviewer', plainLine(p.role), '']),
    ...workspace.reviewTeam.map((p) => ['Review team', plainLine(p.role), plainLine(p.agency)]),
    ...workspace.caseGroup.map((p) => ['Case group', plainLine(p.label), plainLine(p.agency)]),
  ];
  return [
    { kind: 'heading', level: 1, text: `Review summary: ${review.referenceCode}` },
    { kind: 'paragraph', text: `${plainLine(review.title)}: ${REVIEW_KIND_LABELS[review.kind]}.` },
    { kind: 'paragraph', text: `Method: ${METHOD_VARIANT_LABELS[review.method]}.` },
    { kind: 'paragraph', text: `Stage: ${REVIEW_STAGE_LABELS[review.stage]}.` },
    { kind: 'paragraph', text: `Period under review: ${period(review.periodUnderReview)}.` },
    { kind: 'heading', level: 2, text: 'Statutory dates' },
    { kind: 'paragraph', text: `Incident notified: ${formatDate(review.incidentNotified)}.` },
    ...(review.decisionDate
      ? [
          {
            kind: 'paragraph',
            text: `Decision to hold the review: ${formatDate(review.decisionDate)}.`,
          } as const,
        ]
      : []),
    deadlines.length === 0
      ? { kind: 'paragraph', text: 'No statutory deadline applies to this kind of review.' }
      : {
          kind: 'table',
          header: ['Deadline', 'Due', 'Met'],
          rows: deadlines.map((d) => [DEADLINE_LABELS[d.kind], formatDate(d.due), d.met ? 'Yes' : 'Not yet']),
        },
    { kind: 'heading', level: 2, text: 'People by role and agency' },
    people.length === 0
      ? { kind: 'paragraph', text: '[No one has been added to the review yet.]', placeholder: true }
      : { kind: 'table', header: ['Part in the review', 'Role', 'Agency'], rows: people },
    { kind: 'heading', level: 2, text: 'Family (by pseudonym)' },
    workspace.family.length === 0
      ? { kind: 'paragraph', text: '[No family member has been recorded.]', placeholder: true }
      : {
          kind: 'table',
          header: ['Pseudonym', 'Relationship'],
          rows: workspace.family.map((f) => [plainLine(f.pseudonym), plainLine(f.relationship)]),
        },
  ];
}

/** The contents page: what is in the pack, and when it was prepared. */
export function composePackContents(
  referenceCode: string,
  preparedOn: string,
  documents: readonly { name: string; about: string }[],
): ReportBlock[] {
  return [
    { kind: 'heading', level: 1, text: `Panel pack: review ${referenceCode}` },
    { kind: 'paragraph', text: `Prepared on ${preparedOn} for the panel. Each document is in this folder.` },
    {
      kind: 'table',
      header: ['Document', 'What it holds'],
      rows: documents.map((d) => [d.name, d.about]),
    },
  ];
}

const LONDON = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** "2026-11-29 18.05.07" (Europe/London): sorts by time, and holds no character SharePoint refuses. */
export function packTimestamp(at: Date): string {
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    LONDON.formatToParts(at).find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}.${part('minute')}.${part('second')}`;
}

/** The pack's folder: the review's reference code and the time, never a name from the case. */
export const packFolderName = (referenceCode: string, at: Date): string =>
  `${referenceCode} panel pack ${packTimestamp(at)}`;
