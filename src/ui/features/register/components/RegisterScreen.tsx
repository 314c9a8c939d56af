import { Badge, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { LockClosedRegular } from '@fluentui/react-icons';
import { useRegisterVisibility } from '../../../data/review-queries';
import { useFrame } from '../../../frame/review-context';
import { QueryState } from '../../../shell/QueryState';
import { ScreenHeading } from '../../../shell/ScreenHeading';

const names = new Intl.ListFormat('en-GB', { style: 'long', type: 'conjunction' });

/**
 * `/register`: the identity register (real names against pseudonyms). Who can see it: its private
 * channel's members, or, for anyone else, the plain sentence saying so. Its entries are never put
 * in a URL, a title, or a cache that outlives the page.
 */
export default function RegisterScreen() {
  const { review } = useFrame();
  const visibility = useRegisterVisibility(review.id);
  return (
    <section aria-labelledby="register-heading" style={{ display: 'contents' }}>
      <ScreenHeading id="register-heading">Identity register</ScreenHeading>
      <span>
        <Badge appearance="outline" color="danger" icon={<LockClosedRegular />}>
          Restricted
        </Badge>
      </span>
      <QueryState query={visibility} loading="Checking who can see the identity register…">
        {(v) =>
          v.state === 'member' ? (
            <Text as="p">
              {v.members.length > 0
                ? `Visible only to: ${names.format(v.members)}.`
                : `Visible only to the members of the private channel “${v.channelName}”.`}
            </Text>
          ) : (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>{v.message}</MessageBarBody>
            </MessageBar>
          )
        }
      </QueryState>
    </section>
  );
}
