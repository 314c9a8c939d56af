/**
 * An artefact's details (metadata) as the library's columns hold them. The validation is derived
 * from the library's column definitions in review-site/schema.ts (choices and text lengths), so a
 * value SharePoint would refuse is refused here first, in plain English, before any write.
 */
import { z } from 'zod';
import { ARTEFACTS_LIBRARY, CHOICES, CRW_ID, type ColumnSpec } from '../review-site/schema';
import type { ArtefactProblem } from './errors';

export type ArtefactType = (typeof CHOICES.artefactType)[number];
export type RecordStatus = (typeof CHOICES.recordStatus)[number];
export type ReviewStageKey = (typeof CHOICES.stage)[number];

/** The details the product reads and writes, with the column each one lives in. */
export const METADATA_COLUMNS = {
  crwId: CRW_ID,
  type: 'ArtefactType',
  agency: 'Agency',
  person: 'Person',
  conversation: 'Conversation',
  recordStatus: 'RecordStatus',
  stage: 'Stage',
  agreedVersion: 'AgreedVersion',
} as const;

export type MetadataKey = keyof typeof METADATA_COLUMNS;

export interface ArtefactMetadata {
  /** The artefact's id in the workspace (a GUID the client chooses). */
  crwId?: string;
  type?: ArtefactType;
  agency?: string;
  /** The linked person's workspace id (People list), never a name. */
  person?: string;
  /** The conversation's workspace id, for conversation records. */
  conversation?: string;
  recordStatus?: RecordStatus;
  stage?: ReviewStageKey;
  /** Version id of the file when its conversation record was agreed. */
  agreedVersion?: string;
}

/** Details the workflow alone may set: changing them by hand would bypass sharing rules. */
export const WORKFLOW_KEYS: readonly MetadataKey[] = ['recordStatus', 'agreedVersion', 'crwId'];

const COLUMN_BY_NAME = new Map<string, ColumnSpec>(ARTEFACTS_LIBRARY.columns.map((c) => [c.name, c]));

function columnSpec(key: MetadataKey): ColumnSpec {
  const spec = COLUMN_BY_NAME.get(METADATA_COLUMNS[key]);
  if (!spec) throw new Error(`The artefacts library has no column ${METADATA_COLUMNS[key]}.`);
  return spec;
}

/** A column's label as the library shows it, for messages ("Type", "Agency"). */
export const metadataLabel = (key: MetadataKey) => columnSpec(key).displayName;

/** Checks one value against its column; undefined means it is acceptable. */
function checkValue(key: MetadataKey, value: unknown): string | undefined {
  const spec = columnSpec(key);
  const label = spec.displayName;
  if (spec.choice) {
    const choices = spec.choice.choices;
    if (typeof value !== 'string' || !choices.includes(value))
      return `${label} must be one of ${choices.map((c) => `"${c}"`).join(', ')}.`;
    return undefined;
  }
  if (spec.text) {
    if (typeof value !== 'string') return `${label} must be text.`;
    const max = spec.text.maxLength ?? (spec.text.allowMultipleLines ? 63_999 : 255);
    if (value.length > max)
      return `${label} must be ${max} characters or fewer; this is ${value.length} characters.`;
    if (!spec.text.allowMultipleLines && /[\r\n]/.test(value)) return `${label} must be on one line.`;
    return undefined;
  }
  return undefined;
}

const KEYS = Object.keys(METADATA_COLUMNS) as MetadataKey[];
const isKey = (k: string): k is MetadataKey => (KEYS as string[]).includes(k);

/**
 * Every problem with details given for a new artefact (`mode: 'create'`) or an edit (`'edit'`:
 * only the keys given are checked; null clears a value). Unknown keys, wrong types, values outside a
 * choice, over-long or multi-line text are all reported, with the column's label.
 */
export function checkMetadata(
  input: unknown,
  mode: 'create' | 'edit',
  options: { allowWorkflowKeys?: boolean } = {},
): ArtefactProblem[] {
  const problems: ArtefactProblem[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return [
      { field: 'metadata', code: 'metadata-not-an-object', message: 'The artefact’s details are missing.' },
    ];
  const record = input as Record<string, unknown>;
  for (const [key, value] of Object.entries(record)) {
    if (!isKey(key)) {
      problems.push({
        field: `metadata.${key}`,
        code: 'metadata-unknown',
        message: `"${key}" is not a detail that Review artefacts keeps.`,
      });
      continue;
    }
    // A new record starts as a draft; the workflow alone moves it on (and sets the other keys).
    const workflowOnly =
      WORKFLOW_KEYS.includes(key) && !(mode === 'create' && key === 'recordStatus' && value === 'draft');
    if (!options.allowWorkflowKeys && workflowOnly && value !== undefined) {
      problems.push({
        field: `metadata.${key}`,
        code: 'metadata-workflow-only',
        message:
          mode === 'create' && key === 'recordStatus'
            ? 'A new conversation record starts as a draft; send it to the practitioner from the workspace.'
            : `${metadataLabel(key)} changes only through the conversation record workflow (send, amend, agree).`,
      });
      continue;
    }
    if (value === undefined || (value === null && mode === 'edit')) continue;
    const message = checkValue(key, value);
    if (message) problems.push({ field: `metadata.${key}`, code: 'metadata-invalid', message });
  }
  if (mode === 'create') {
    if (record.type === undefined)
      problems.push({
        field: 'metadata.type',
        code: 'metadata-required',
        message: 'Choose the artefact’s type.',
      });
    if (record.type === 'conversation record') {
      for (const key of ['person', 'conversation'] as const)
        if (record[key] === undefined || record[key] === '')
          problems.push({
            field: `metadata.${key}`,
            code: 'metadata-required',
            message: `A conversation record needs its ${metadataLabel(key)
              .replace(/ \(workspace id\)$/, '')
              .toLowerCase()}.`,
          });
    } else if (record.recordStatus !== undefined && record.type !== undefined) {
      problems.push({
        field: 'metadata.recordStatus',
        code: 'metadata-invalid',
        message: 'Only a conversation record has a record status.',
      });
    }
  }
  return problems;
}

/** The list item fields to write for the given details (undefined keys left out, null kept to clear). */
export function toFields(metadata: { [K in MetadataKey]?: ArtefactMetadata[K] | null }): Record<
  string,
  unknown
> {
  const fields: Record<string, unknown> = {};
  for (const key of KEYS) {
    const value = metadata[key];
    if (value !== undefined) fields[METADATA_COLUMNS[key]] = value;
  }
  return fields;
}

const FieldsSchema = z.record(z.string(), z.unknown());

/** Reads the details from list item fields, keeping only values that fit their columns. */
export function fromFields(fields: unknown): ArtefactMetadata {
  const parsed = FieldsSchema.safeParse(fields);
  const out: Record<string, unknown> = {};
  if (!parsed.success) return {};
  for (const key of KEYS) {
    const value = parsed.data[METADATA_COLUMNS[key]];
    if (value !== undefined && value !== null && checkValue(key, value) === undefined) out[key] = value;
  }
  return out as ArtefactMetadata;
}

/** The label used in proposed file names for a type: "conversation record" -> "Conversation record". */
export function typeLabel(type: ArtefactType): string {
  return type.charAt(0).toUpperCase() + type.slice(1);
}
