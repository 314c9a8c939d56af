import {
  Button,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  mergeClasses,
} from '@fluentui/react-components';
import { patternCategory } from '../../../../core/analysis/typology';
import { FINDING_STATUS_LABELS, type Finding } from '../../../../core/model/finding';
import { isAgreed, type ReportSource } from '../../../../core/report';
import type { BlockReport, EditedChoice, RefreshReport, WordReportGateway } from '../../../../word/gateway';
import type { Stored } from '../../../../graph/workspace';
import { useReviewList } from '../../../data/review-queries';
import { useWordReport } from '../../../data/word-report';
import { MergeView, type MergeField } from '../../../shell/MergeView';
import { ProblemMessage } from '../../../shell/Problem';
import { describeProblem } from '../../../shell/problems';
import { useMarkInReport } from '../hooks/useMarkInReport';
import { useFrame } from '../../../frame/review-context';
import { tabDeepLink } from '../../../frame/deep-links';
import { QueryState } from '../../../shell/QueryState';
import { ScreenHeading } from '../../../shell/ScreenHeading';
import { useReportSource } from '../hooks/useReportSource';
import { useWordAction } from '../hooks/useWordAction';
import { useListStyles } from '../../../shell/styles/useListStyles';
import { useFindingsStyles } from '../styles/useFindingsStyles';
import { WordActionStatus } from './WordActionStatus';

const count = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

const CHOICES: { choice: EditedChoice; label: string }[] = [
  { choice: 'keep-document', label: "Keep the document's" },
  { choice: 'take-review', label: "Take the review's" },
  { choice: 'insert-beneath', label: "Insert the review's beneath" },
];

const refreshSummary = (report: RefreshReport): string => {
  const updated = report.blocks.filter((b) => b.state === 'updated').length;
  const flagged = report.blocks.filter((b) =>
    ['edited', 'duplicated', 'deleted-from-review', 'no-longer-agreed'].includes(b.state),
  ).length;
  return [
    `Refreshed: ${count(updated, 'block')} updated`,
    flagged > 0 ? `${count(flagged, 'block')} flagged in the document` : '',
    report.orderDiffers ? 'the findings stand in another order than the review’s: move them by hand' : '',
  ]
    .filter(Boolean)
    .join('; ')
    .concat('.');
};

const insertSummary = (r: { inserted: string[]; alreadyInDocument: string[] }): string =>
  r.alreadyInDocument.length > 0
    ? `Inserted ${count(r.inserted.length, 'finding')}; ${count(r.alreadyInDocument.length, 'finding was', 'findings were')} already in the document.`
    : `Inserted ${count(r.inserted.length, 'finding')}.`;

/** The review's findings in the task pane: insert and refresh them in Word, or preview them outside. */
export default function FindingsScreen() {
  const styles = useFindingsStyles();
  const { review } = useFrame();
  const word = useWordReport();
  const source = useReportSource(review.id);
  return (
    <>
      <ScreenHeading>Findings</ScreenHeading>
      {!word && (
        <MessageBar intent="info">
          <MessageBarBody>
            <MessageBarTitle>A preview.</MessageBarTitle> Open this pane in Word to put the findings into the
            report; here you can export them as a Word document.
          </MessageBarBody>
        </MessageBar>
      )}
      <QueryState
        query={source}
        loading="Loading the findings…"
        isEmpty={(s) => s.findings.length === 0}
        empty={{ title: 'No findings yet.', detail: 'The lead reviewers draft the findings in the review.' }}
      >
        {(data) => <FindingsList reviewId={review.id} source={data} word={word} className={styles.root} />}
      </QueryState>
    </>
  );
}

const MERGE_FIELDS: MergeField<Finding>[] = [
  {
    key: 'status',
    label: 'Status',
    show: (f) => FINDING_STATUS_LABELS[f.status],
    take: (into, from) => ({ ...into, status: from.status }),
  },
  {
    key: 'title',
    label: 'Title',
    show: (f) => f.title,
    take: (into, from) => ({ ...into, title: from.title }),
  },
];

function FindingsList({
  reviewId,
  source,
  word,
  className,
}: {
  reviewId: string;
  source: ReportSource;
  word: WordReportGateway | null;
  className: string;
}) {
  const styles = useFindingsStyles();
  const list = useListStyles();
  const action = useWordAction<unknown>();
  const entries = useReviewList(reviewId, 'findingEntries');
  const status = useMarkInReport(reviewId);
  /** After an insert: the inserted findings (by number, as their controls are titled) move to "in the report". */
  const markInserted = (numbers: readonly number[]) => {
    const inserted = (entries.data ?? []).filter((e: Stored<Finding>) => numbers.includes(e.value.number));
    if (inserted.length > 0) status.mark.mutate(inserted);
  };
  if (status.conflict) {
    const conflict = status.conflict;
    return (
      <MergeView
        title={`Someone else changed finding ${conflict.mine.number}`}
        mine={conflict.mine}
        theirs={conflict.theirs?.value}
        fields={MERGE_FIELDS}
        saving={status.save.isPending}
        onSave={(merged) => status.save.mutate({ base: conflict.theirs ?? conflict.base, next: merged })}
        onKeepTheirs={status.clearConflict}
      />
    );
  }
  const refresh = action.result as RefreshReport | undefined;
  const edited: BlockReport[] =
    refresh && 'blocks' in refresh ? refresh.blocks.filter((b) => b.state === 'edited') : [];
  const agreed = source.findings.filter(isAgreed).length;
  const busy = action.running !== undefined;
  return (
    <div className={className}>
      <Text>
        {count(source.findings.length, 'finding')}, {agreed.toLocaleString('en-GB')} agreed.
      </Text>
      {word && (
        <div className={styles.actions}>
          <Button
            appearance="primary"
            disabled={busy || agreed === 0}
            onClick={() =>
              void action.run('Inserting the agreed findings', () => word.insertAll(source), insertSummary)
            }
          >
            Insert all agreed
          </Button>
          <Button
            disabled={busy}
            onClick={() =>
              void action.run('Refreshing the findings', () => word.refreshAll(source), refreshSummary)
            }
          >
            Refresh all
          </Button>
        </div>
      )}
      <WordActionStatus state={action} />
      {status.mark.error && <ProblemMessage problem={describeProblem(status.mark.error)} />}
      {word && edited.length > 0 && (
        <section aria-label="Edited in the document">
          <ul className={list.plain}>
            {edited.map((block) => (
              <li key={block.tag} className={mergeClasses(list.card, list.cardTight)}>
                <Text weight="semibold">{block.label}: edited in the document</Text>
                <Text className={styles.detail}>
                  {block.reviewChanged ? 'The review has changed too.' : 'The review has not changed since.'}
                </Text>
                <div className={styles.choices}>
                  {CHOICES.map(({ choice, label }) => (
                    <Button
                      key={choice}
                      size="small"
                      disabled={busy}
                      onClick={() =>
                        void action.run(
                          `${label}: ${block.label}`,
                          () => word.resolveEdited(source, block.tag, choice),
                          () => `${block.label}: done.`,
                        )
                      }
                    >
                      {label}
                    </Button>
                  ))}
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
      <ul className={list.plain} aria-label="The review's findings">
        {source.findings.map((finding) => (
          <li key={finding.id} className={mergeClasses(list.card, list.cardTight)}>
            <Text as="h3" size={400} weight="semibold" className={styles.title}>
              Finding {finding.number}: {finding.title}
            </Text>
            <Text className={styles.detail}>{patternCategory(finding.category).shortLabel}</Text>
            <Text>Status: {FINDING_STATUS_LABELS[finding.status]}</Text>
            <span>
              <Link
                href={tabDeepLink(`/findings/${encodeURIComponent(finding.id)}`)}
                target="_blank"
                rel="noopener"
                aria-label={`Open in the review's tab: finding ${finding.number} (opens a new window)`}
              >
                Open in the review&apos;s tab
              </Link>
            </span>
            {word && isAgreed(finding) && (
              <div>
                <Button
                  size="small"
                  disabled={busy}
                  aria-label={`Insert finding ${finding.number} at the cursor`}
                  onClick={() =>
                    void action.run(
                      `Inserting finding ${finding.number}`,
                      async () => {
                        const result = await word.insertFinding(source, finding.id);
                        markInserted([finding.number]);
                        return result;
                      },
                      () => `Finding ${finding.number} is in the document.`,
                    )
                  }
                >
                  Insert at the cursor
                </Button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
