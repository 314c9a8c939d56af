import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { AnonymityHit, AnonymityReport, WordAnonymityGateway } from '../../../../word/gateway';
import { useGateways } from '../../../data/gateways';
import { useRegisterVisibility } from '../../../data/review-queries';
import { useWordAnonymity } from '../../../data/word-report';
import { useFrame } from '../../../frame/review-context';
import { QueryState } from '../../../shell/QueryState';
import { ScreenHeading } from '../../../shell/ScreenHeading';
import { useListStyles } from '../../../shell/styles/useListStyles';
import { WordActionStatus } from '../../findings/components/WordActionStatus';
import { useWordAction } from '../../findings/hooks/useWordAction';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  hit: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: 'anywhere',
  },
  where: { color: tokens.colorNeutralForeground3 },
  found: { fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorPaletteYellowBackground2 },
});

type CheckResult = AnonymityReport & { warnings: readonly string[] };

/**
 * `/anonymity`: every identifier of the identity register found in the open document, in context;
 * go to one, or replace all with the pseudonym or role label. Only the register's channel's
 * members can run it; everyone else is told who can.
 */
export default function AnonymityScreen() {
  const { review } = useFrame();
  const visibility = useRegisterVisibility(review.id);
  const anonymity = useWordAnonymity();
  return (
    <>
      <ScreenHeading>Anonymity check</ScreenHeading>
      <QueryState query={visibility} loading="Checking who can run the anonymity check…">
        {(v) =>
          v.state !== 'member' ? (
            <MessageBar intent="warning" layout="multiline" role="status">
              <MessageBarBody>
                <MessageBarTitle>
                  Only the identity register&apos;s members can run the anonymity check.
                </MessageBarTitle>{' '}
                {v.message}
              </MessageBarBody>
            </MessageBar>
          ) : anonymity ? (
            <Check reviewId={review.id} anonymity={anonymity} />
          ) : (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>
                The anonymity check reads the document open in Word. Open this pane in Word to check the
                report.
              </MessageBarBody>
            </MessageBar>
          )
        }
      </QueryState>
    </>
  );
}

function Check({ reviewId, anonymity }: { reviewId: string; anonymity: WordAnonymityGateway }) {
  const styles = useStyles();
  const list = useListStyles();
  const { workspace } = useGateways();
  const action = useWordAction<unknown>();
  // The register's entries are read for each check and never kept in the query cache.
  const [report, setReport] = useState<CheckResult | null>(null);
  const busy = action.running !== undefined;
  const runCheck = () =>
    void action
      .run(
        'Checking the document',
        async () => anonymity.check(await workspace.identityRegisterEntries(reviewId)),
        (r: CheckResult) => r.summary,
      )
      .then((r) => r && setReport(r as CheckResult));
  const replaceAll = (hits: readonly AnonymityHit[]) =>
    void action
      .run(
        'Replacing the identifiers',
        () => anonymity.replaceAll(hits),
        (r: { replaced: number }) =>
          `Replaced ${r.replaced.toLocaleString('en-GB')}. Check again to be sure.`,
      )
      .then((r) => r && setReport(null));
  return (
    <div className={styles.root}>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy} onClick={runCheck}>
          Check the document
        </Button>
        {report && report.hits.length > 0 && (
          <Button disabled={busy} onClick={() => replaceAll(report.hits)}>
            Replace all with the pseudonyms
          </Button>
        )}
      </div>
      <WordActionStatus state={action} />
      {report && report.notSearched.length > 0 && <Text>Not searched: {report.notSearched.join('; ')}.</Text>}
      {report?.warnings.map((w) => (
        <Text key={w}>{w}</Text>
      ))}
      {report && report.hits.length > 0 && (
        <ul className={list.plain} aria-label="Identifiers found">
          {report.hits.map((hit, i) => (
            <li key={`${hit.where}-${hit.text}-${hit.occurrence}-${i}`} className={styles.hit}>
              <Text className={styles.where}>{hit.where}</Text>
              <Text>
                …{hit.before}
                <mark className={styles.found}>{hit.text}</mark>
                {hit.after}…
              </Text>
              <Text>Becomes: {hit.replacement}</Text>
              <div>
                <Button size="small" disabled={busy} onClick={() => void anonymity.goTo(hit)}>
                  Go to it
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
