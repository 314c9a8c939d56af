/**
 * Key practice episodes in the review's list, and the review's analysis settings (the factor
 * framework and the prompts against hindsight bias) on its review record.
 *
 * Every write is checked by the core first (the schema, the factors against the review's
 * framework, the people against the case group, the evidence against the review's conversations
 * and library, no control characters): a refusal writes nothing. Updates and deletes send
 * If-Match; a 412 comes back as a conflict with both versions for the merge view. Numbers follow
 * the period order and are the core's to give (numberEpisodesByPeriod): after any change the
 * episodes whose number moved are saved again, each with If-Match.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { ContributoryFactorFramework, hasContributoryFactor } from '../../core/analysis/contributory-factors';
import { moveEpisode, numberChanges, numberEpisodesByPeriod } from '../../core/analysis/numbering';
import { controlCharacterIssues } from '../../core/analysis/typed-text';
import { parseOrThrow, ValidationError, type FieldIssue } from '../../core/errors';
import {
  checkKeyPracticeEpisode,
  type EpisodeContext,
  type KeyPracticeEpisode,
} from '../../core/model/key-practice-episode';
import { HindsightPrompts } from '../../core/model/review-settings';
import { GatewayError } from '../../core/failures';
import { ReviewStore, type LoadedReview, type ProvisionedSite } from '../review-site';
import { newId } from '../review-site/create-with-key';
import type { DeleteResult, ReviewRecord, Stored, WriteResult } from './types';
import { guarded } from './errors';

/** An episode as the editor gives it: the number is the core's to give. */
export type EpisodeInput = Omit<KeyPracticeEpisode, 'id' | 'number'>;

/** The analysis settings kept on the review record. */
export interface AnalysisSettings {
  /** The whole framework: the method's groups and factors with the partnership's additions. */
  contributoryFactors: ContributoryFactorFramework;
  hindsightPrompts: string[];
}

export interface EpisodesGateway {
  /** Adds an episode; the episodes are numbered again by period. Rejects with 'invalid-input' (issues by field). */
  add(reviewId: string, input: EpisodeInput): Promise<Stored<KeyPracticeEpisode>>;
  /** Saves an episode with If-Match on `base`; a 412 is a conflict with both versions. */
  save(
    reviewId: string,
    base: Stored<KeyPracticeEpisode>,
    next: KeyPracticeEpisode,
  ): Promise<WriteResult<KeyPracticeEpisode>>;
  /** Deletes an episode with If-Match; the others are numbered again. */
  remove(reviewId: string, base: Stored<KeyPracticeEpisode>): Promise<DeleteResult<KeyPracticeEpisode>>;
  /**
   * Moves an episode to a position (1 = KPE 1). Numbers follow the period order, so only episodes
   * with the same period change places; any other move is refused in the core's words.
   */
  move(reviewId: string, episodeId: string, position: number): Promise<void>;
  /**
   * Saves the factor framework and the prompts on the review record with If-Match. A factor an
   * episode cites cannot be taken out (refused with the episodes named).
   */
  saveSettings(
    reviewId: string,
    base: Stored<ReviewRecord>,
    settings: AnalysisSettings,
  ): Promise<WriteResult<ReviewRecord>>;
}

/** What the episodes' references resolve against, from a fresh load of the review. */
export function episodeContext(loaded: LoadedReview): EpisodeContext {
  if (!loaded.record) throw new GatewayError('not-found', 'The review is not set up yet.', 'site-not-set-up');
  return {
    contributoryFactors: loaded.record.value.contributoryFactors,
    caseGroup: loaded.caseGroup.map((s) => s.value),
    conversations: loaded.conversations.map((s) => s.value),
    artefacts: loaded.artefacts.map((s) => s.value),
  };
}

const sameExceptNumber = (a: KeyPracticeEpisode, b: KeyPracticeEpisode) =>
  JSON.stringify({ ...a, number: 0 }) === JSON.stringify({ ...b, number: 0 });

const sameSettings = (a: ReviewRecord, b: ReviewRecord) =>
  JSON.stringify([a.contributoryFactors, a.hindsightPrompts]) ===
  JSON.stringify([b.contributoryFactors, b.hindsightPrompts]);

/** How many times renumbering reads again after meeting someone else's change. */
const RENUMBER_ATTEMPTS = 3;

/**
 * Saves the numbers the period order gives, with If-Match on each episode as read. Someone else's
 * change meanwhile (a 412) means reading again and recomputing: numbers are derived, so nothing of
 * theirs is overwritten and the last pass leaves the list in order.
 */
export async function renumberEpisodes(store: ReviewStore, loaded?: LoadedReview): Promise<number> {
  let current = loaded ?? (await store.load());
  for (let attempt = 0; attempt < RENUMBER_ATTEMPTS; attempt++) {
    const before = current.keyPracticeEpisodes.map((s) => s.value);
    const changed = numberChanges(before, numberEpisodesByPeriod(before));
    if (changed.length === 0) return attempt;
    const byId = new Map(current.keyPracticeEpisodes.map((s) => [s.value.id, s]));
    let clean = true;
    for (const episode of changed) {
      const result = await store.update('keyPracticeEpisode', byId.get(episode.id)!, episode);
      if (!result.ok) clean = false;
    }
    if (clean) return attempt + 1;
    current = await store.load();
  }
  return RENUMBER_ATTEMPTS;
}

/** Checks an episode against the review, or throws the ValidationError with every issue by field. */
function checked(input: unknown, loaded: LoadedReview): KeyPracticeEpisode {
  return checkKeyPracticeEpisode(input, episodeContext(loaded));
}

function checkSettings(settings: AnalysisSettings, loaded: LoadedReview): AnalysisSettings {
  const issues: FieldIssue[] = controlCharacterIssues(settings);
  if (issues.length > 0) throw new ValidationError('The review’s settings', issues);
  const contributoryFactors = parseOrThrow(
    ContributoryFactorFramework,
    settings.contributoryFactors,
    'The contributory factors',
  );
  const hindsightPrompts = parseOrThrow(HindsightPrompts, settings.hindsightPrompts, 'The prompts');
  // A factor an episode cites stays until no episode cites it.
  loaded.keyPracticeEpisodes.forEach(({ value: episode }) =>
    episode.factors.forEach((factor) => {
      if (!hasContributoryFactor(contributoryFactors, factor))
        issues.push({
          field: 'contributoryFactors',
          message: `"${factor.group}: ${factor.factor}" cannot be taken out while KPE ${episode.number} cites it.`,
        });
    }),
  );
  if (issues.length > 0) throw new ValidationError('The review’s settings', issues);
  return { contributoryFactors, hindsightPrompts };
}

/** The episodes gateway over one Graph client; `siteOf` gives the review's provisioned site. */
export function episodesGateway(
  client: Client,
  siteOf: (reviewId: string) => Promise<ProvisionedSite>,
): EpisodesGateway {
  const storeOf = async (reviewId: string) => new ReviewStore(client, await siteOf(reviewId));
  return {
    add: (reviewId, input) =>
      guarded(async () => {
        const store = await storeOf(reviewId);
        const loaded = await store.load();
        const last = Math.max(0, ...loaded.keyPracticeEpisodes.map((s) => s.value.number));
        const episode = checked({ ...input, id: newId(), number: last + 1 }, loaded);
        const created = await store.create('keyPracticeEpisode', episode);
        await renumberEpisodes(store, {
          ...loaded,
          keyPracticeEpisodes: [...loaded.keyPracticeEpisodes, created],
        });
        // The number the period order gave it, read back.
        const after = (await store.load()).keyPracticeEpisodes.find((s) => s.value.id === episode.id);
        return after ?? created;
      }),

    save: (reviewId, base, next) =>
      guarded(async () => {
        const store = await storeOf(reviewId);
        const loaded = await store.load();
        // The number is not the editor's to set: the version read keeps its own until renumbering.
        const value = checked({ ...next, id: base.value.id, number: base.value.number }, loaded);
        let result = await store.update('keyPracticeEpisode', base, value);
        // Renumbering (after someone added an earlier episode) is not a change to merge: only the
        // number differs from what was read, so the edit is saved over it with the number it now has.
        if (
          !result.ok &&
          result.conflict.theirs &&
          sameExceptNumber(result.conflict.theirs.value, base.value)
        )
          result = await store.update('keyPracticeEpisode', result.conflict.theirs, {
            ...value,
            number: result.conflict.theirs.value.number,
          });
        if (!result.ok) return result;
        if (
          result.item.value.period.start !== base.value.period.start ||
          result.item.value.period.end !== base.value.period.end
        ) {
          await renumberEpisodes(store);
          const after = (await store.load()).keyPracticeEpisodes.find((s) => s.value.id === value.id);
          if (after) return { ok: true, item: after };
        }
        return result;
      }),

    remove: (reviewId, base) =>
      guarded(async () => {
        const store = await storeOf(reviewId);
        const result = await store.delete('keyPracticeEpisode', base);
        if (result.ok) await renumberEpisodes(store);
        return result;
      }),

    move: (reviewId, episodeId, position) =>
      guarded(async () => {
        const store = await storeOf(reviewId);
        const loaded = await store.load();
        const before = loaded.keyPracticeEpisodes.map((s) => s.value);
        const changed = numberChanges(before, moveEpisode(before, episodeId, position));
        const byId = new Map(loaded.keyPracticeEpisodes.map((s) => [s.value.id, s]));
        for (const episode of changed) {
          const result = await store.update('keyPracticeEpisode', byId.get(episode.id)!, episode);
          if (!result.ok) throw new GatewayError('conflict', 'Someone else changed the episodes meanwhile.');
        }
      }),

    saveSettings: (reviewId, base, settings) =>
      guarded(async () => {
        const store = await storeOf(reviewId);
        const loaded = await store.load();
        const valid = checkSettings(settings, loaded);
        const result = await store.update('review', base, { ...base.value, ...valid });
        // Someone else changed another part of the record (the stage, say): not a change to merge,
        // so the settings are saved over their version. Their change to the settings is a conflict.
        const theirs = !result.ok ? result.conflict.theirs : undefined;
        if (theirs && sameSettings(theirs.value, base.value))
          return store.update('review', theirs, { ...theirs.value, ...valid });
        return result;
      }),
  };
}
