import {
  Button,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  mergeClasses,
} from '@fluentui/react-components';
import { useState } from 'react';
import { ARTEFACT_TYPE_LABELS, describeFileSize } from '../../../../core/model/artefact';
import { REVIEW_STAGE_LABELS } from '../../../../core/review/stage';
import type { LibraryArtefact } from '../../../../graph/artefacts/screen-gateway';
import { useGateways } from '../../../data/gateways';
import { CitedBy } from '../../../shell/citations';
import { MergeView, type MergeField } from '../../../shell/MergeView';
import { ProblemMessage } from '../../../shell/Problem';
import { describeProblem, type Problem } from '../../../shell/problems';
import { formatChanged, isWordFile, statusName, typeName } from '../hooks/format';
import { fieldsOfArtefact, useArtefactEdit, type DetailFields } from '../hooks/useArtefactEdit';
import { practitionerLabel, type ArtefactContext } from '../hooks/useReviewContext';
import { useListStyles } from '../../../shell/styles/useListStyles';
import { useArtefactsStyles } from '../styles/useArtefactsStyles';
import { RecordFlow } from './RecordFlow';
import { Options } from '../../../shell/Options';

/** One artefact: its details, open and download, the details' editor, and a record's flow. */
export function ArtefactDetails({
  reviewId,
  referenceCode,
  artefact,
  context,
  narrow,
}: {
  reviewId: string;
  referenceCode: string;
  artefact: LibraryArtefact;
  context: ArtefactContext;
  narrow: boolean;
}) {
  const styles = useArtefactsStyles();
  const list = useListStyles();
  const person = context.caseGroup.find((p) => p.id === artefact.metadata.person);
  const rows: [string, string][] = [
    ['Type', typeName(artefact.metadata.type)],
    ['Agency', artefact.metadata.agency ?? '—'],
    ...(artefact.metadata.type === 'conversation record'
      ? ([
          ['Practitioner', person ? practitionerLabel(person) : '—'],
          ['Record status', statusName(artefact.metadata.recordStatus)],
        ] as [string, string][])
      : []),
    ['Stage', artefact.metadata.stage ? REVIEW_STAGE_LABELS[artefact.metadata.stage] : '—'],
    ['Size', describeFileSize(artefact.size)],
    ['Changed', formatChanged(artefact.lastModified)],
  ];
  return (
    <div className={styles.root}>
      <dl className={mergeClasses(list.details, narrow && styles.detailsNarrow)}>
        {rows.map(([term, value]) => (
          <div key={term} style={{ display: 'contents' }}>
            <dt className={list.term}>{term}</dt>
            <dd className={list.value}>{value}</dd>
          </div>
        ))}
        <dt className={list.term}>Cited by</dt>
        <dd className={list.value}>
          <CitedBy
            reviewId={reviewId}
            target={{ kind: 'artefact', id: artefact.workspaceId ?? artefact.id }}
          />
        </dd>
      </dl>
      <OpenAndDownload reviewId={reviewId} artefact={artefact} />
      {artefact.metadata.type === 'conversation record' ? (
        <RecordFlow reviewId={reviewId} referenceCode={referenceCode} record={artefact} context={context} />
      ) : null}
      <EditDetails reviewId={reviewId} artefact={artefact} context={context} />
      <Link href="#/artefacts">All artefacts</Link>
    </div>
  );
}

function OpenAndDownload({ reviewId, artefact }: { reviewId: string; artefact: LibraryArtefact }) {
  const styles = useArtefactsStyles();
  const { artefacts } = useGateways();
  const [state, setState] = useState<{ busy?: boolean; problem?: Problem; done?: boolean }>({});
  const download = async () => {
    setState({ busy: true });
    try {
      const blob = await artefacts.download(reviewId, artefact);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = artefact.name;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setState({ done: true });
    } catch (error) {
      setState({ problem: describeProblem(error) });
    }
  };
  return (
    <>
      <div className={styles.actions}>
        {artefact.fileUrl && isWordFile(artefact.name) ? (
          <Button as="a" href={`ms-word:ofe|u|${artefact.fileUrl}`}>
            Open in Word
          </Button>
        ) : null}
        {artefact.webUrl ? (
          <Button as="a" href={artefact.webUrl} target="_blank" rel="noopener noreferrer">
            Open in SharePoint
          </Button>
        ) : null}
        <Button disabled={state.busy} onClick={() => void download()}>
          {state.busy ? 'Downloading…' : 'Download'}
        </Button>
      </div>
      {state.done ? (
        <MessageBar intent="success">
          <MessageBarBody>Downloaded {artefact.name}.</MessageBarBody>
        </MessageBar>
      ) : null}
      {state.problem ? <ProblemMessage problem={state.problem} onRetry={() => void download()} /> : null}
    </>
  );
}

const MERGE_FIELDS = (context: ArtefactContext): MergeField<DetailFields>[] => [
  {
    key: 'type',
    label: 'Type',
    show: (v) => typeName(v.type || undefined),
    take: (i, f) => ({ ...i, type: f.type }),
  },
  { key: 'agency', label: 'Agency', show: (v) => v.agency, take: (i, f) => ({ ...i, agency: f.agency }) },
  {
    key: 'person',
    label: 'Practitioner',
    show: (v) => {
      const p = context.caseGroup.find((x) => x.id === v.person);
      return p ? practitionerLabel(p) : '';
    },
    take: (i, f) => ({ ...i, person: f.person }),
  },
  {
    key: 'conversation',
    label: 'Conversation',
    show: (v) => v.conversation,
    take: (i, f) => ({ ...i, conversation: f.conversation }),
  },
  {
    key: 'stage',
    label: 'Stage',
    show: (v) => (v.stage ? REVIEW_STAGE_LABELS[v.stage] : ''),
    take: (i, f) => ({ ...i, stage: f.stage }),
  },
];

function EditDetails({
  reviewId,
  artefact,
  context,
}: {
  reviewId: string;
  artefact: LibraryArtefact;
  context: ArtefactContext;
}) {
  const styles = useArtefactsStyles();
  const edit = useArtefactEdit(reviewId, artefact);
  const { fields, errors } = edit;
  const agencies = [...new Set([...context.agencies, ...(fields.agency ? [fields.agency] : [])])];
  if (edit.conflict) {
    // Their version with my changes on it: what only they changed is kept without asking, and the
    // merge view asks only about what I changed.
    const theirs = edit.conflict.theirs ? fieldsOfArtefact(edit.conflict.theirs) : undefined;
    const before = fieldsOfArtefact(edit.base);
    const mine = { ...(theirs ?? fields) };
    for (const key of Object.keys(fields) as (keyof DetailFields)[])
      if (fields[key] !== before[key]) Object.assign(mine, { [key]: fields[key] });
    return (
      <MergeView<DetailFields>
        title="Someone else changed these details"
        mine={mine}
        theirs={theirs}
        fields={MERGE_FIELDS(context)}
        saving={edit.save.isPending}
        onSave={edit.saveMerged}
        onKeepTheirs={() => void edit.keepTheirs()}
      />
    );
  }
  const record = fields.type === 'conversation record';
  // Whose record it is cannot change while it is shared with them or once they agreed it.
  const status = artefact.metadata.recordStatus;
  const fixed = status === 'sent to participant' || status === 'agreed';
  const fixedHint = fixed ? 'Fixed while the record is with the practitioner or agreed.' : undefined;
  return (
    <section className={styles.panel} aria-labelledby="edit-details-heading">
      <Text as="h3" size={500} weight="semibold" id="edit-details-heading" className={styles.heading}>
        Edit the details
      </Text>
      <form
        className={styles.form}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          edit.submit();
        }}
      >
        <Field label="Type" required validationMessage={errors.type} hint={fixedHint}>
          <Select value={fields.type} disabled={fixed} onChange={(_, d) => edit.set('type', d.value)}>
            <option value="">Choose a type</option>
            <Options of={ARTEFACT_TYPE_LABELS} />
          </Select>
        </Field>
        <Field label="Agency" validationMessage={errors.agency}>
          <Select value={fields.agency} onChange={(_, d) => edit.set('agency', d.value)}>
            <option value="">No agency</option>
            <Options of={agencies} />
          </Select>
        </Field>
        {record ? (
          <>
            <Field label="Practitioner" required validationMessage={errors.person} hint={fixedHint}>
              <Select value={fields.person} disabled={fixed} onChange={(_, d) => edit.set('person', d.value)}>
                <option value="">Choose the practitioner</option>
                {context.caseGroup.map((p) => (
                  <option key={p.id} value={p.id}>
                    {practitionerLabel(p)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Conversation" required validationMessage={errors.conversation} hint={fixedHint}>
              <Select
                value={fields.conversation}
                disabled={fixed}
                onChange={(_, d) => edit.set('conversation', d.value)}
              >
                <option value="">Choose the conversation</option>
                {context.conversations
                  .filter((c) => !fields.person || c.participant === fields.person)
                  .map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.scheduled ? formatChanged(c.scheduled.start) : 'Not yet scheduled'}
                    </option>
                  ))}
              </Select>
            </Field>
          </>
        ) : null}
        <Field label="Stage" validationMessage={errors.stage}>
          <Select value={fields.stage} onChange={(_, d) => edit.set('stage', d.value)}>
            <option value="">No stage</option>
            <Options of={REVIEW_STAGE_LABELS} />
          </Select>
        </Field>
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabled={edit.save.isPending}>
            {edit.save.isPending ? 'Saving…' : 'Save the details'}
          </Button>
        </div>
      </form>
      {edit.saved ? (
        <MessageBar intent="success">
          <MessageBarBody>The details are saved.</MessageBarBody>
        </MessageBar>
      ) : null}
      {edit.problem ? <ProblemMessage problem={edit.problem} onRetry={() => edit.submit()} /> : null}
    </section>
  );
}
