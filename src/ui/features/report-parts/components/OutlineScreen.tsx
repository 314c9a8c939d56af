import { Button, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { composeReportOutline } from '../../../../core/report';
import { useWordReport } from '../../../data/word-report';
import { ScreenHeading } from '../../../shell/ScreenHeading';
import { useListStyles } from '../../../shell/styles/useListStyles';
import { WordActionStatus } from '../../findings/components/WordActionStatus';
import { useWordAction } from '../../findings/hooks/useWordAction';
import { useFindingsStyles } from '../../findings/styles/useFindingsStyles';

/** `/outline`: the overview report's standard headings, put into an empty document. */
export default function OutlineScreen() {
  const styles = useFindingsStyles();
  const list = useListStyles();
  const word = useWordReport();
  const action = useWordAction<unknown>();
  const headings = composeReportOutline().flatMap((b) => (b.kind === 'heading' ? [b] : []));
  return (
    <>
      <ScreenHeading>Report outline</ScreenHeading>
      <div className={styles.root}>
        {word ? (
          <div className={styles.actions}>
            <Button
              appearance="primary"
              disabled={action.running !== undefined}
              onClick={() =>
                void action.run(
                  'Inserting the outline',
                  () => word.insertOutline(),
                  () => 'The outline is in the document.',
                )
              }
            >
              Insert the outline
            </Button>
          </div>
        ) : (
          <MessageBar intent="info">
            <MessageBarBody>
              A preview. Open this pane in Word, in an empty document, to insert the outline.
            </MessageBarBody>
          </MessageBar>
        )}
        <WordActionStatus state={action} />
        <ol className={list.plain} aria-label="The outline's headings">
          {headings.map((h, i) => (
            <li key={i} style={{ paddingInlineStart: `${(h.level - 1) * 16}px` }}>
              <Text weight={h.level === 1 ? 'semibold' : 'regular'}>{h.text}</Text>
            </li>
          ))}
        </ol>
      </div>
    </>
  );
}
