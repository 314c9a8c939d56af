/**
 * An episode's form: what the person typed (kept whatever happens to a save), and the core deciding
 * what is wrong, field by field (checkKeyPracticeEpisode: the schema, the factors against the
 * review's framework, the people and evidence against the review, no control characters). Nothing
 * is handed on until it is valid; a refusal from the gateway lands beside the same fields.
 */
import { useCallback, useState } from 'react';
import type { ContributoryFactor } from '../../../../core/analysis/contributory-factors';
import { GatewayError, ValidationError, type FieldIssue } from '../../../../core/failures';
import {
  checkKeyPracticeEpisode,
  type EpisodeContext,
  type KeyPracticeEpisode,
  type Valence,
} from '../../../../core/model/key-practice-episode';
import type { EpisodeInput } from '../../../../graph/workspace';

export interface EpisodeFields {
  title: string;
  /** A single day (only `start` asked) or a span. */
  span: boolean;
  start: string;
  end: string;
  valence: Valence | '';
  description: string;
  agencies: string[];
  people: string[];
  appraisal: string;
  explanation: string;
  factors: ContributoryFactor[];
  conversations: string[];
  artefacts: string[];
}

export type FieldKey = keyof EpisodeFields;
export type FieldErrors = Partial<Record<FieldKey, string>>;

export const EMPTY_EPISODE: EpisodeFields = {
  title: '',
  span: false,
  start: '',
  end: '',
  valence: '',
  description: '',
  agencies: [],
  people: [],
  appraisal: '',
  explanation: '',
  factors: [],
  conversations: [],
  artefacts: [],
};

export function fieldsOf(episode: KeyPracticeEpisode): EpisodeFields {
  return {
    title: episode.title,
    span: episode.period.end !== episode.period.start,
    start: episode.period.start,
    end: episode.period.end,
    valence: episode.valence,
    description: episode.description,
    agencies: [...episode.agencies],
    people: [...episode.people],
    appraisal: episode.appraisal,
    explanation: episode.explanation,
    factors: episode.factors.map((f) => ({ ...f })),
    conversations: [...episode.evidence.conversations],
    artefacts: [...episode.evidence.artefacts],
  };
}

const orUndefined = (text: string) => (text.trim() === '' ? undefined : text);

/** The episode the fields describe, in the shape the core checks (blank dates and choices missing). */
export function episodeOf(fields: EpisodeFields, id: string, number: number): unknown {
  return {
    id,
    number,
    title: fields.title,
    period: { start: orUndefined(fields.start), end: orUndefined(fields.span ? fields.end : fields.start) },
    description: fields.description,
    agencies: fields.agencies,
    people: fields.people,
    valence: fields.valence === '' ? undefined : fields.valence,
    appraisal: fields.appraisal,
    explanation: fields.explanation,
    factors: fields.factors,
    evidence: { conversations: fields.conversations, artefacts: fields.artefacts },
  };
}

/** The form field an issue's path belongs to ("period.end" -> end, "evidence.artefacts.2" -> artefacts). */
export function fieldOfIssue(path: string, span: boolean): FieldKey | undefined {
  const [first, second] = path.split('.');
  if (first === 'period') return second === 'end' && span ? 'end' : 'start';
  if (first === 'evidence') return second === 'artefacts' ? 'artefacts' : 'conversations';
  return first && first in EMPTY_EPISODE ? (first as FieldKey) : undefined;
}

/** Issues by field, the first message for each; issues no field owns are under `title`'s neighbour, `form`. */
export function errorsOf(issues: readonly FieldIssue[], span: boolean): FieldErrors & { form?: string } {
  const errors: FieldErrors & { form?: string } = {};
  for (const issue of issues) {
    const key = fieldOfIssue(issue.field, span) ?? 'form';
    errors[key] ??= issue.message;
  }
  return errors;
}

export function useEpisodeForm(initial: EpisodeFields = EMPTY_EPISODE) {
  const [fields, setFields] = useState<EpisodeFields>(initial);
  const [errors, setErrors] = useState<FieldErrors & { form?: string }>({});

  const set = <K extends FieldKey>(key: K, value: EpisodeFields[K]) => {
    setFields((f) => ({ ...f, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined, ...(key === 'span' ? { end: undefined } : {}) }));
  };

  /** The episode checked against the review, or undefined with the messages beside the fields. */
  const validate = (context: EpisodeContext, id: string, number: number): KeyPracticeEpisode | undefined => {
    try {
      const episode = checkKeyPracticeEpisode(episodeOf(fields, id, number), context);
      setErrors({});
      return episode;
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      setErrors(errorsOf(error.issues, fields.span));
      return undefined;
    }
  };

  /** A refusal from the gateway (its issues by field) shown beside the same fields. */
  const span = fields.span;
  const showRefusal = useCallback(
    (error: unknown) => {
      if (error instanceof GatewayError && error.kind === 'invalid-input' && error.issues.length > 0)
        setErrors(errorsOf(error.issues, span));
    },
    [span],
  );

  /** A field's own problem found while typing (a date that is not one), or undefined once it is good. */
  const setError = useCallback(
    (key: FieldKey, message: string | undefined) => setErrors((e) => ({ ...e, [key]: message })),
    [],
  );

  return { fields, errors, set, setError, validate, showRefusal };
}

/** What the gateway's add takes: the episode without the id and number it will be given. */
export const inputOf = ({ id: _id, number: _number, ...rest }: KeyPracticeEpisode): EpisodeInput => rest;
