import {
  Button,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { patternCategory } from '../../../../core/analysis/typology';
import { isAgreed } from '../../../../core/report';
import { useWordReport } from '../../../data/word-report';
import { useFrame } from '../../../frame/review-context';
import { QueryState } from '../../../shell/QueryState';
import { ScreenHeading } from '../../../shell/ScreenHeading';
import { WordActionStatus } from '../../findings/components/WordActionStatus';
import { useReportSource } from '../../findings/hooks/useReportSource';
import { useWordAction } from '../../findings/hooks/useWordAction';
import { useFindingsStyles } from '../../findings/styles/useFindingsStyles';

/** `/brief`: the Findings in brief table (number, category, title of each agreed finding). */
export default function BriefScreen() {
  const styles = useFindingsStyles();
  const { review } = useFrame();
  const word = useWordReport();
  const source = useReportSource(review.id);
  const action = useWordAction<unknown>();
  const busy = action.running !== undefined;
  return (
    <>
      <ScreenHeading>Findings in brief</ScreenHeading>
      <QueryState query={source} loading="Loading the findings…">
        {(data) => {
          const agreed = data.findings.filter(isAgreed);
          return (
            <div className={styles.root}>
              {word ? (
                <div className={styles.actions}>
                  <Button
                    appearance="primary"
                    disabled={busy}
                    onClick={() =>
                      void action.run(
                        'Inserting the findings in brief',
                        () => word.insertFindingsInBrief(data),
                        () => 'The findings in brief table is in the document.',
                      )
                    }
                  >
                    Insert the table at the cursor
                  </Button>
                  <Button
                    disabled={busy}
                    onClick={() =>
                      void action.run(
                        'Refreshing the report',
                        () => word.refreshAll(data),
                        () =>
                          'Refreshed from the review. Anything edited in the document is flagged on Findings.',
                      )
                    }
                  >
                    Refresh
                  </Button>
                </div>
              ) : (
                <MessageBar intent="info">
                  <MessageBarBody>A preview. Open this pane in Word to insert the table.</MessageBarBody>
                </MessageBar>
              )}
              <WordActionStatus state={action} />
              {agreed.length === 0 ? (
                <Text>No agreed findings yet: the table is empty until the review team agrees one.</Text>
              ) : (
                <Table aria-label="Findings in brief" size="small">
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell>No.</TableHeaderCell>
                      <TableHeaderCell>Category</TableHeaderCell>
                      <TableHeaderCell>Title</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {agreed.map((f) => (
                      <TableRow key={f.id}>
                        <TableCell>{f.number}</TableCell>
                        <TableCell>{patternCategory(f.category).shortLabel}</TableCell>
                        <TableCell className={styles.title}>{f.title}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              )}
            </div>
          );
        }}
      </QueryState>
    </>
  );
}
