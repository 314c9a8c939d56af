/**
 * The findings and the "Findings in brief" table as a .docx, outside Word (the task pane in local
 * mode, the export script, the panel pack), drawn from the same document-neutral blocks as the Word
 * gateway: built-in heading styles, numbered lists, the table, each block in a content control
 * (`w:sdt` with `w:alias` and `w:tag`) and the same hashes in the custom properties, so that the
 * add-in later refreshes an exported finding as unedited.
 *
 * The docx package has no content-control API; ContentControl below is a small subclass of the
 * components it exports, so every byte of XML is still written by docx.
 */
import {
  BuilderElement,
  Document,
  FileChild,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  StringValueElement,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  AlignmentType,
} from 'docx';
import {
  composeAgreedFindings,
  composeFinding,
  inReviewOrder,
  composeFindingsInBrief,
  type ManagedBlock,
  type ReportBlock,
  type ReportSource,
} from '../core/report';
import { formatStoredHash, propertyName } from './stored-hash';

const BOARD_ISSUES_LIST = 'crw-board-issues';

/** A block-level rich-text content control: `<w:sdt><w:sdtPr>alias, tag</w:sdtPr><w:sdtContent>…</w:sdtContent></w:sdt>`. */
export class ContentControl extends FileChild {
  constructor(options: { tag: string; title: string }, children: readonly FileChild[]) {
    super('w:sdt');
    this.root.push(
      new BuilderElement({
        name: 'w:sdtPr',
        children: [
          new StringValueElement('w:alias', options.title),
          new StringValueElement('w:tag', options.tag),
        ],
      }),
      new BuilderElement({ name: 'w:sdtContent', children }),
    );
  }
}

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

/** One block as docx paragraphs or a table; `list` numbers each numbered list apart. */
function toDocx(block: ReportBlock, list: () => number): FileChild[] {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ text: block.text, heading: HEADINGS[block.level] })];
    case 'paragraph':
      return [
        new Paragraph({ children: [new TextRun({ text: block.text, italics: block.placeholder === true })] }),
      ];
    case 'numbered-list': {
      const instance = list();
      return block.items.map(
        (item) =>
          new Paragraph({ text: item, numbering: { reference: BOARD_ISSUES_LIST, level: 0, instance } }),
      );
    }
    case 'table':
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [block.header, ...block.rows].map(
            (cells, r) =>
              new TableRow({
                tableHeader: r === 0,
                children: cells.map(
                  (cell) =>
                    new TableCell({
                      children: [new Paragraph({ children: [new TextRun({ text: cell, bold: r === 0 })] })],
                    }),
                ),
              }),
          ),
        }),
      ];
  }
}

/** Blocks as content controls and headings, ready for a docx section. */
export function managedChildren(managed: readonly ManagedBlock[], list: () => number): FileChild[] {
  return managed.map(
    (block) =>
      new ContentControl(
        block,
        block.blocks.flatMap((b) => toDocx(b, list)),
      ),
  );
}

export const exportTitle = (referenceCode: string): string => `Findings: review ${referenceCode}`;

/** The export as a docx Document: Findings in brief, then every agreed finding in order. */
export interface ExportOptions {
  readonly referenceCode: string;
  /** Include findings still in draft (a preview before they are agreed); by default only agreed ones. */
  readonly includeDrafts?: boolean;
}

export function findingsDocument(source: ReportSource, options: ExportOptions): Document {
  const findings = options.includeDrafts
    ? inReviewOrder(source.findings).map((finding) => composeFinding(finding, source))
    : composeAgreedFindings(source);
  const brief = composeFindingsInBrief(source, { includeDrafts: options.includeDrafts });
  let lists = 0;
  const list = () => ++lists;
  return new Document({
    creator: 'Case Review Workspace',
    title: exportTitle(options.referenceCode),
    customProperties: [brief, ...findings].map((block) => ({
      name: propertyName(block.tag),
      value: formatStoredHash({ document: block.hash }),
    })),
    numbering: {
      config: [
        {
          reference: BOARD_ISSUES_LIST,
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Findings in brief', heading: HeadingLevel.HEADING_1 }),
          ...managedChildren([brief], list),
          new Paragraph({ text: 'Findings', heading: HeadingLevel.HEADING_1 }),
          ...managedChildren(findings, list),
        ],
      },
    ],
  });
}

/** The export's bytes (a .docx file), in the browser or in Node. */
export async function exportFindingsDocx(source: ReportSource, options: ExportOptions): Promise<Uint8Array> {
  return Packer.pack(findingsDocument(source, options), 'uint8array');
}

/** The export's file name: the review's reference code only, never a name from the case. */
export const exportFileName = (referenceCode: string, at: Date): string =>
  `${referenceCode} findings ${at.toISOString().slice(0, 16).replace('T', ' ').replace(':', '.')}.docx`;

/** Any blocks as a .docx (the panel pack's documents): numbered lists and tables as in the report. */
export async function blocksDocx(title: string, blocks: readonly ReportBlock[]): Promise<Uint8Array> {
  let lists = 0;
  const list = () => ++lists;
  const document = new Document({
    creator: 'Case Review Workspace',
    title,
    numbering: {
      config: [
        {
          reference: BOARD_ISSUES_LIST,
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }],
        },
      ],
    },
    sections: [{ children: blocks.flatMap((b) => toDocx(b, list)) }],
  });
  return Packer.pack(document, 'uint8array');
}
