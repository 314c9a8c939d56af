/**
 * The review's analysis settings as a draft: the contributory factor framework (the method's
 * groups and factors, fixed, and the partnership's own, which can be added, renamed and removed
 * while no episode cites them) and the prompts against hindsight bias. Checked by the core's
 * schemas before anything is sent; saved on the review record with If-Match.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  ContributoryFactorFramework,
  DEFAULT_CONTRIBUTORY_FACTORS,
} from '../../../../core/analysis/contributory-factors';
import { controlCharacterIssues } from '../../../../core/analysis/typed-text';
import type { KeyPracticeEpisode } from '../../../../core/model/key-practice-episode';
import { HindsightPrompts } from '../../../../core/model/review-settings';
import { sameText } from '../../../../core/phrasing';
import type { AnalysisSettings, Conflict, ReviewRecord, Stored } from '../../../../graph/workspace';
import { useGateways } from '../../../data/gateways';
import { invalidateReview } from '../../../data/review-queries';

export interface DraftFactor {
  name: string;
  /** The method's own: fixed. */
  standard: boolean;
  /** Episodes citing it ("KPE 2"), under the name it was loaded with: it cannot change while cited. */
  citedBy: string[];
}

export interface DraftGroup {
  label: string;
  standard: boolean;
  factors: DraftFactor[];
}

export interface SettingsDraft {
  groups: DraftGroup[];
  prompts: string[];
}

const isStandardGroup = (label: string) => DEFAULT_CONTRIBUTORY_FACTORS.some((g) => sameText(g.label, label));
const isStandardFactor = (group: string, factor: string) =>
  DEFAULT_CONTRIBUTORY_FACTORS.some(
    (g) => sameText(g.label, group) && g.factors.some((f) => sameText(f, factor)),
  );

export function draftOf(record: ReviewRecord, episodes: readonly KeyPracticeEpisode[]): SettingsDraft {
  const citing = (group: string, factor: string) =>
    [...episodes]
      .sort((a, b) => a.number - b.number)
      .filter((e) => e.factors.some((f) => sameText(f.group, group) && sameText(f.factor, factor)))
      .map((e) => `KPE ${e.number}`);
  return {
    groups: record.contributoryFactors.map((g) => ({
      label: g.label,
      standard: isStandardGroup(g.label),
      factors: g.factors.map((f) => ({
        name: f,
        standard: isStandardFactor(g.label, f),
        citedBy: citing(g.label, f),
      })),
    })),
    prompts: [...(record.hindsightPrompts ?? [])],
  };
}

export const settingsOf = (draft: SettingsDraft): AnalysisSettings => ({
  contributoryFactors: draft.groups.map((g) => ({
    label: g.label.trim(),
    factors: g.factors.map((f) => f.name.trim()),
  })),
  hindsightPrompts: draft.prompts.map((p) => p.trim()),
});

export interface SettingsErrors {
  factors?: string;
  /** By the prompt's position. */
  prompts: Record<number, string>;
  promptsAll?: string;
}

/** The draft's problems, by section, in the core's words; none when it can be saved. */
export function checkDraft(draft: SettingsDraft): SettingsErrors {
  const settings = settingsOf(draft);
  const errors: SettingsErrors = { prompts: {} };
  const controls = controlCharacterIssues(settings);
  const framework = ContributoryFactorFramework.safeParse(settings.contributoryFactors);
  if (!framework.success) errors.factors = framework.error.issues[0]?.message;
  else if (controls.some((c) => c.field.startsWith('contributoryFactors')))
    errors.factors = controls.find((c) => c.field.startsWith('contributoryFactors'))!.message;
  const prompts = HindsightPrompts.safeParse(settings.hindsightPrompts);
  if (!prompts.success)
    for (const issue of prompts.error.issues) {
      const at = issue.path[0];
      if (typeof at === 'number') errors.prompts[at] ??= issue.message;
      else errors.promptsAll ??= issue.message;
    }
  for (const c of controls)
    if (c.field.startsWith('hindsightPrompts')) errors.prompts[Number(c.field.split('.')[1])] ??= c.message;
  return errors;
}

export const hasErrors = (errors: SettingsErrors) =>
  !!errors.factors || !!errors.promptsAll || Object.keys(errors.prompts).length > 0;

/** Saving the settings (If-Match on the record read: someone else's change is a conflict for the merge view). */
export function useSaveSettings(reviewId: string) {
  const { episodes } = useGateways();
  const queryClient = useQueryClient();
  const [conflict, setConflict] = useState<Conflict<ReviewRecord> | null>(null);
  const save = useMutation({
    mutationFn: ({ base, settings }: { base: Stored<ReviewRecord>; settings: AnalysisSettings }) =>
      episodes.saveSettings(reviewId, base, settings),
    onSuccess: async (result) => {
      if (result.ok) {
        setConflict(null);
        await invalidateReview(queryClient, reviewId);
      } else setConflict(result.conflict);
    },
  });
  return {
    save,
    conflict,
    clearConflict: () => {
      setConflict(null);
      void invalidateReview(queryClient, reviewId);
    },
  };
}
