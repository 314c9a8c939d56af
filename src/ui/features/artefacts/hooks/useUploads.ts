import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { GatewayError, type FieldIssue } from '../../../../core/failures';
import { describeFileSize, type ArtefactTypeKey } from '../../../../core/model/artefact';
import type {
  ArtefactDetails,
  ArtefactUploadHandle,
  NameParts,
  UploadRules,
} from '../../../../graph/artefacts/screen-gateway';
import { useGateways } from '../../../data/gateways';
import { invalidateReview } from '../../../data/review-queries';
import { describeProblem, type Problem } from '../../../shell/problems';

/** What a person fills in for one file, all text while typing. */
export interface UploadFields {
  type: ArtefactTypeKey | '';
  agency: string;
  /** The role label or agency in the proposed name ("Health visitor 1", "Police"). */
  roleLabel: string;
  person: string;
  conversation: string;
  /** The file name in the library (only a register channel member may change the proposed one). */
  name: string;
  nameEdited: boolean;
}

export type UploadField = 'file' | 'type' | 'agency' | 'roleLabel' | 'person' | 'conversation' | 'name';

export type UploadPhase =
  'editing' | 'checking' | 'uploading' | 'cancelling' | 'name-taken' | 'done' | 'failed' | 'cancelled';

export interface UploadItem {
  key: string;
  file: File;
  fields: UploadFields;
  issues: Partial<Record<UploadField | 'form', string>>;
  phase: UploadPhase;
  sent: number;
  /** The free name offered when the name is taken. */
  suggestedName?: string;
  problem?: Problem;
  /** The uploaded artefact's id, to open it. */
  artefactId?: string;
}

const extensionOf = (name: string) => {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1) : '';
};

/** Where a gateway issue goes on the form. */
function fieldOf(issue: FieldIssue): UploadField | 'form' {
  const key = issue.field.replace(/^metadata\./, '');
  return (
    (['file', 'type', 'agency', 'person', 'conversation', 'name'] as const).find((f) => f === key) ?? 'form'
  );
}

function issuesFrom(list: readonly FieldIssue[]): UploadItem['issues'] {
  const out: UploadItem['issues'] = {};
  for (const issue of list) {
    const field = fieldOf(issue);
    out[field] = out[field] ? `${out[field]} ${issue.message}` : issue.message;
  }
  return out;
}

let counter = 0;

/**
 * The files being uploaded, each with its details, checks, progress, cancel and the name-taken
 * offer. Nothing is sent until every check passes; what was typed stays after any failure.
 */
export function useUploads(reviewId: string, referenceCode: string, rules: UploadRules | undefined) {
  const { artefacts } = useGateways();
  const queryClient = useQueryClient();
  const [items, setItems] = useState<UploadItem[]>([]);
  const handles = useRef(new Map<string, ArtefactUploadHandle>());

  const patch = useCallback(
    (key: string, change: (item: UploadItem) => Partial<UploadItem>) =>
      setItems((all) => all.map((i) => (i.key === key ? { ...i, ...change(i) } : i))),
    [],
  );

  const partsOf = (item: UploadItem, fields = item.fields): NameParts | undefined =>
    fields.type
      ? {
          type: fields.type,
          roleLabel: fields.roleLabel.trim() || fields.agency.trim() || undefined,
          extension: extensionOf(item.file.name),
        }
      : undefined;

  const proposedName = (item: UploadItem, fields = item.fields) => {
    const parts = partsOf(item, fields);
    return parts ? artefacts.proposeName(referenceCode, parts) : '';
  };

  const addFiles = (files: Iterable<File>) => {
    const added = [...files].map<UploadItem>((file) => ({
      key: `upload-${++counter}`,
      file,
      fields: {
        type: '',
        agency: '',
        roleLabel: '',
        person: '',
        conversation: '',
        name: '',
        nameEdited: false,
      },
      issues:
        rules && file.size > rules.maxFileBytes
          ? {
              file: `The file is ${describeFileSize(file.size)}; this review accepts files up to ${describeFileSize(rules.maxFileBytes)}. It cannot be uploaded: split it or make it smaller (for example save it as PDF).`,
            }
          : {},
      phase: 'editing',
      sent: 0,
    }));
    setItems((all) => [...all, ...added]);
    return added.map((i) => i.key);
  };

  const setField = (key: string, field: keyof Omit<UploadFields, 'nameEdited'>, value: string) =>
    patch(key, (item) => {
      const fields = { ...item.fields, [field]: value } as UploadFields;
      if (field === 'name') fields.nameEdited = true;
      // The proposed name follows the details until a member types their own.
      else if (!fields.nameEdited || rules?.names !== 'checked') fields.name = proposedName(item, fields);
      return { fields, issues: { ...item.issues, [field]: undefined, form: undefined } };
    });

  const detailsOf = (fields: UploadFields): ArtefactDetails => ({
    type: fields.type || undefined,
    agency: fields.agency.trim() || undefined,
    ...(fields.type === 'conversation record'
      ? { person: fields.person || undefined, conversation: fields.conversation || undefined }
      : {}),
  });

  /** Checks, then uploads; `conflict` answers the name-taken offer. */
  const start = async (key: string, conflict?: 'rename' | 'replace') => {
    const item = items.find((i) => i.key === key);
    if (!item || !rules) return;
    const fields = { ...item.fields };
    if (conflict === 'rename' && item.suggestedName) fields.name = item.suggestedName;
    // Checks that need nothing from the server first.
    const local: UploadItem['issues'] = {};
    if (item.file.size > rules.maxFileBytes)
      local.file = `The file is ${describeFileSize(item.file.size)}; this review accepts files up to ${describeFileSize(rules.maxFileBytes)}. It cannot be uploaded: split it or make it smaller (for example save it as PDF).`;
    if (!fields.type) local.type = 'Choose the artefact’s type.';
    if (fields.type === 'conversation record' && !fields.person)
      local.person = 'Choose the practitioner whose conversation this records.';
    if (fields.type === 'conversation record' && !fields.conversation)
      local.conversation = 'Choose the conversation this records.';
    if (Object.keys(local).length > 0) {
      patch(key, () => ({ issues: local, phase: 'editing' }));
      return;
    }
    patch(key, () => ({ phase: 'checking', issues: {}, problem: undefined }));
    const proposed = partsOf(item, fields);
    const details = detailsOf(fields);
    try {
      // A renamed upload keeps its proposed parts: the library numbers the name itself.
      if (!conflict) {
        const issues = await artefacts.checkUpload(reviewId, referenceCode, {
          name: fields.name,
          size: item.file.size,
          details,
          proposed,
        });
        if (issues.length > 0) {
          patch(key, () => ({ phase: 'editing', issues: issuesFrom(issues) }));
          return;
        }
      }
      patch(key, () => ({ phase: 'uploading', sent: 0 }));
      const handle = artefacts.upload(
        reviewId,
        referenceCode,
        {
          content: item.file,
          name: conflict === 'rename' ? item.fields.name : fields.name,
          details,
          proposed,
          conflict: conflict ?? 'fail',
        },
        (progress) => patch(key, () => ({ sent: progress.bytesSent })),
      );
      handles.current.set(key, handle);
      const outcome = await handle.done;
      handles.current.delete(key);
      if (outcome.kind === 'uploaded') {
        patch(key, () => ({
          phase: 'done',
          sent: item.file.size,
          artefactId: outcome.artefact.id,
          fields: { ...fields, name: outcome.artefact.name },
        }));
        await invalidateReview(queryClient, reviewId);
      } else if (outcome.kind === 'name-taken')
        patch(key, () => ({ phase: 'name-taken', suggestedName: outcome.suggestedName }));
      else patch(key, () => ({ phase: 'cancelled', sent: 0 }));
    } catch (error) {
      handles.current.delete(key);
      if (error instanceof GatewayError && error.kind === 'invalid-input' && error.issues.length > 0)
        patch(key, () => ({ phase: 'editing', issues: issuesFrom(error.issues) }));
      else patch(key, () => ({ phase: 'failed', problem: describeProblem(error) }));
    }
  };

  const cancel = async (key: string) => {
    const handle = handles.current.get(key);
    if (!handle) return;
    patch(key, () => ({ phase: 'cancelling' }));
    await handle.cancel();
  };

  const remove = (key: string) => setItems((all) => all.filter((i) => i.key !== key));

  return { items, addFiles, setField, start, cancel, remove, proposedName };
}
