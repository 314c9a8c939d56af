import { RecordWorkflowError } from '../../src/graph/artefacts/errors';
import { checkMetadata, fromFields, toFields } from '../../src/graph/artefacts/metadata';
import { alternativeName, checkArtefactName, proposeArtefactName } from '../../src/graph/artefacts/names';
import { buildIdentifierMatcher, type IdentityRegisterEntry } from '../../src/core';
import { checkRecordMove, RECORD_MOVES } from '../../src/graph/artefacts/record-status';
import type { RecordStatus } from '../../src/graph/artefacts/metadata';
import { conversationLifecycle, type ConversationStatus } from '../../src/core/model/conversation';

const folderPath = '/sites/CR-2026-014/ReviewArtefacts';
const entry = (
  id: string,
  kind: IdentityRegisterEntry['kind'],
  identifier: string,
  more: Partial<IdentityRegisterEntry> = {},
): IdentityRegisterEntry => ({ id, kind, identifier, replacement: 'a pseudonym', ...more });
const identifiers = buildIdentifierMatcher([
  entry('1', 'person', 'Kayleigh Brennan', { identifyingAlone: ['family name'] }),
  entry('2', 'person', 'Jordan Pike'),
  entry('3', 'street', '14 Mill Lane'),
  entry('4', 'date of birth', '2 March 2019'),
]);
const codes = (name: string) => checkArtefactName(name, { folderPath, identifiers }).map((p) => p.code);

describe('artefact names', () => {
  it('proposes names from the reference code, the type and the role label, never a person', () => {
    expect(
      proposeArtefactName({
        referenceCode: 'CR-2026-014',
        typeLabel: 'Conversation record',
        roleLabel: 'Health visitor 1',
        version: 1,
        extension: 'docx',
      }),
    ).toBe('CR-2026-014 Conversation record - Health visitor 1 - v1.docx');
    expect(
      proposeArtefactName({
        referenceCode: 'CR-2026-014',
        typeLabel: 'Agency record',
        roleLabel: 'A&E / ED',
        extension: '.pdf',
      }),
    ).toBe('CR-2026-014 Agency record - A&E - ED.pdf');
    expect(codes('CR-2026-014 Conversation record - Health visitor 1 - v1.docx')).toEqual([]);
  });

  it.each([
    ['notes "final".docx', 'name-forbidden-characters'],
    ['a*b.docx', 'name-forbidden-characters'],
    ['10:30 meeting.docx', 'name-forbidden-characters'],
    ['<draft>.docx', 'name-forbidden-characters'],
    ['why?.docx', 'name-forbidden-characters'],
    ['a/b.docx', 'name-forbidden-characters'],
    ['a\\b.docx', 'name-forbidden-characters'],
    ['a|b.docx', 'name-forbidden-characters'],
    [' leading.docx', 'name-leading-or-trailing-space'],
    ['trailing.docx ', 'name-leading-or-trailing-space'],
    ['ends with a full stop.', 'name-trailing-full-stop'],
    ['CON', 'name-reserved'],
    ['con.docx', 'name-reserved'],
    ['LPT9.txt', 'name-reserved'],
    ['desktop.ini', 'name-reserved'],
    ['.lock', 'name-reserved'],
    ['my_vti_file.docx', 'name-reserved'],
    ['~$lockfile.docx', 'name-reserved'],
    ['tab\there.docx', 'name-control-characters'],
    ['', 'name-empty'],
  ])('refuses %j (%s)', (name, code) => {
    expect(codes(name)).toContain(code);
  });

  it('allows # and % (SharePoint Online does) and names reserved only as a part ("Console")', () => {
    expect(codes('Console #2 100%.docx')).toEqual([]);
  });

  it('counts the whole decoded path towards the 400-character limit and says how much to cut', () => {
    const pathPrefix = folderPath.slice(1).length + 1; // "sites/CR-2026-014/ReviewArtefacts/"
    const fits = `${'a'.repeat(400 - pathPrefix - 5)}.docx`;
    expect(codes(fits)).toEqual([]);
    const problems = checkArtefactName(`b${fits}`, { folderPath });
    expect(problems.map((p) => p.code)).toEqual(['name-too-long']);
    expect(problems[0]!.message).toMatch(
      /401 characters; the limit is 400\. Shorten the name by at least 1 character/,
    );
    expect(codes(`${'x'.repeat(396)}.docx`)).toContain('name-too-long');
  });

  it('lists every problem at once, each in plain English', () => {
    const problems = checkArtefactName(' Kayleigh Brennan: notes?.docx', { folderPath, identifiers });
    expect(problems.map((p) => p.code).sort()).toEqual(
      ['name-forbidden-characters', 'name-identifies-person', 'name-leading-or-trailing-space'].sort(),
    );
    for (const p of problems) expect(p.message).toMatch(/^[A-Z].*\.$/);
  });

  it.each([
    ['Notes on Jordan Pike.docx', /Jordan|Pike/, 'a family member’s name'],
    ['Visit to 14 Mill Ln.docx', /Mill|Lane|Ln/, 'a street or address'],
    ['Born 02.03.2019.docx', /2019|03/, 'a date of birth'],
  ])('refuses %j naming the kind of identifier, never the identifier', (name, identifier, kind) => {
    const [problem] = checkArtefactName(name, { folderPath, identifiers });
    expect(problem!.code).toBe('name-identifies-person');
    expect(problem!.message).toMatch(
      new RegExp(`^The file name contains ${kind} from the identity register\\.`),
    );
    expect(problem!.message).not.toMatch(identifier);
  });

  it('numbers an alternative name as SharePoint does', () => {
    const taken = new Set(['Report 1.docx']);
    expect(alternativeName('Report.docx', (c) => taken.has(c))).toBe('Report 2.docx');
    expect(alternativeName('README', () => false)).toBe('README 1');
  });
});

describe('anonymity guard', () => {
  it.each([
    ['brennan_chronology.docx', true],
    ['K.Brennan notes.docx', true],
    ['KAYLEIGH  BRENNAN.pdf', true],
    ['Visit to 14 Mill Lane.docx', true],
    ['Brennanshire audit.docx', false],
    ['CR-2026-014 Chronology - v1.xlsx', false],
  ])('%j contains a register entry: %s', (text, expected) => {
    expect(codes(text).includes('name-identifies-person')).toBe(expected);
  });

  it('matches accents and ignores one-letter entries', () => {
    const names = buildIdentifierMatcher([entry('z', 'person', 'Zoe'), entry('s', 'other', 'S')]);
    expect(checkArtefactName('Notes Zoë.docx', { folderPath, identifiers: names })).toHaveLength(1);
    expect(checkArtefactName('Child S chronology.docx', { folderPath, identifiers: names })).toEqual([]);
  });
});

describe('artefact details (metadata)', () => {
  const valid = { type: 'agency record', agency: 'Police' };

  it('accepts details that fit the library’s columns', () => {
    expect(checkMetadata(valid, 'create')).toEqual([]);
    expect(
      checkMetadata(
        { type: 'conversation record', person: 'p-1', conversation: 'c-1', agency: 'Health visiting' },
        'create',
      ),
    ).toEqual([]);
  });

  it('refuses a value outside a choice, the wrong type, over-long and multi-line text, unknown details', () => {
    const problems = checkMetadata(
      { type: 'memo', agency: 42, person: 'x'.repeat(256), conversation: 'a\nb', colour: 'red' },
      'create',
    );
    const byField = Object.fromEntries(problems.map((p) => [p.field, p.message]));
    expect(byField['metadata.type']).toMatch(/^Type must be one of "conversation record", "agency record"/);
    expect(byField['metadata.agency']).toBe('Agency must be text.');
    expect(byField['metadata.person']).toBe(
      'Person (workspace id) must be 255 characters or fewer; this is 256 characters.',
    );
    expect(byField['metadata.conversation']).toMatch(/must be on one line/);
    expect(byField['metadata.colour']).toBe('"colour" is not a detail that Review artefacts keeps.');
  });

  it('needs the type, and the person and conversation of a conversation record', () => {
    expect(checkMetadata({}, 'create').map((p) => p.field)).toEqual(['metadata.type']);
    expect(checkMetadata({ type: 'conversation record' }, 'create').map((p) => p.field)).toEqual([
      'metadata.person',
      'metadata.conversation',
    ]);
    expect(checkMetadata({ ...valid, recordStatus: 'draft' }, 'create')[0]!.message).toBe(
      'Only a conversation record has a record status.',
    );
  });

  it('leaves the record status and agreed version to the workflow in an edit', () => {
    expect(checkMetadata({ recordStatus: 'agreed' }, 'edit')[0]!.code).toBe('metadata-workflow-only');
    const record = { type: 'conversation record', person: 'p-1', conversation: 'c-1' };
    expect(checkMetadata({ ...record, recordStatus: 'draft' }, 'create')).toEqual([]);
    expect(checkMetadata({ ...record, recordStatus: 'agreed' }, 'create')[0]!.message).toBe(
      'A new conversation record starts as a draft; send it to the practitioner from the workspace.',
    );
    expect(checkMetadata({ ...record, agreedVersion: '1.0' }, 'create')[0]!.code).toBe(
      'metadata-workflow-only',
    );
    expect(checkMetadata({ agency: null }, 'edit')).toEqual([]);
  });

  it('round-trips through list item fields, dropping values that do not fit', () => {
    const fields = toFields({ type: 'chronology', agency: 'Housing', person: undefined });
    expect(fields).toEqual({ ArtefactType: 'chronology', Agency: 'Housing' });
    expect(fromFields({ ...fields, RecordStatus: 'lost', FileLeafRef: 'x.docx' })).toEqual({
      type: 'chronology',
      agency: 'Housing',
    });
  });
});

describe('conversation record moves', () => {
  it('follows draft -> sent -> (amended -> sent) -> agreed, and agreed is final', () => {
    expect(() => checkRecordMove('draft', 'sent to participant')).not.toThrow();
    expect(() => checkRecordMove('sent to participant', 'amended')).not.toThrow();
    expect(() => checkRecordMove('amended', 'sent to participant')).not.toThrow();
    expect(() => checkRecordMove('sent to participant', 'agreed')).not.toThrow();
    expect(() => checkRecordMove('draft', 'agreed')).toThrow(
      new RecordWorkflowError('A conversation record can be agreed only while it is with the practitioner.'),
    );
    expect(() => checkRecordMove('agreed', 'amended')).toThrow(
      /has been agreed with the practitioner and cannot change/,
    );
  });

  it('agrees with the core’s conversation lifecycle (the library names the amended draft apart)', () => {
    const core: Record<RecordStatus, ConversationStatus> = {
      draft: 'record-drafted',
      amended: 'record-drafted',
      'sent to participant': 'record-sent',
      agreed: 'record-agreed',
    };
    const statuses = Object.keys(RECORD_MOVES) as RecordStatus[];
    for (const from of statuses)
      for (const to of RECORD_MOVES[from]) expect(conversationLifecycle.next(core[from])).toContain(core[to]);
    // Every record move the core allows has a counterpart here.
    for (const from of statuses)
      for (const next of conversationLifecycle.next(core[from]).filter((s) => s.startsWith('record-')))
        expect(RECORD_MOVES[from].some((to) => core[to] === next)).toBe(true);
  });
});
