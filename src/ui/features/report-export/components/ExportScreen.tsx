import {
  Button,
  Checkbox,
  Link,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { patternCategory } from '../../../../core/analysis/typology';
import { isAgreed, type ReportSource } from '../../../../core/report';
import { useFrame } from '../../../frame/review-context';
import { ProblemMessage } from '../../../shell/Problem';
import { describeProblem } from '../../../shell/problems';
import { QueryState } from '../../../shell/QueryState';
import { ScreenHeading } from '../../../shell/ScreenHeading';
import { useReportSource } from '../../findings/hooks/useReportSource';
import { download, useSaveExport } from '../hooks/useReportExport';
import { useReportExporter } from '../../../data/word-report';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, overflowWrap: 'anywhere' },
  detail: { color: tokens.colorNeutralForeground3 },
});

/** The findings and the findings in brief as a Word document: downloaded, or saved to the library. */
export default function ExportScreen() {
  const { review } = useFrame();
  const source = useReportSource(review.id);
  return (
    <>
      <ScreenHeading>Export the findings</ScreenHeading>
      <QueryState query={source} loading="Loading the findings…">
        {(data) => <Export source={data} reviewId={review.id} referenceCode={review.reference} />}
      </QueryState>
    </>
  );
}

function Export({
  source,
  reviewId,
  referenceCode,
}: {
  source: ReportSource;
  reviewId: string;
  referenceCode: string;
}) {
  const styles = useStyles();
  const [includeDrafts, setIncludeDrafts] = useState(false);
  const [downloadProblem, setDownloadProblem] = useState<unknown>(null);
  const [building, setBuilding] = useState(false);
  const save = useSaveExport(reviewId, referenceCode);
  const exporter = useReportExporter();
  const included = source.findings.filter((f) => includeDrafts || isAgreed(f));
  const onDownload = async () => {
    setBuilding(true);
    setDownloadProblem(null);
    try {
      const { bytes, fileName } = await exporter.build(source, { referenceCode, includeDrafts });
      download(bytes, fileName);
    } catch (error: unknown) {
      setDownloadProblem(error);
    } finally {
      setBuilding(false);
    }
  };
  return (
    <div className={styles.root}>
      <Text>
        A Word document with the findings in brief and each finding in the report&apos;s structure, which the
        add-in in Word keeps current.
      </Text>
      <Checkbox
        label="Include findings not yet agreed (a draft for discussion)"
        checked={includeDrafts}
        onChange={(_e, d) => setIncludeDrafts(d.checked === true)}
      />
      <section aria-label="What the document holds">
        {included.length === 0 ? (
          <Text>No agreed findings yet: the document holds an empty findings in brief table.</Text>
        ) : (
          <ol className={styles.list}>
            {included.map((f) => (
              <li key={f.id}>
                <Text>
                  Finding {f.number}: {f.title}
                </Text>{' '}
                <Text className={styles.detail}>· {patternCategory(f.category).shortLabel}</Text>
              </li>
            ))}
          </ol>
        )}
      </section>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={building} onClick={() => void onDownload()}>
          Download the Word document
        </Button>
        <Button disabled={save.isPending} onClick={() => save.mutate({ source, includeDrafts })}>
          {save.isPending ? 'Saving…' : "Save to the review's library"}
        </Button>
      </div>
      {downloadProblem !== null && <ProblemMessage problem={describeProblem(downloadProblem)} />}
      {save.error && <ProblemMessage problem={describeProblem(save.error)} />}
      {save.data && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>
            Saved to the review&apos;s library as{' '}
            {save.data.webUrl ? (
              <Link href={save.data.webUrl} target="_blank" rel="noreferrer">
                {save.data.name}
              </Link>
            ) : (
              save.data.name
            )}
            .
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
