import { useMemo, useState } from 'react';
import { citeTypedEpisodes } from '../../../../core/analysis/citations';
import type { PatternCategory } from '../../../../core/analysis/typology';
import { Finding, type FindingKind } from '../../../../core/model/finding';

/** The parts of a finding whose text can cite things, as the form holds them. */
export const TEXT_FIELDS = [
  'title',
  'featuredInCase',
  'notPeculiar',
  'whyItMatters',
  'boardResponse',
] as const;
type TextField = (typeof TEXT_FIELDS)[number];

/** The form's fields, as typed (citations shown by their labels). */
export interface FindingFields {
  title: string;
  category: PatternCategory | '';
  kind: FindingKind | '';
  featuredInCase: string;
  notPeculiar: string;
  whyItMatters: string;
  /** The issues for the Board, in order. */
  boardIssues: string[];
  /** The episodes that evidence the finding, by id. */
  keyPracticeEpisodes: string[];
  boardResponse: string;
}

export type FindingFieldKey = keyof FindingFields;
/** Messages beside the fields; `boardIssues.2` for one question. */
export type FindingErrors = Partial<Record<string, string>>;

export const NEW_FINDING: Finding = {
  id: 'new',
  number: 1,
  title: '',
  category: 'incidents-crises',
  kind: 'unsafe',
  status: 'draft',
  featuredInCase: '',
  notPeculiar: '',
  whyItMatters: '',
  boardIssues: [],
  boardResponse: '',
  evidence: { keyPracticeEpisodes: [], conversations: [], artefacts: [] },
};

/** The form's fields from a stored finding (sections as stored, with their citation tokens). */
function fieldsOf(finding: Finding | undefined): FindingFields {
  const source = finding ?? NEW_FINDING;
  return {
    title: source.title,
    category: finding ? source.category : '',
    kind: finding ? source.kind : '',
    featuredInCase: source.featuredInCase,
    notPeculiar: source.notPeculiar,
    whyItMatters: source.whyItMatters,
    boardIssues: [...source.boardIssues],
    keyPracticeEpisodes: [...source.evidence.keyPracticeEpisodes],
    boardResponse: source.boardResponse ?? '',
  };
}

/**
 * A finding's form: what the person typed (kept whatever happens to a save), and the core's schema
 * deciding what is wrong, field by field. `finding` is the stored version (undefined for a new one).
 */
export function useFindingForm(
  finding: Finding | undefined,
  episodes: readonly { id: string; number: number }[],
) {
  // Opened once: later reads of the review never overwrite what is being typed.
  const [opened] = useState(() => fieldsOf(finding));
  const [fields, setFields] = useState<FindingFields>(opened);
  const [errors, setErrors] = useState<FindingErrors>({});

  const set = <K extends FindingFieldKey>(key: K, value: FindingFields[K]) => {
    setFields((f) => ({ ...f, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const dirty = useMemo(() => JSON.stringify(fields) !== JSON.stringify(opened), [fields, opened]);

  /** The finding to save (on top of `base`), or undefined with the messages beside the fields. */
  const validate = (base: Finding = finding ?? NEW_FINDING): Finding | undefined => {
    // A question left blank is dropped rather than refused; messages point at the question as shown.
    const kept = fields.boardIssues.flatMap((q, i) => (q.trim() === '' ? [] : [i]));
    // "KPE 3" typed rather than inserted from the menu becomes a citation of that episode by id.
    const cite = (text: string) => citeTypedEpisodes(text, episodes);
    const stored = (key: TextField) => (key === 'title' ? fields.title : cite(fields[key]));
    const candidate = {
      ...base,
      title: stored('title'),
      category: fields.category || undefined,
      kind: fields.kind || undefined,
      featuredInCase: stored('featuredInCase'),
      notPeculiar: stored('notPeculiar'),
      whyItMatters: stored('whyItMatters'),
      boardResponse: stored('boardResponse'),
      boardIssues: kept.map((i) => cite(fields.boardIssues[i]!)),
      evidence: { ...base.evidence, keyPracticeEpisodes: fields.keyPracticeEpisodes },
    };
    const result = Finding.safeParse(candidate);
    if (result.success) {
      setErrors({});
      return result.data;
    }
    const found: FindingErrors = {};
    for (const issue of result.error.issues) {
      const [first, second] = issue.path;
      const key =
        first === 'boardIssues' && typeof second === 'number'
          ? `boardIssues.${kept[second] ?? second}`
          : first === 'evidence'
            ? 'keyPracticeEpisodes'
            : String(first ?? '');
      found[key] ??= issue.message;
    }
    setErrors(found);
    return undefined;
  };

  return { fields, errors, set, setFields, validate, dirty };
}
