import { Button, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { REVIEW_STAGE_LABELS } from '../../../../core/review/stage';
import type { ReviewRecord, Stored } from '../../../../graph/workspace';
import { MergeView, type MergeField } from '../../../shell/MergeView';
import { ProblemMessage } from '../../../shell/Problem';
import { describeProblem } from '../../../shell/problems';
import { formatDay } from '../../../shell/dates';
import { useStageMove } from '../hooks/useStageMove';
import { useDashboardStyles } from '../styles/useDashboardStyles';

const text = (
  get: (r: ReviewRecord) => string | undefined,
  set: (r: ReviewRecord, v: ReviewRecord) => ReviewRecord,
) => ({ show: (r: ReviewRecord) => get(r) ?? '', take: set });

/** The review record's fields, for the merge view when two people save it at once. */
export const REVIEW_RECORD_FIELDS: MergeField<ReviewRecord>[] = [
  {
    key: 'stage',
    label: 'Stage',
    ...text(
      (r) => REVIEW_STAGE_LABELS[r.review.stage],
      (into, from) => ({ ...into, review: { ...into.review, stage: from.review.stage } }),
    ),
  },
  {
    key: 'title',
    label: 'Title (pseudonym)',
    ...text(
      (r) => r.review.title,
      (into, from) => ({ ...into, review: { ...into.review, title: from.review.title } }),
    ),
  },
  {
    key: 'decisionDate',
    label: 'Decision date',
    ...text(
      (r) => (r.review.decisionDate ? formatDay(r.review.decisionDate) : undefined),
      (into, from) => ({ ...into, review: { ...into.review, decisionDate: from.review.decisionDate } }),
    ),
  },
  {
    key: 'researchQuestions',
    label: 'Research questions',
    ...text(
      (r) => r.review.researchQuestions.join('\n'),
      (into, from) => ({
        ...into,
        review: { ...into.review, researchQuestions: from.review.researchQuestions },
      }),
    ),
    both: (into, mine, theirs) => ({
      ...into,
      review: {
        ...into.review,
        researchQuestions: [
          ...theirs.review.researchQuestions,
          ...mine.review.researchQuestions.filter((q) => !theirs.review.researchQuestions.includes(q)),
        ],
      },
    }),
  },
];

/** The stage, what to do in it, and the moves the method allows from it. */
export function StageCard({
  reviewId,
  record,
  stageLabel,
  nextSteps,
  moves,
}: {
  reviewId: string;
  record: Stored<ReviewRecord>;
  stageLabel: string;
  nextSteps: readonly string[];
  moves: { to: (typeof record.value.review)['stage']; label: string }[];
}) {
  const styles = useDashboardStyles();
  const move = useStageMove(reviewId, record);
  return (
    <section className={styles.card} aria-labelledby="stage-heading">
      <Text as="h3" size={500} weight="semibold" id="stage-heading" className={styles.heading}>
        Stage: {stageLabel}
      </Text>
      <Text as="p" weight="semibold" className={styles.heading}>
        Next steps
      </Text>
      <ul className={styles.list}>
        {nextSteps.map((step) => (
          <li key={step}>
            <Text>{step}</Text>
          </li>
        ))}
      </ul>
      {moves.length > 0 ? (
        <div className={styles.actions}>
          {moves.map((m) => (
            <Button
              key={m.to}
              appearance={moves[0]?.to === m.to ? 'primary' : 'secondary'}
              disabled={move.saving}
              onClick={() => move.moveTo(m.to)}
            >
              {move.saving ? 'Saving…' : `Move to ${m.label}`}
            </Button>
          ))}
        </div>
      ) : null}
      <div aria-live="polite">
        {move.refusal ? (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{move.refusal}</MessageBarBody>
          </MessageBar>
        ) : null}
        {move.error ? <ProblemMessage problem={describeProblem(move.error)} /> : null}
      </div>
      {move.conflict ? (
        <MergeView
          title="Someone else changed the review record"
          mine={move.conflict.mine}
          theirs={move.conflict.theirs?.value}
          fields={REVIEW_RECORD_FIELDS}
          saving={move.saving}
          onSave={move.saveMerged}
          onKeepTheirs={() => void move.keepTheirs()}
        />
      ) : null}
    </section>
  );
}
