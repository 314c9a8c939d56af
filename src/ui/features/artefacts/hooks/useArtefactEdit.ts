import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { GatewayError } from '../../../../core/failures';
import type { ArtefactTypeKey } from '../../../../core/model/artefact';
import type { ReviewStage } from '../../../../core/review/stage';
import type { ArtefactDetails, LibraryArtefact } from '../../../../graph/artefacts/screen-gateway';
import { useGateways } from '../../../data/gateways';
import { invalidateReview } from '../../../data/review-queries';
import { describeProblem, type Problem } from '../../../shell/problems';

/** The details form, all text while typing. */
export interface DetailFields {
  type: ArtefactTypeKey | '';
  agency: string;
  person: string;
  conversation: string;
  stage: ReviewStage | '';
}

export type DetailField = keyof DetailFields;

export const fieldsOfArtefact = (a: LibraryArtefact): DetailFields => ({
  type: a.metadata.type ?? '',
  agency: a.metadata.agency ?? '',
  person: a.metadata.person ?? '',
  conversation: a.metadata.conversation ?? '',
  stage: a.metadata.stage ?? '',
});

export const detailsOfFields = (f: DetailFields): ArtefactDetails => ({
  type: f.type || undefined,
  agency: f.agency.trim() || undefined,
  person: f.person || undefined,
  conversation: f.conversation || undefined,
  stage: f.stage || undefined,
});

/** Someone else's save came first: both versions, for the merge view. */
export interface DetailsConflict {
  mine: ArtefactDetails;
  theirs?: LibraryArtefact;
}

/**
 * Editing an artefact's details: checked beside each field before anything is sent, saved with
 * If-Match (a 412 opens the merge view with both versions), and what was typed kept on a failure.
 */
export function useArtefactEdit(reviewId: string, artefact: LibraryArtefact) {
  const { artefacts } = useGateways();
  const queryClient = useQueryClient();
  // The version the form was filled from: the If-Match of the next save, whatever the list reads meanwhile.
  const [base, setBase] = useState<LibraryArtefact>(artefact);
  const [fields, setFields] = useState<DetailFields>(() => fieldsOfArtefact(artefact));
  const [errors, setErrors] = useState<Partial<Record<DetailField, string>>>({});
  const [conflict, setConflict] = useState<DetailsConflict | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState(false);

  const set = (key: DetailField, value: string) => {
    setFields((f) => ({ ...f, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
    setSaved(false);
  };

  const save = useMutation({
    mutationFn: ({ base, details }: { base: LibraryArtefact; details: ArtefactDetails }) =>
      artefacts.saveDetails(reviewId, base, details),
    onSuccess: async (result) => {
      if (result.ok) {
        setConflict(null);
        setSaved(true);
        setBase(result.artefact);
        setFields(fieldsOfArtefact(result.artefact));
        await invalidateReview(queryClient, reviewId);
      } else setConflict({ mine: result.mine, theirs: result.theirs });
    },
    onError: (error) => {
      if (error instanceof GatewayError && error.kind === 'invalid-input' && error.issues.length > 0) {
        const found: Partial<Record<DetailField, string>> = {};
        for (const issue of error.issues) {
          const key = issue.field.replace(/^metadata\./, '') as DetailField;
          if (key in fields) found[key] = found[key] ? `${found[key]} ${issue.message}` : issue.message;
        }
        setErrors(found);
        setProblem(Object.keys(found).length === 0 ? describeProblem(error) : null);
      } else setProblem(describeProblem(error));
    },
  });

  /** Checks what needs no server, then saves over `base`. */
  const submit = (over: LibraryArtefact = base, values: DetailFields = fields) => {
    setProblem(null);
    setSaved(false);
    const found: Partial<Record<DetailField, string>> = {};
    if (!values.type) found.type = 'Choose the artefact’s type.';
    if (/[\r\n]/.test(values.agency)) found.agency = 'The agency must be on one line.';
    if (values.agency.length > 255)
      found.agency = `The agency must be 255 characters or fewer; this is ${values.agency.length} characters.`;
    if (values.type === 'conversation record' && !values.person)
      found.person = 'A conversation record needs the practitioner it records.';
    if (values.type === 'conversation record' && !values.conversation)
      found.conversation = 'A conversation record needs its conversation.';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    save.mutate({ base: over, details: detailsOfFields(values) });
  };

  /** Saves the merged details over theirs (their eTag is now the base). */
  const saveMerged = (merged: DetailFields) => {
    const theirs = conflict?.theirs;
    setConflict(null);
    setFields(merged);
    if (theirs) {
      setBase(theirs);
      submit(theirs, merged);
    }
  };

  const keepTheirs = async () => {
    if (conflict?.theirs) {
      setBase(conflict.theirs);
      setFields(fieldsOfArtefact(conflict.theirs));
    }
    setConflict(null);
    await invalidateReview(queryClient, reviewId);
  };

  return { base, fields, errors, set, submit, save, conflict, saveMerged, keepTheirs, problem, saved };
}
