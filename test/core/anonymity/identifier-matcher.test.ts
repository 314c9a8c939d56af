import fc from 'fast-check';
import {
  buildIdentifierMatcher,
  describeIdentifierHits,
  reviewFromDemo,
  type IdentifierHit,
  type IdentityRegisterEntry,
} from '../../../src/core';
import demo from '../demo/child-s-review.json';
import {
  APOSTROPHES,
  DATE_FORMS,
  SEPARATORS,
  STREET_WORDS,
  calendarDay,
  disguise,
  disguiseArb,
  joinWords,
  personEntry,
  personName,
  place,
  placeText,
  withApostrophe,
  word,
  type PersonName,
} from './variants';

/** Symbols only around the variant, so that the hit's offsets are the variant's. */
const PREFIX = '<< ';
const SUFFIX = ' >>';

/** The hit of `entryId` exactly over `variant` in PREFIX + variant + SUFFIX. */
function expectExactHit(entry: IdentityRegisterEntry, variant: string, way?: IdentifierHit['way']) {
  const matcher = buildIdentifierMatcher([entry]);
  const text = `${PREFIX}${variant}${SUFFIX}`;
  const hits = matcher.find(text);
  const expected = {
    entryId: entry.id,
    kind: entry.kind,
    start: PREFIX.length,
    end: PREFIX.length + variant.length,
  };
  // "Mr Smith" for a Michael Robert Smith is his initials too: the same words, either way.
  const ways = way === 'title and surname' ? [way, 'initial and surname'] : way ? [way] : undefined;
  const matching = hits.filter(
    (h) => h.entryId === expected.entryId && h.start === expected.start && h.end === expected.end,
  );
  expect(matching).toContainEqual(expect.objectContaining(expected));
  if (ways) expect(ways).toContain(matching[0]!.way);
  expect(matcher.redact(text)).toBe(`${PREFIX}[redacted]${SUFFIX}`);
}

/** A person's name written one of the ways the matcher must catch, with the way it should report. */
const writtenName = (p: PersonName) => {
  const family = p.family.split('-');
  const forms: fc.Arbitrary<[string, IdentifierHit['way']]>[] = [
    fc.constantFrom(...SEPARATORS).map((sep) => [joinWords([...p.given, ...family], sep), 'full name']),
    fc.constantFrom(...SEPARATORS).map((sep) => [joinWords([p.given[0]!, ...family], sep), 'full name']),
    fc
      .constantFrom(', ', ',', ' ', ' , ')
      .map((comma) => [`${p.family}${comma}${p.given.join(' ')}`, 'full name']),
    fc
      .constantFrom('. ', ' ', '.', '_')
      .map((sep) => [`${p.given[0]!.charAt(0)}${sep}${p.family}`, 'initial and surname']),
    fc
      .constantFrom('Mrs', 'Mr', 'Ms', 'Miss', 'Baby')
      .map((title) => [`${title} ${p.family}`, 'title and surname']),
  ];
  if (p.alone.includes('family name')) forms.push(fc.constant([p.family, 'surname alone']));
  if (p.alone.includes('given name'))
    forms.push(fc.constantFrom(...p.given).map((g) => [g, 'given name alone']));
  for (const k of p.knownAs)
    forms.push(
      fc.constant([k, 'known-as name']),
      fc.constant([`${k} ${p.family}`, 'known-as name']),
      fc.constant([`${p.family}, ${k}`, 'known-as name']),
    );
  return fc.oneof(...forms);
};

describe('the identifier matcher: every way of writing an entry is caught', () => {
  it('catches a person’s name in any case, accents, look-alikes, full width, digits for letters, order, initials, titles and separators', () => {
    fc.assert(
      fc.property(
        personName.chain((p) => fc.tuple(fc.constant(p), writtenName(p), disguiseArb)),
        ([p, [written, way], { how, mask }]) => {
          // Case changes make or break camelCase: only the plain forms keep "camel" and initials joined.
          expectExactHit(personEntry('person-1', p), disguise(written, how, mask), way);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('catches a name with an apostrophe written with or without it (O’Neill, ONeill, O Neill)', () => {
    fc.assert(
      fc.property(
        personName.map((p) => ({ ...p, family: `O'${p.given[0]!}son` })),
        fc.constantFrom(...APOSTROPHES),
        fc.boolean(),
        disguiseArb,
        (p, apostrophe, reversed, { how, mask }) => {
          const family = withApostrophe(p.family, apostrophe);
          const written = reversed ? `${family}, ${p.given.join(' ')}` : `${p.given.join(' ')} ${family}`;
          expectExactHit(personEntry('person-2', p), disguise(written, how, mask), 'full name');
        },
      ),
      { numRuns: 150 },
    );
  });

  it('catches a street with its street word written in full or abbreviated, with any separators', () => {
    fc.assert(
      fc.property(
        place,
        fc.nat(),
        fc.constantFrom(' ', '_', '-', ''),
        disguiseArb,
        (p, pick, sep, { how, mask }) => {
          const forms = [p.street, ...STREET_WORDS[p.street]!];
          const street = forms[pick % forms.length]!;
          const words = [...(p.number ? [String(p.number)] : []), p.name, street];
          const written = joinWords(words, sep).replace(/\.$/, sep === '' ? '' : '.');
          const entry: IdentityRegisterEntry = {
            id: 'street-1',
            kind: 'street',
            identifier: placeText(p),
            replacement: 'the family home',
          };
          const text = `${PREFIX}${disguise(written, how, mask)}${SUFFIX}`;
          const hits = buildIdentifierMatcher([entry]).find(text);
          // "Cl." ends with a full stop that is punctuation, not part of the name.
          expect(hits).toContainEqual(
            expect.objectContaining({
              entryId: 'street-1',
              kind: 'street',
              way: 'identifier',
              start: PREFIX.length,
            }),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('catches a school named for a saint written with "St", "St." or "Saint", apostrophe or none', () => {
    fc.assert(
      fc.property(
        word,
        fc.constantFrom('St', 'St.', 'Saint'),
        fc.constantFrom(...APOSTROPHES),
        disguiseArb,
        (name, saint, apostrophe, { how, mask }) => {
          const entry: IdentityRegisterEntry = {
            id: 'school-1',
            kind: 'school',
            identifier: `St ${name}'s Nursery`,
            replacement: 'a local nursery',
          };
          const written = `${saint} ${name}${apostrophe === ' ' ? '' : apostrophe}s Nursery`;
          expectExactHit(entry, disguise(written, how, mask), 'identifier');
        },
      ),
      { numRuns: 150 },
    );
  });

  it('catches a date of birth in every usual form, whichever form the register has it in', () => {
    const forms = Object.keys(DATE_FORMS);
    fc.assert(
      fc.property(
        calendarDay,
        fc.constantFrom(...forms.filter((f) => f !== '14/5/26')),
        fc.constantFrom(...forms),
        fc.constantFrom<'none' | 'upper' | 'lower' | 'full-width' | 'cyrillic'>(
          'none',
          'upper',
          'lower',
          'full-width',
          'cyrillic',
        ),
        (day, registerForm, writtenForm, how) => {
          const entry: IdentityRegisterEntry = {
            id: 'dob-1',
            kind: 'date of birth',
            identifier: DATE_FORMS[registerForm]!(day),
            replacement: '[date of birth]',
          };
          expectExactHit(entry, disguise(DATE_FORMS[writtenForm]!(day), how, [true]), 'date of birth');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives offsets in the original text, whatever surrounds the name', () => {
    fc.assert(
      fc.property(personName, fc.string(), fc.string(), (p, before, after) => {
        const entry = personEntry('person-3', p);
        const name = `${p.given[0]!} ${p.family}`;
        const text = `${before} ${name} ${after}`;
        const hits = buildIdentifierMatcher([entry]).find(text);
        const at = before.length + 1;
        // The name's hit, or a longer one over it (the surroundings may continue the name).
        expect(hits.some((h) => h.start <= at && h.end >= at + name.length)).toBe(true);
        for (const h of hits) {
          expect(0 <= h.start && h.start < h.end && h.end <= text.length).toBe(true);
          expect(text.slice(h.start, h.end)).toBe(text.slice(h.start, h.end).trim());
        }
      }),
      { numRuns: 200 },
    );
  });
});

// ------------------------------------------------------------------ the demo register: no false alarms

const register = reviewFromDemo(demo).identityRegister;
const matcher = buildIdentifierMatcher(register.entries);

const INNOCENT = [
  'Chronology - health visiting - v2.docx',
  'Agency record - police.pdf',
  'CR-2026-014 Conversation record - Health visitor 1 - v1.docx',
  'CR-2026-014 Agency record - A&E - ED.pdf',
  'CR-2026-014 KPE analysis - v3.docx',
  'CR-2026-014 Report draft - v12.docx',
  'Child S chronology - merged - final.xlsx',
  'Mother - contact log.xlsx',
  'Father - probation summary.pdf',
  'Maternal grandmother - statement summary.docx',
  'Language and communication assessment.docx',
  'Speech and language therapy referral.pdf',
  'Langley Park children’s centre - attendance.xlsx',
  'Langford Road surgery - GP notes.pdf',
  'Slang used in case notes - practice guidance.docx',
  'Clang of the front door noted by neighbour.docx',
  'Mercers’ Company grant report.pdf',
  'Mercerised cotton supplier invoice.pdf',
  'Commerce and housing benefit letter.pdf',
  'Alder Close tenancy audit - anonymised.docx',
  'Brookside nursery - Ofsted summary.pdf',
  'Nursery transition plan - Child S.docx',
  'St John Ambulance first aid course.pdf',
  'Strategy discussion minutes 2026-08-04.docx',
  'Strategy discussion minutes 04/08/2026.docx',
  'Case group meeting 14 June 2026.docx',
  'Emergency department attendance 21/06/2026.pdf',
  'Visit on 14 May 2025 - health visitor.docx',
  'Birth notification 15/05/2026.pdf',
  'Board meeting May 2026 - actions.xlsx',
  'Health visiting record v3 - 2026.docx',
  'Police attendance 2 August 2026.pdf',
  'Ryanair booking for the panel chair.pdf',
  'Chloe-ise is not a word.docx',
  'Early help assessment - family support worker.docx',
  'Housing options officer - case note.docx',
  'Adult mental health - CPN letter.pdf',
  'Integrated care board - designated nurse report.docx',
  'The baby was seen by the GP at 10:30 and again at 14:15.',
  'The mother said the family had moved from another area during pregnancy.',
  'Practitioners described the language used in the referral as unclear.',
  'Health visitor 1 recorded a bruise on the baby’s left arm.',
  'The review team met on 5 October 2026 to agree the scope.',
  'A strategy discussion was held without health representation.',
  'The father was not living with the family at the time.',
  'Referral rates for bruising in non-mobile babies rose in 2026.',
  'Mrs Langdon, the school business manager, sent the attendance data.',
  'Mr Merchant of the housing team confirmed the tenancy dates.',
]; // Names close to the register on purpose: Lang in Language, Langley, Slang; Mercer in Mercerised.

describe('the demo register: what the guards catch', () => {
  it.each([
    ['SOPHIE LANG visit.docx', 'SOPHIE LANG', 'full name'],
    ['Lang, Sophie - chronology.xlsx', 'Lang, Sophie', 'full name'],
    ['sophie_lang.docx', 'sophie_lang', 'full name'],
    ['notes-SophieLang-v2.docx', 'SophieLang', 'full name'],
    ['sophielangnotes.docx', 'sophielang', 'full name'],
    ['5oph1e L4ng.pdf', '5oph1e L4ng', 'full name'],
    ['Ѕорhіе Lаng.pdf', 'Ѕорhіе Lаng', 'full name'],
    ['ＳＯＰＨＩＥ ＬＡＮＧ.pdf', 'ＳＯＰＨＩＥ ＬＡＮＧ', 'full name'],
    ['Sóphïe Láng.pdf', 'Sóphïe Láng', 'full name'],
    ['S. Lang GP letter.pdf', 'S. Lang', 'initial and surname'],
    ['Letter to Mr Mercer.docx', 'Mr Mercer', 'title and surname'],
    ['Baby Lang discharge summary.pdf', 'Baby Lang', 'title and surname'],
    ['Lang family.docx', 'Lang', 'surname alone'],
    ['ryan.mercer@example.com', 'ryan.mercer', 'full name'],
    ['Visit to Alderbrook Cl.docx', 'Alderbrook Cl', 'identifier'],
    ['St. Wilfrids nursery report.pdf', 'St. Wilfrids nursery', 'identifier'],
    ['Saint Wilfrid’s Nursery.pdf', 'Saint Wilfrid’s Nursery', 'identifier'],
    ['Born 14th May 2026.docx', '14th May 2026', 'date of birth'],
    ['dob 14/5/26.docx', '14/5/26', 'date of birth'],
    ['dob May 14, 2026.docx', 'May 14, 2026', 'date of birth'],
  ])('%j: %j (%s)', (text, found, way) => {
    const hits = matcher.find(text);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.map((h) => [text.slice(h.start, h.end), h.way])).toContainEqual([found, way]);
  });
});

describe('the demo register: innocent artefact names and sentences', () => {
  it('lists at least 40 innocent names and sentences', () => {
    expect(INNOCENT.length).toBeGreaterThanOrEqual(40);
  });

  it.each(INNOCENT)('finds nothing in %j', (text) => {
    expect(matcher.find(text)).toEqual([]);
  });

  it('finds the family’s surname on its own, as the demo register marks it', () => {
    const text = 'Notes from the Lang family home visit.docx';
    const hits = matcher.find(text);
    expect(hits.map((h) => h.way)).toEqual(['surname alone', 'surname alone', 'surname alone']);
    expect(new Set(hits.map((h) => text.slice(h.start, h.end)))).toEqual(new Set(['Lang']));
  });

  it('has no warnings: every entry is long enough to match freely', () => {
    expect(matcher.warnings).toEqual([]);
  });
});

describe('an initial after the surname', () => {
  const sam = buildIdentifierMatcher([
    { id: 'sam', kind: 'person', identifier: 'Sam Smith', replacement: 'Uncle' },
  ]);

  it('is caught in a list ("Smith, S.", "Smith S"), not in a possessive ("Smith’s")', () => {
    expect(sam.find('Attendees: Smith, S. and Smith S').map((h) => h.way)).toEqual([
      'initial and surname',
      'initial and surname',
    ]);
    expect(sam.find("Smith's report and Smith’s letter")).toEqual([]);
  });
});

// ------------------------------------------------------------------ numbers

describe('identifiers made of digits', () => {
  const numbers = buildIdentifierMatcher([
    { id: 'nhs', kind: 'other', identifier: '485 777 3456', replacement: '[NHS number]' },
    { id: 'home', kind: 'street', identifier: '14 Mill Lane', replacement: 'the family home' },
  ]);
  const found = (text: string) => numbers.find(text).map((h) => [h.entryId, text.slice(h.start, h.end)]);

  it('matches a number digit for digit, with any separators or none', () => {
    expect(found('NHS no. 485 777 3456.')).toEqual([['nhs', '485 777 3456']]);
    expect(found('NHS no. 485-777-3456.')).toEqual([['nhs', '485-777-3456']]);
    expect(found('NHS no. 4857773456.')).toEqual([['nhs', '4857773456']]);
    expect(found('Visit to 14 Mill Ln')).toEqual([['home', '14 Mill Ln']]);
  });

  it('does not read letters as the digits of a number, nor match another number', () => {
    expect(found('NHS no. 485 777 3457 and 485 777 34567.')).toEqual([]);
    expect(found('Visit to IA Mill Lane, 41 Mill Lane and 114 Mill Lane')).toEqual([]);
  });
});

// ------------------------------------------------------------------ short entries

describe('short entries', () => {
  const entries: IdentityRegisterEntry[] = [
    { id: 'one', kind: 'other', identifier: 'S', replacement: 'x' },
    { id: 'two', kind: 'person', identifier: 'Jo', replacement: 'Aunt' },
    {
      id: 'nick',
      kind: 'person',
      identifier: 'Alfred Smithson',
      replacement: 'Uncle',
      knownAs: ['Al'],
    },
  ];
  const short = buildIdentifierMatcher(entries);

  it('warns about each short entry by its id and kind, never its text', () => {
    expect(short.warnings.map((w) => w.entryId).sort()).toEqual(['nick', 'one', 'two']);
    for (const w of short.warnings) {
      expect(w.message).not.toMatch(/\bJo\b|\bAl\b|Alfred|Smithson/);
      expect(w.message).toMatch(
        /^An entry of the identity register \((a family member’s name|another identifier)\)/,
      );
    }
  });

  it('never floods: a one-letter entry matches nothing, a two-letter one only as an exact whole word', () => {
    const text =
      'Child S joined the Jobcentre job club; Alanna and Alder Hey also attended. S. Jones, J0 and A1 were absent.';
    expect(short.find(text)).toEqual([]);
    const named = 'Jo and Al visited.';
    expect(short.find(named).map((h) => [h.entryId, named.slice(h.start, h.end)])).toEqual([
      ['two', 'Jo'],
      ['nick', 'Al'],
    ]);
  });
});

// ------------------------------------------------------------------ messages

describe('refusals say the kind, never the identifier', () => {
  it.each([
    ['Sophie Lang notes.docx', 'The file name contains a family member’s name from the identity register.'],
    ['Visit to Alderbrook Cl.docx', 'The file name contains a street or address from the identity register.'],
    [
      'St Wilfrids nursery report.pdf',
      'The file name contains a school or setting from the identity register.',
    ],
    ['Born 14.05.2026.docx', 'The file name contains a date of birth from the identity register.'],
    [
      'S. Lang, born 14/5/26, of Alderbrook Close.docx',
      'The file name contains a family member’s name, a street or address and a date of birth from the identity register.',
    ],
  ])('%j', (text, message) => {
    const refusal = describeIdentifierHits(matcher.find(text), 'The file name');
    expect(refusal).toBe(message);
    for (const entry of register.entries)
      for (const part of entry.identifier.split(/\s+/))
        if (part.length > 2) expect(refusal.toLowerCase()).not.toContain(part.toLowerCase());
  });

  it('for any generated name, says only the kind: the refusal is one fixed sentence', () => {
    fc.assert(
      fc.property(
        personName.chain((p) => fc.tuple(fc.constant(p), writtenName(p), disguiseArb)),
        ([p, [written], { how, mask }]) => {
          const entry = personEntry('person-4', p);
          const hits = buildIdentifierMatcher([entry]).find(`Notes ${disguise(written, how, mask)}.docx`);
          expect(describeIdentifierHits(hits, 'The file name')).toBe(
            'The file name contains a family member’s name from the identity register.',
          );
        },
      ),
      { numRuns: 100 },
    );
  });

  it('redacts log text, leaving the rest', () => {
    expect(matcher.redact('Upload of "SOPHIE_LANG 14-05-2026.docx" failed (409).')).toBe(
      'Upload of "[redacted] [redacted].docx" failed (409).',
    );
    expect(
      matcher.redact('Sophie Lang', (hit) => register.entries.find((e) => e.id === hit.entryId)!.replacement),
    ).toBe('Child S');
  });
});
