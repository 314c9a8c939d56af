/** Small valid domain objects for tests; pass only what a test is about. */
import type {
  BoardAction,
  CaseGroupMember,
  Conversation,
  Finding,
  KeyPracticeEpisode,
  Review,
  ReviewWorkspace,
} from '../../src/core';
import type { z } from 'zod';
import type { FieldIssue } from '../../src/core';
import {
  DEFAULT_CONTRIBUTORY_FACTORS,
  DEFAULT_FINDING_HEADINGS,
  parseOrThrow,
  ValidationError,
} from '../../src/core';

export const aReview = (over: Partial<Review> = {}): Review => ({
  referenceCode: 'CR-2026-014',
  title: 'Child S',
  kind: 'LCSPR',
  method: 'full',
  stage: 'referral',
  incidentNotified: '2026-09-07',
  periodUnderReview: { start: '2025-03-01', end: '2026-09-04' },
  researchQuestions: [],
  agencies: ["Children's social care", 'Police'],
  ...over,
});

export const aCaseGroupMember = (over: Partial<CaseGroupMember> = {}): CaseGroupMember => ({
  id: 'cg-1',
  label: 'Social worker 1',
  name: 'Jade Whitcombe',
  agency: "Children's social care",
  role: 'Social worker',
  organisation: 'internal',
  ...over,
});

export const aConversation = (over: Partial<Conversation> = {}): Conversation => ({
  id: 'conv-1',
  participant: 'cg-1',
  reviewers: [],
  status: 'proposed',
  ...over,
});

export const aKeyPracticeEpisode = (over: Partial<KeyPracticeEpisode> = {}): KeyPracticeEpisode => ({
  id: 'kpe-1',
  number: 1,
  title: 'First visit to the emergency department with a bruise',
  period: { start: '2026-06-21', end: '2026-06-21' },
  description: 'A baby was brought in with a small bruise to the cheek.',
  agencies: ['Acute hospital (emergency department)'],
  people: [],
  valence: 'problematic',
  appraisal: '',
  explanation: '',
  factors: [{ group: 'Personal', factor: 'Fatigue' }],
  evidence: { conversations: [], artefacts: [] },
  ...over,
});

export const aFinding = (over: Partial<Finding> = {}): Finding => ({
  id: 'finding-1',
  number: 1,
  title: 'Strategy discussions are regularly held without health information.',
  category: 'management-systems',
  kind: 'unsafe',
  status: 'draft',
  featuredInCase: 'The strategy discussion did not know of the emergency department visit (KPE 1).',
  notPeculiar: 'Health attended 38% of strategy discussions in the last quarter.',
  whyItMatters: 'Decisions are only as good as the information in the room.',
  boardIssues: ['How will partners make health information available to every strategy discussion?'],
  evidence: { keyPracticeEpisodes: ['kpe-1'], conversations: [], artefacts: [] },
  ...over,
});

export const aBoardAction = (over: Partial<BoardAction> = {}): BoardAction => ({
  id: 'action-1',
  finding: 'finding-1',
  owningAgency: 'Integrated care board',
  description: 'Fund a health liaison post to join strategy discussions at short notice.',
  dueDate: '2027-06-30',
  status: 'open',
  ...over,
});

export const aWorkspace = (over: Partial<ReviewWorkspace> = {}): ReviewWorkspace => ({
  review: aReview(),
  leadReviewers: [{ id: 'lead-1', name: 'Ruth Okonkwo-Hale', role: 'Lead reviewer' }],
  reviewTeam: [],
  caseGroup: [aCaseGroupMember()],
  family: [{ id: 'family-1', pseudonym: 'Child S', relationship: 'subject child' }],
  conversations: [aConversation({ reviewers: ['lead-1'] })],
  keyPracticeEpisodes: [aKeyPracticeEpisode()],
  findings: [aFinding()],
  boardActions: [aBoardAction()],
  contributoryFactors: DEFAULT_CONTRIBUTORY_FACTORS,
  findingHeadings: DEFAULT_FINDING_HEADINGS,
  ...over,
});

/** The field-level problems parseOrThrow reports for `input` ([] when it is valid). */
export function issuesOf(schema: z.ZodType, input: unknown): FieldIssue[] {
  try {
    parseOrThrow(schema, input, 'The input');
    return [];
  } catch (error) {
    if (error instanceof ValidationError) return [...error.issues];
    throw error;
  }
}
