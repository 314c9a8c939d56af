/**
 * A text of the analysis (an appraisal, a finding's section) that can cite: a Textarea inside a
 * Field, an "Insert a citation" menu that puts the cited thing's token at the cursor, and the text
 * as readers will see it underneath (tokens shown as "KPE 3", a conversation's or a document's name).
 */
import {
  Button,
  Field,
  Menu,
  MenuGroup,
  MenuGroupHeader,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId, useRef, type ReactNode } from 'react';
import type { CitationKind, CitationLookup } from '../../../core/analysis/citations';
import { CitationText } from './CitationText';
import type { Citable } from './useCitables';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  preview: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
  },
  menu: { maxHeight: '20rem', overflowY: 'auto' },
  muted: { color: tokens.colorNeutralForeground2 },
});

const GROUPS: { kind: CitationKind; heading: string }[] = [
  { kind: 'kpe', heading: 'Key practice episodes' },
  { kind: 'conversation', heading: 'Conversations' },
  { kind: 'artefact', heading: 'Documents' },
];

/** The text with `token` put in place of the selection (start..end), and where the cursor goes after. */
export function insertToken(
  text: string,
  token: string,
  selection: { start: number; end: number } = { start: text.length, end: text.length },
): { text: string; cursor: number } {
  const start = Math.max(0, Math.min(selection.start, text.length));
  const end = Math.max(start, Math.min(selection.end, text.length));
  const before = text.slice(0, start);
  const after = text.slice(end);
  // A space either side unless there is one already, so the label never runs into a word.
  const lead = before === '' || /\s$/.test(before) ? '' : ' ';
  const trail = after === '' || /^[\s.,;:)]/.test(after) ? '' : ' ';
  const inserted = `${lead}${token}${trail}`;
  return { text: `${before}${inserted}${after}`, cursor: before.length + inserted.length };
}

/** "Insert a citation": a menu of what can be cited, grouped by kind. */
export function InsertCitation({
  choices,
  onInsert,
  label = 'Insert a citation',
  disabled,
}: {
  choices: readonly Citable[];
  onInsert: (citable: Citable) => void;
  /** The button's accessible name, e.g. "Insert a citation in the appraisal". */
  label?: string;
  disabled?: boolean;
}) {
  const styles = useStyles();
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button size="small" disabled={disabled || choices.length === 0} aria-label={label}>
          Insert a citation
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList className={styles.menu}>
          {GROUPS.map(({ kind, heading }) => {
            const items = choices.filter((c) => c.kind === kind);
            return items.length === 0 ? null : (
              <MenuGroup key={kind}>
                <MenuGroupHeader>{heading}</MenuGroupHeader>
                {items.map((c) => (
                  <MenuItem key={`${c.kind}:${c.id}`} onClick={() => onInsert(c)}>
                    {c.label}
                  </MenuItem>
                ))}
              </MenuGroup>
            );
          })}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

/**
 * A citing text field. `value` is the stored form (with tokens); `choices` and `lookup` come from
 * useCitables(reviewId). The message beside the field is the caller's (from the core's schema).
 */
export function CitingTextField({
  label,
  value,
  onChange,
  choices,
  lookup,
  validationMessage,
  hint,
  required,
  rows = 5,
  aside,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  choices: readonly Citable[];
  lookup: CitationLookup;
  validationMessage?: string;
  hint?: string;
  required?: boolean;
  rows?: number;
  /** Shown beside the text box (e.g. the prompts against hindsight bias). */
  aside?: ReactNode;
}) {
  const styles = useStyles();
  const previewId = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const selection = useRef<{ start: number; end: number } | undefined>(undefined);
  const remember = () => {
    const box = ref.current;
    if (box) selection.current = { start: box.selectionStart, end: box.selectionEnd };
  };
  const insert = (citable: Citable) => {
    const next = insertToken(value, citable.token, selection.current);
    onChange(next.text);
    selection.current = { start: next.cursor, end: next.cursor };
    requestAnimationFrame(() => {
      const box = ref.current;
      if (!box) return;
      box.focus();
      box.setSelectionRange(next.cursor, next.cursor);
    });
  };
  const cites = /\{\{(kpe|conversation|artefact):/.test(value);
  return (
    <div className={styles.root}>
      <Field label={label} validationMessage={validationMessage} hint={hint} required={required}>
        <Textarea
          ref={ref}
          value={value}
          rows={rows}
          resize="vertical"
          aria-describedby={cites ? previewId : undefined}
          onChange={(_, data) => onChange(data.value)}
          onSelect={remember}
          onKeyUp={remember}
          onBlur={remember}
        />
      </Field>
      {aside}
      <span>
        <InsertCitation
          choices={choices}
          onInsert={insert}
          label={`Insert a citation in ${label.toLowerCase()}`}
        />
      </span>
      {cites ? (
        <div className={styles.preview} id={previewId}>
          <Text size={200} className={styles.muted}>
            As readers see it:{' '}
          </Text>
          <CitationText text={value} lookup={lookup} links={false} />
        </div>
      ) : null}
    </div>
  );
}
