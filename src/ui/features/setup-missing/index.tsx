import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { ScreenHeading } from '../../shell/ScreenHeading';

/** `/setup` in a build without the set-up screen. */
export default function SetupMissing() {
  return (
    <>
      <ScreenHeading>Set up the review</ScreenHeading>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          Setting up a review from here is not available in this version. A lead reviewer can record the
          review in its site&apos;s Review list.
        </MessageBarBody>
      </MessageBar>
    </>
  );
}
