import type { Client } from '@microsoft/microsoft-graph-client';
import {
  REVIEW_SITE_LISTS,
  ReviewStore,
  provisionIdentityRegister,
  provisionReviewSite,
  type LoadProblem,
} from '../../graph/review-site';
import { formatCount } from '../shell/format';
import type { Problem } from '../shell/problems';
import { peopleOfReview, type ReviewPerson } from './people';

/** What opening a review is doing: making sure its site has the lists, then reading them. */
export type OpenPhase = 'setting-up' | 'loading';

export interface OpenedReview {
  people: ReviewPerson[];
  /** What could not be read, in plain words; null when everything loaded. */
  notice: Problem | null;
}

/**
 * Opens the review of a Team: provisions its site (no writes when it is up to date; the lists on
 * first run), then loads every list in one batched round trip.
 */
export async function openReview(
  client: Client,
  groupId: string,
  onPhase: (phase: OpenPhase) => void = () => undefined,
): Promise<OpenedReview> {
  onPhase('setting-up');
  const site = await provisionReviewSite(client, { groupId });
  onPhase('loading');
  const loaded = await new ReviewStore(client, site).load();
  return {
    people: peopleOfReview(loaded),
    notice: describeLoadProblems(loaded.problems, site.warnings.length),
  };
}

/** Who can see the identity register, as the tab shows it. Never the register's entries. */
export type RegisterVisibility =
  { state: 'member'; channelName: string; members: string[] } | { state: 'not-a-member'; message: string };

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
export function describeLoadProblems(problems: readonly LoadProblem[], warnings = 0): Problem | null {
  const unreadable = problems.filter((p) => p.kind === 'list-missing' || p.kind === 'list-unreadable');
  const items = problems.filter((p) => p.kind === 'invalid-item');
  const references = problems.filter((p) => p.kind === 'invalid-reference');
  const detail: string[] = [];
  let title: string | undefined;
  if (unreadable.length > 0) {
    title = `${formatCount(unreadable.length, 'list', 'lists')} of the review could not be read.`;
    detail.push(`Not shown: what is in ${listNames(unreadable)}. Try again later.`);
  }
  if (items.length > 0) {
    title ??= `${formatCount(items.length, 'entry', 'entries')} could not be shown.`;
    detail.push(
      `${formatCount(items.length, 'entry', 'entries')} in ${listNames(items)} ${items.length === 1 ? 'does' : 'do'} not fit the list’s columns. Check them in the review’s site.`,
    );
  }
  if (references.length > 0) {
    title ??= 'Some entries refer to something missing.';
    detail.push(
      `${formatCount(references.length, 'entry', 'entries')} in ${listNames(references)} ${references.length === 1 ? 'refers' : 'refer'} to something that is not in the review.`,
    );
  }
  if (warnings > 0) {
    title ??= 'The review’s site could not be fully updated.';
    detail.push('Some choices new in this version could not be added to the review’s lists yet.');
  }
  return title ? { intent: 'warning', title, detail: detail.join(' ') } : null;
}
