/**
 * The tab's findings editor and the Board's tracking, over the review's Findings and BoardActions
 * lists: write a finding, move it through the method's checks (the core's transition decides), set
 * the findings' priority order (the number is the priority, recomputed by the core), and the
 * Board's actions. Every update sends If-Match: a 412 comes back as a conflict with both versions,
 * never a silent overwrite. The screens import only the interface (types.ts).
 */
import {
  boardActionLifecycle,
  checkBoardAction,
  type BoardAction,
  type BoardActionStatus,
} from '../../core/model/board-action';
import type { CitationLookup } from '../../core/analysis/citations';
import { numberChanges, prioritiseFinding, renumber } from '../../core/analysis/numbering';
import { DomainError } from '../../core/errors';
import {
  transitionFinding,
  type Finding,
  type FindingHeadings,
  type FindingStatus,
} from '../../core/model/finding';
import type { Conflict, DeleteResult, ReviewStore, Stored, WriteResult } from '../review-site';
import { guarded } from './errors';

/** A finding as written in the editor: everything but its id and number (its priority). */
export type FindingDraft = Omit<Finding, 'id' | 'number'>;

/** A Board action as written: everything but its id. */
export type BoardActionDraft = Omit<BoardAction, 'id'>;

/** What agreeing a finding is checked against: the partnership's headings and the review's citations. */
export interface FindingRules {
  headings: FindingHeadings;
  lookup?: CitationLookup;
}

/** After a new priority order: the findings saved with their new numbers, or the first conflict met. */
export type PriorityResult =
  { ok: true; items: Stored<Finding>[] } | { ok: false; conflict: Conflict<Finding> };

export interface AnalysisFindingsGateway {
  /** Adds a finding as the lowest priority (the next number). Input is checked by the core's schema first. */
  createFinding(
    reviewId: string,
    draft: FindingDraft,
    existing: readonly Pick<Finding, 'number'>[],
  ): Promise<Stored<Finding>>;
  /** Saves a finding (its status unchanged) with If-Match on `base`. */
  saveFinding(reviewId: string, base: Stored<Finding>, next: Finding): Promise<WriteResult<Finding>>;
  /**
   * Saves `next` at status `to`: the core's transition decides first (a skipped check, or agreeing
   * with a section unwritten or a citation of something deleted, is refused with nothing written).
   */
  moveFinding(
    reviewId: string,
    base: Stored<Finding>,
    next: Finding,
    to: FindingStatus,
    rules: FindingRules,
  ): Promise<WriteResult<Finding>>;
  /**
   * Moves one finding to `position` (1 = the highest priority); the findings whose number changes
   * are saved, each with If-Match. A conflict stops there (those before it are saved).
   */
  prioritise(
    reviewId: string,
    entries: readonly Stored<Finding>[],
    id: string,
    position: number,
  ): Promise<PriorityResult>;
  /** Deletes a finding (If-Match); the rest are renumbered so that no priority is skipped. */
  deleteFinding(
    reviewId: string,
    base: Stored<Finding>,
    entries: readonly Stored<Finding>[],
  ): Promise<DeleteResult<Finding>>;
  /** Adds a Board action to a finding: an action without an owner is refused (the core's check). */
  addAction(
    reviewId: string,
    draft: BoardActionDraft,
    findings: readonly Pick<Finding, 'id'>[],
  ): Promise<Stored<BoardAction>>;
  /** Saves an action's owner, description or due date (If-Match). */
  saveAction(
    reviewId: string,
    base: Stored<BoardAction>,
    next: BoardAction,
  ): Promise<WriteResult<BoardAction>>;
  /** Moves an action's status through the core's lifecycle (If-Match). */
  moveAction(
    reviewId: string,
    base: Stored<BoardAction>,
    to: BoardActionStatus,
  ): Promise<WriteResult<BoardAction>>;
  removeAction(reviewId: string, base: Stored<BoardAction>): Promise<DeleteResult<BoardAction>>;
}

/** The gateway over the review's store (one per review site, as the workspace gateways keep it). */
export function analysisFindingsGateway(
  storeOf: (reviewId: string) => Promise<ReviewStore>,
): AnalysisFindingsGateway {
  /** Saves the findings whose number differs from what was read, one by one, stopping at a conflict. */
  async function saveNumbers(
    store: ReviewStore,
    entries: readonly Stored<Finding>[],
    ordered: readonly Finding[],
  ): Promise<PriorityResult> {
    const bases = new Map(entries.map((e) => [e.value.id, e]));
    const saved: Stored<Finding>[] = [];
    for (const finding of numberChanges(
      entries.map((e) => e.value),
      ordered,
    )) {
      const base = bases.get(finding.id)!;
      const result = await store.update('finding', base, { ...base.value, number: finding.number });
      if (!result.ok) return result;
      saved.push(result.item);
    }
    return { ok: true, items: saved };
  }

  return {
    createFinding: (reviewId, draft, existing) =>
      guarded(async () => {
        const number = existing.reduce((max, f) => Math.max(max, f.number), 0) + 1;
        return (await storeOf(reviewId)).create('finding', { ...draft, number });
      }),
    saveFinding: (reviewId, base, next) =>
      guarded(async () => {
        if (next.status !== base.value.status)
          throw new DomainError('A finding’s status changes only through its checks.');
        return (await storeOf(reviewId)).update('finding', base, next);
      }),
    moveFinding: (reviewId, base, next, to, rules) =>
      guarded(async () => {
        const moved = transitionFinding(
          { ...next, status: base.value.status },
          to,
          rules.headings,
          rules.lookup,
        );
        return (await storeOf(reviewId)).update('finding', base, moved);
      }),
    prioritise: (reviewId, entries, id, position) =>
      guarded(async () =>
        saveNumbers(
          await storeOf(reviewId),
          entries,
          prioritiseFinding(
            entries.map((e) => e.value),
            id,
            position,
          ),
        ),
      ),
    deleteFinding: (reviewId, base, entries) =>
      guarded(async () => {
        const store = await storeOf(reviewId);
        const deleted = await store.delete('finding', base);
        if (!deleted.ok) return deleted;
        const rest = entries.filter((e) => e.value.id !== base.value.id);
        // Closing the gap: a conflict here leaves a number skipped, which the next reorder mends.
        await saveNumbers(
          store,
          rest,
          renumber([...rest.map((e) => e.value)].sort((a, b) => a.number - b.number)),
        );
        return deleted;
      }),
    addAction: (reviewId, draft, findings) =>
      guarded(async () => {
        const { id: _unused, ...checked } = checkBoardAction({ ...draft, id: 'new' }, findings);
        return (await storeOf(reviewId)).create('boardAction', checked);
      }),
    saveAction: (reviewId, base, next) =>
      guarded(async () => {
        if (next.status !== base.value.status)
          throw new DomainError('An action’s status changes only through its own moves.');
        return (await storeOf(reviewId)).update('boardAction', base, next);
      }),
    moveAction: (reviewId, base, to) =>
      guarded(async () => {
        boardActionLifecycle.check(base.value.status, to);
        return (await storeOf(reviewId)).update('boardAction', base, { ...base.value, status: to });
      }),
    removeAction: (reviewId, base) =>
      guarded(async () => (await storeOf(reviewId)).delete('boardAction', base)),
  };
}
