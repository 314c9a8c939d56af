/**
 * Opening a review: its site is provisioned (no writes when it is up to date; the lists on first
 * run), then every list is read in one batched round trip and shaped for the screens. Family
 * members leave here with pseudonym and relationship only; problems are counted, never quoted.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import {
  REVIEW_SITE_LISTS,
  openReviewSite,
  provisionIdentityRegister,
  type LoadedReview,
  type LoadProblem,
  type ProvisionedSite,
} from '../review-site';
import type { SharePointConnection } from '../sharepoint/rest';
import type { Notice, OpenPhase, RegisterVisibility, ReviewPerson, ReviewSnapshot } from './types';

/** Everyone in the loaded review, as rows for the pages, in the method's order of roles. */
export function peopleOfReview(
  review: Pick<LoadedReview, 'leadReviewers' | 'reviewTeam' | 'caseGroup' | 'family'> &
    Partial<Pick<LoadedReview, 'panel'>>,
): ReviewPerson[] {
  return [
    ...review.leadReviewers.map(({ value: p }): ReviewPerson => ({
      id: p.id,
      role: 'lead-reviewer',
      name: p.name,
      label: p.role,
      jobRole: p.role,
      email: p.email,
    })),
    ...review.reviewTeam.map(({ value: p }): ReviewPerson => ({
      id: p.id,
      role: 'review-team',
      name: p.name,
      label: p.role,
      jobRole: p.role,
      agency: p.agency,
      email: p.email,
    })),
    ...review.caseGroup.map(({ value: p }): ReviewPerson => ({
      id: p.id,
      role: 'case-group',
      name: p.name,
      label: p.label,
      jobRole: p.role,
      agency: p.agency,
      email: p.email,
      organisation: p.organisation,
    })),
    ...(review.panel ?? []).map(({ value: p }): ReviewPerson => ({
      id: p.id,
      role: 'panel',
      name: p.name,
      label: p.role,
      jobRole: p.role,
      agency: p.agency,
      email: p.email,
    })),
    // Only the two fields a family member has: whatever else an item held never reaches the page.
    ...review.family.map(({ value: p }): ReviewPerson => ({
      id: p.id,
      role: 'family',
      pseudonym: p.pseudonym,
      relationship: p.relationship,
    })),
  ];
}

/** The review's snapshot from a load. */
export function snapshotOf(reviewId: string, loaded: LoadedReview, warnings = 0): ReviewSnapshot {
  return {
    reviewId,
    record: loaded.record,
    people: peopleOfReview(loaded),
    personEntries: [
      ...loaded.leadReviewers.map((stored) => ({ kind: 'leadReviewer' as const, stored })),
      ...loaded.reviewTeam.map((stored) => ({ kind: 'reviewTeamMember' as const, stored })),
      ...loaded.caseGroup.map((stored) => ({ kind: 'caseGroupMember' as const, stored })),
      ...loaded.family.map((stored) => ({ kind: 'familyMember' as const, stored })),
      ...loaded.panel.map((stored) => ({ kind: 'panelMember' as const, stored })),
    ],
    conversations: loaded.conversations.map((s) => s.value),
    keyPracticeEpisodes: loaded.keyPracticeEpisodes.map((s) => s.value),
    keyPracticeEpisodeEntries: loaded.keyPracticeEpisodes,
    findings: loaded.findings.map((s) => s.value),
    findingEntries: loaded.findings,
    boardActions: loaded.boardActions.map((s) => s.value),
    meetings: loaded.meetings.map((s) => s.value),
    boardActionEntries: loaded.boardActions,
    artefacts: loaded.artefacts.map(({ value: a }) => ({
      id: a.id,
      name: a.name,
      type: a.type,
      agency: a.agency,
      recordStatus: a.recordStatus,
      conversation: a.conversation,
      lastModified: a.lastModified,
    })),
    notice: describeLoadProblems(loaded.problems, warnings),
    problemCount: loaded.problems.length,
  };
}

/**
 * Opens the review: one batch checks its site's schema and reads every list (review-site/open-site.ts);
 * a site that lacks lists is set up first ('setting-up'), which takes longer.
 */
export async function openReview(
  client: Client,
  groupId: string,
  onPhase: (phase: OpenPhase) => void = () => undefined,
  sharePoint?: SharePointConnection,
): Promise<{ site: ProvisionedSite; snapshot: ReviewSnapshot }> {
  onPhase('loading');
  const { site, loaded } = await openReviewSite(client, groupId, {
    sharePoint,
    onSetUp: () => onPhase('setting-up'),
  });
  return { site, snapshot: snapshotOf(groupId, loaded, site.warnings.length) };
}

export async function identityRegisterVisibility(
  client: Client,
  teamId: string,
): Promise<RegisterVisibility> {
  const access = await provisionIdentityRegister(client, teamId);
  if (access.state === 'not-a-member') return { state: 'not-a-member', message: access.message };
  return {
    state: 'member',
    channelName: access.channel.displayName,
    members: access.members.map((m) => m.displayName).filter((name) => name !== ''),
  };
}

const plural = new Intl.PluralRules('en-GB');
const count = (n: number, one: string, other: string) =>
  `${n.toLocaleString('en-GB')} ${plural.select(n) === 'one' ? one : other}`;
const names = new Intl.ListFormat('en-GB', { style: 'long', type: 'conjunction' });

/** The lists the problems are in, by the schema's display names (never anything from an item). */
function listNames(problems: readonly LoadProblem[]): string {
  const shown = REVIEW_SITE_LISTS.filter((spec) => problems.some((p) => p.list === spec.name)).map(
    (spec) => spec.displayName,
  );
  return shown.length > 0 ? names.format(shown) : 'the review’s lists';
}

/**
 * The load's problems as one plain-language warning. It counts and names lists only: the
 * problems' own messages can quote item content, so none of them is shown.
 */
export function describeLoadProblems(problems: readonly LoadProblem[], warnings = 0): Notice | null {
  const unreadable = problems.filter((p) => p.kind === 'list-missing' || p.kind === 'list-unreadable');
  const items = problems.filter((p) => p.kind === 'invalid-item');
  const references = problems.filter((p) => p.kind === 'invalid-reference');
  const detail: string[] = [];
  let title: string | undefined;
  if (unreadable.length > 0) {
    title = `${count(unreadable.length, 'list', 'lists')} of the review could not be read.`;
    detail.push(`Not shown: what is in ${listNames(unreadable)}. Try again later.`);
  }
  if (items.length > 0) {
    title ??= `${count(items.length, 'entry', 'entries')} could not be shown.`;
    detail.push(
      `${count(items.length, 'entry', 'entries')} in ${listNames(items)} ${items.length === 1 ? 'does' : 'do'} not fit the list’s columns. Check them in the review’s site.`,
    );
  }
  if (references.length > 0) {
    title ??= 'Some entries refer to something missing.';
    detail.push(
      `${count(references.length, 'entry', 'entries')} in ${listNames(references)} ${references.length === 1 ? 'refers' : 'refer'} to something that is not in the review.`,
    );
  }
  if (warnings > 0) {
    title ??= 'The review’s site could not be fully updated.';
    detail.push('Some choices new in this version could not be added to the review’s lists yet.');
  }
  return title ? { intent: 'warning', title, detail: detail.join(' ') } : null;
}
