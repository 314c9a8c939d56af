/**
 * Reads the shape of the fictional demo review (shared/demo/child-s-review.json) into the domain
 * model and, separately, its identity register. Family real names (with their parts: given names,
 * family name, known-as names, which parts identify on their own) and other identifiers go into the
 * register only. The caller reads the file; this function only parses.
 *
 * What the file leaves unsaid: the review is at the findings stage; its findings are drafts; a
 * conversation, its record agreed, exists for each practitioner a finding cites; every factor a key
 * practice episode cites is added to the default framework as the partnership's own extension.
 */
import { z } from 'zod';
import {
  addContributoryFactor,
  addFactorGroup,
  DEFAULT_CONTRIBUTORY_FACTORS,
  hasContributoryFactor,
  type ContributoryFactorFramework,
} from '../analysis/contributory-factors';
import { DomainError, parseOrThrow } from '../errors';
import { IdentityRegister } from '../model/identity-register';
import { keysOf } from '../model/common';
import { METHOD_VARIANT_LABELS } from '../model/review';
import { ReviewWorkspace } from '../model/workspace';
import { sameText } from '../phrasing';

const text = z.string();
const rows = z.array(z.looseObject({}));

/**
 * Only what this function reads or reshapes; every other field passes through to the domain
 * schemas, which check it.
 */
const DemoFile = z.object({
  review: z.looseObject({ referenceCode: text, method: text }),
  leadReviewers: rows,
  reviewTeam: rows,
  caseGroup: z.array(z.looseObject({ label: text })),
  family: z.array(
    z.object({
      pseudonym: text,
      relationship: text,
      realName: text,
      // The register's name parts; the identity register's schema checks them.
      givenNames: z.unknown().optional(),
      familyName: z.unknown().optional(),
      knownAs: z.unknown().optional(),
      identifyingAlone: z.unknown().optional(),
    }),
  ),
  otherIdentifiers: z.array(z.object({ kind: text, value: text, replaceWith: text })),
  keyPracticeEpisodes: z.array(
    z.looseObject({ number: z.number(), factors: z.array(z.tuple([text, text])) }),
  ),
  findings: z.array(
    z.looseObject({
      number: z.number(),
      evidence: z.object({ kpes: z.array(z.number()), conversations: z.array(text) }),
    }),
  ),
});

const withIds = <T extends object>(prefix: string, items: readonly T[]) =>
  items.map((item, index) => ({ id: `${prefix}-${index + 1}`, ...item }));

const conversationId = (memberId: string) => `conversation-with-${memberId}`;

function extendFramework(
  framework: ContributoryFactorFramework,
  [group, factor]: readonly [string, string],
): ContributoryFactorFramework {
  if (hasContributoryFactor(framework, { group, factor })) return framework;
  const withGroup = framework.some((g) => sameText(g.label, group))
    ? framework
    : addFactorGroup(framework, group);
  return addContributoryFactor(withGroup, { group, factor });
}

export function reviewFromDemo(json: unknown): {
  workspace: ReviewWorkspace;
  identityRegister: IdentityRegister;
} {
  const demo = parseOrThrow(DemoFile, json, 'The demo review file');
  const { method, ...review } = demo.review;
  const caseGroup = withIds('case-group', demo.caseGroup);

  const memberLabelled = (label: string): string => {
    const member = caseGroup.find((m) => sameText(m.label, label));
    if (!member)
      throw new DomainError(`The demo cites a conversation with "${label}", who is not in the case group.`);
    return member.id;
  };
  const interviewed = [
    ...new Set(demo.findings.flatMap((f) => f.evidence.conversations.map(memberLabelled))),
  ];

  const workspace = parseOrThrow(
    ReviewWorkspace,
    {
      review: {
        ...review,
        method: keysOf(METHOD_VARIANT_LABELS).find((key) => METHOD_VARIANT_LABELS[key] === method) ?? method,
        stage: 'findings',
      },
      leadReviewers: withIds('lead-reviewer', demo.leadReviewers),
      reviewTeam: withIds('review-team', demo.reviewTeam),
      caseGroup,
      family: withIds(
        'family',
        demo.family.map(({ pseudonym, relationship }) => ({ pseudonym, relationship })),
      ),
      conversations: interviewed.map((memberId) => ({
        id: conversationId(memberId),
        participant: memberId,
        status: 'record-agreed',
      })),
      keyPracticeEpisodes: demo.keyPracticeEpisodes.map(({ factors, ...episode }) => ({
        ...episode,
        id: `kpe-${episode.number}`,
        factors: factors.map(([group, factor]) => ({ group, factor })),
      })),
      findings: demo.findings.map(({ evidence, ...finding }) => ({
        ...finding,
        id: `finding-${finding.number}`,
        evidence: {
          keyPracticeEpisodes: evidence.kpes.map((n) => `kpe-${n}`),
          conversations: evidence.conversations.map((label) => conversationId(memberLabelled(label))),
        },
      })),
      contributoryFactors: demo.keyPracticeEpisodes
        .flatMap((episode) => episode.factors)
        .reduce(extendFramework, DEFAULT_CONTRIBUTORY_FACTORS),
    },
    'The demo review',
  );

  const identityRegister = parseOrThrow(
    IdentityRegister,
    {
      referenceCode: demo.review.referenceCode,
      entries: withIds('identity', [
        ...demo.family.map(({ realName, pseudonym, givenNames, familyName, knownAs, identifyingAlone }) => ({
          kind: 'person',
          identifier: realName,
          replacement: pseudonym,
          givenNames,
          familyName,
          knownAs,
          identifyingAlone,
        })),
        ...demo.otherIdentifiers.map((other) => ({
          kind: other.kind,
          identifier: other.value,
          replacement: other.replaceWith,
        })),
      ]),
    },
    'The demo identity register',
  );

  return { workspace, identityRegister };
}
