import {
  Button,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Select,
  Text,
  mergeClasses,
} from '@fluentui/react-components';
import { useRef, useState, type DragEvent } from 'react';
import { ARTEFACT_TYPE_LABELS, describeFileSize } from '../../../../core/model/artefact';
import type { UploadRules } from '../../../../graph/artefacts/screen-gateway';
import { ProblemMessage } from '../../../shell/Problem';
import { practitionerLabel, type ArtefactContext } from '../hooks/useReviewContext';
import type { UploadItem, useUploads } from '../hooks/useUploads';
import { formatChanged } from '../hooks/format';
import { useArtefactsStyles } from '../styles/useArtefactsStyles';
import { Options } from '../../../shell/Options';

type Uploads = ReturnType<typeof useUploads>;

/**
 * Adding files: a drop zone, and the "Choose files" button (the keyboard's way, and a screen
 * reader's) that opens the file picker. Each file then gets its details, checks and progress.
 */
export function UploadArea({
  uploads,
  rules,
  context,
}: {
  uploads: Uploads;
  rules: UploadRules;
  context: ArtefactContext;
}) {
  const styles = useArtefactsStyles();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    if (event.dataTransfer.files.length > 0) uploads.addFiles(event.dataTransfer.files);
  };
  return (
    <section className={styles.section} aria-labelledby="upload-heading">
      <Text as="h3" size={500} weight="semibold" id="upload-heading" className={styles.heading}>
        Upload
      </Text>
      <div
        className={mergeClasses(styles.dropZone, over && styles.dropZoneActive)}
        data-testid="drop-zone"
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <Text>
          Drag files here, or choose them. Files up to {describeFileSize(rules.maxFileBytes)}.
          {rules.names === 'proposed-only'
            ? ' Each file takes the name the workspace proposes (reference code, type and role label), so that no name can identify the child or family.'
            : ' Names are checked against the identity register before anything is uploaded.'}
        </Text>
        <Button appearance="primary" onClick={() => input.current?.click()}>
          Choose files
        </Button>
        <input
          ref={input}
          type="file"
          multiple
          tabIndex={-1}
          aria-hidden="true"
          className={styles.hiddenInput}
          onChange={(event) => {
            if (event.target.files) uploads.addFiles(event.target.files);
            event.target.value = '';
          }}
        />
      </div>
      {uploads.items.map((item) => (
        <UploadCard key={item.key} item={item} uploads={uploads} rules={rules} context={context} />
      ))}
    </section>
  );
}

function UploadCard({
  item,
  uploads,
  rules,
  context,
}: {
  item: UploadItem;
  uploads: Uploads;
  rules: UploadRules;
  context: ArtefactContext;
}) {
  const styles = useArtefactsStyles();
  const { fields, issues } = item;
  const id = (field: string) => `${item.key}-${field}`;
  const busy = item.phase === 'checking' || item.phase === 'uploading' || item.phase === 'cancelling';
  const locked = busy || item.phase === 'done';
  const headingId = id('heading');
  const practitioners = context.caseGroup;
  const conversations = context.conversations.filter(
    (c) => !fields.person || c.participant === fields.person,
  );
  const tooLarge = item.file.size > rules.maxFileBytes;
  return (
    <article className={styles.panel} aria-labelledby={headingId}>
      <Text
        as="h4"
        size={400}
        weight="semibold"
        id={headingId}
        className={mergeClasses(styles.heading, styles.wrap)}
      >
        {item.file.name}{' '}
        <Text size={300} className={styles.muted}>
          ({describeFileSize(item.file.size)})
        </Text>
      </Text>
      {issues.file ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{issues.file}</MessageBarBody>
        </MessageBar>
      ) : null}
      {issues.form ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{issues.form}</MessageBarBody>
        </MessageBar>
      ) : null}
      {tooLarge || item.phase === 'done' ? null : (
        <div className={styles.form}>
          <Field label="Type" required validationMessage={issues.type}>
            <Select
              id={id('type')}
              value={fields.type}
              disabled={locked}
              onChange={(_, d) => uploads.setField(item.key, 'type', d.value)}
            >
              <option value="">Choose a type</option>
              <Options of={ARTEFACT_TYPE_LABELS} />
            </Select>
          </Field>
          <Field label="Agency" validationMessage={issues.agency}>
            <Select
              value={fields.agency}
              disabled={locked}
              onChange={(_, d) => uploads.setField(item.key, 'agency', d.value)}
            >
              <option value="">No agency</option>
              <Options of={context.agencies} />
            </Select>
          </Field>
          <Field label="Role label in the name" hint="Such as “Health visitor 1”; never a person’s name.">
            <Select
              value={fields.roleLabel}
              disabled={locked}
              onChange={(_, d) => uploads.setField(item.key, 'roleLabel', d.value)}
            >
              <option value="">The agency, if any</option>
              {context.roleLabels.map((l) => (
                <option key={l} value={l}>
                  {l}
                </option>
              ))}
            </Select>
          </Field>
          {fields.type === 'conversation record' ? (
            <>
              <Field label="Practitioner" required validationMessage={issues.person}>
                <Select
                  value={fields.person}
                  disabled={locked}
                  onChange={(_, d) => uploads.setField(item.key, 'person', d.value)}
                >
                  <option value="">Choose the practitioner</option>
                  {practitioners.map((p) => (
                    <option key={p.id} value={p.id}>
                      {practitionerLabel(p)}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field
                label="Conversation"
                required
                validationMessage={
                  issues.conversation ??
                  (conversations.length === 0
                    ? 'No conversation is planned with them yet: plan it first.'
                    : undefined)
                }
              >
                <Select
                  value={fields.conversation}
                  disabled={locked}
                  onChange={(_, d) => uploads.setField(item.key, 'conversation', d.value)}
                >
                  <option value="">Choose the conversation</option>
                  {conversations.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.scheduled ? formatChanged(c.scheduled.start) : 'Not yet scheduled'}
                    </option>
                  ))}
                </Select>
              </Field>
            </>
          ) : null}
          <Field
            className={styles.wide}
            label="Name in the library"
            validationMessage={issues.name}
            hint={
              rules.names === 'proposed-only'
                ? 'Proposed by the workspace. Only members of the identity register’s channel may choose another name.'
                : undefined
            }
          >
            <Input
              id={id('name')}
              value={fields.name}
              readOnly={rules.names === 'proposed-only'}
              appearance={rules.names === 'proposed-only' ? 'filled-darker' : undefined}
              disabled={locked}
              placeholder="Choose a type to see the name"
              onChange={(_, d) => uploads.setField(item.key, 'name', d.value)}
            />
          </Field>
        </div>
      )}
      {item.phase === 'uploading' || item.phase === 'cancelling' ? (
        <Field
          label={`${describeFileSize(item.sent)} of ${describeFileSize(item.file.size)} uploaded`}
          validationState="none"
        >
          <ProgressBar
            value={item.file.size === 0 ? 1 : item.sent / item.file.size}
            aria-label={`Uploading ${item.fields.name}`}
          />
        </Field>
      ) : null}
      {item.phase === 'name-taken' && item.suggestedName ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>A file with this name is already in the library.</MessageBarTitle>
            Upload it as “{item.suggestedName}”, or replace the existing file (its earlier content stays in
            its version history).
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => void uploads.start(item.key, 'rename')}>Upload under the new name</Button>
            <Button onClick={() => void uploads.start(item.key, 'replace')}>Replace the existing file</Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      {item.phase === 'done' ? (
        <MessageBar intent="success">
          <MessageBarBody>
            Uploaded as{' '}
            <Link href={`#/artefacts/${encodeURIComponent(item.artefactId ?? '')}`}>{item.fields.name}</Link>.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {item.phase === 'cancelled' ? (
        <MessageBar intent="info">
          <MessageBarBody>Upload cancelled. Nothing was added to the library.</MessageBarBody>
        </MessageBar>
      ) : null}
      {item.phase === 'failed' && item.problem ? (
        <ProblemMessage problem={item.problem} onRetry={() => void uploads.start(item.key)} />
      ) : null}
      <div className={styles.actions}>
        {(item.phase === 'editing' || item.phase === 'cancelled') && !tooLarge ? (
          <Button appearance="primary" onClick={() => void uploads.start(item.key)}>
            Upload
          </Button>
        ) : null}
        {item.phase === 'checking' ? <Text>Checking…</Text> : null}
        {item.phase === 'uploading' ? (
          <Button onClick={() => void uploads.cancel(item.key)}>Cancel the upload</Button>
        ) : null}
        {item.phase === 'cancelling' ? <Text>Cancelling…</Text> : null}
        {busy ? null : (
          <Button appearance="subtle" onClick={() => uploads.remove(item.key)}>
            {item.phase === 'done' ? 'Dismiss' : 'Remove from the list'}
          </Button>
        )}
      </div>
    </article>
  );
}
