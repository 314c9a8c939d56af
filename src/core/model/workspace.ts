/**
 * Everything the review team works on for one review, with the partnership's configuration it uses,
 * and the checks that every reference inside it points at something that exists.
 * The identity register is deliberately not part of it.
 */
import { z } from 'zod';
import {
  ContributoryFactorFramework,
  DEFAULT_CONTRIBUTORY_FACTORS,
  hasContributoryFactor,
} from '../analysis/contributory-factors';
import { BoardAction } from './board-action';
import { Conversation } from './conversation';
import { DEFAULT_FINDING_HEADINGS, Finding, FindingHeadings } from './finding';
import { KeyPracticeEpisode } from './key-practice-episode';
import { CaseGroupMember, FamilyMember, LeadReviewer, PanelMember, ReviewTeamMember } from './people';
import { Review } from './review';
import { DEFAULT_HINDSIGHT_PROMPTS, HindsightPrompts } from './review-settings';

export const ReviewWorkspace = z
  .object({
    review: Review,
    leadReviewers: z.array(LeadReviewer).default([]),
    reviewTeam: z.array(ReviewTeamMember).default([]),
    caseGroup: z.array(CaseGroupMember).default([]),
    family: z.array(FamilyMember).default([]),
    /** The panel who read the review's files in SharePoint (shared by name, read-only). */
    panel: z.array(PanelMember).default([]).optional(),
    conversations: z.array(Conversation).default([]),
    keyPracticeEpisodes: z.array(KeyPracticeEpisode).default([]),
    findings: z.array(Finding).default([]),
    boardActions: z.array(BoardAction).default([]),
    contributoryFactors: ContributoryFactorFramework.default(DEFAULT_CONTRIBUTORY_FACTORS),
    findingHeadings: FindingHeadings.default(DEFAULT_FINDING_HEADINGS),
    /** Always filled when parsed; optional in the type for workspaces written in code before prompts existed. */
    hindsightPrompts: HindsightPrompts.default([...DEFAULT_HINDSIGHT_PROMPTS]).optional(),
  })
  .superRefine((workspace, ctx) => {
    const ids = (items: readonly { id: string }[]) => new Set(items.map((item) => item.id));
    const caseGroup = ids(workspace.caseGroup);
    const reviewers = ids([...workspace.leadReviewers, ...workspace.reviewTeam]);
    const conversations = ids(workspace.conversations);
    const episodes = ids(workspace.keyPracticeEpisodes);
    const findings = ids(workspace.findings);

    const report = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const checkRefs = (known: Set<string>, refs: readonly string[], path: PropertyKey[], message: string) =>
      refs.forEach((ref, index) => {
        if (!known.has(ref)) report([...path, index], message);
      });
    const uniqueNumbers = (items: readonly { number: number }[], key: string, what: string) =>
      items.forEach((item, index) => {
        if (items.findIndex((other) => other.number === item.number) < index)
          report([key, index, 'number'], `Two ${what} are numbered ${item.number}.`);
      });

    workspace.conversations.forEach((conversation, i) => {
      if (!caseGroup.has(conversation.participant))
        report(
          ['conversations', i, 'participant'],
          'A conversation is with someone who is not in the case group.',
        );
      checkRefs(
        reviewers,
        conversation.reviewers,
        ['conversations', i, 'reviewers'],
        'A conversation names a reviewer who is neither a lead reviewer nor on the review team.',
      );
    });

    uniqueNumbers(workspace.keyPracticeEpisodes, 'keyPracticeEpisodes', 'key practice episodes');
    workspace.keyPracticeEpisodes.forEach((episode, i) => {
      const about = `Key practice episode ${episode.number}`;
      checkRefs(
        caseGroup,
        episode.people,
        ['keyPracticeEpisodes', i, 'people'],
        `${about} names someone who is not in the case group.`,
      );
      checkRefs(
        conversations,
        episode.evidence.conversations,
        ['keyPracticeEpisodes', i, 'evidence', 'conversations'],
        `${about} cites a conversation that is not in this review.`,
      );
      episode.factors.forEach((factor, j) => {
        if (!hasContributoryFactor(workspace.contributoryFactors, factor))
          report(
            ['keyPracticeEpisodes', i, 'factors', j],
            `${about} cites "${factor.group}: ${factor.factor}", which is not in the partnership's contributory factors.`,
          );
      });
    });

    uniqueNumbers(workspace.findings, 'findings', 'findings');
    workspace.findings.forEach((finding, i) => {
      const about = `Finding ${finding.number}`;
      checkRefs(
        episodes,
        finding.evidence.keyPracticeEpisodes,
        ['findings', i, 'evidence', 'keyPracticeEpisodes'],
        `${about} cites a key practice episode that is not in this review.`,
      );
      checkRefs(
        conversations,
        finding.evidence.conversations,
        ['findings', i, 'evidence', 'conversations'],
        `${about} cites a conversation that is not in this review.`,
      );
    });

    workspace.boardActions.forEach((action, i) => {
      if (!findings.has(action.finding))
        report(
          ['boardActions', i, 'finding'],
          'A Board action responds to a finding that is not in this review.',
        );
    });
  });
export type ReviewWorkspace = z.infer<typeof ReviewWorkspace>;
