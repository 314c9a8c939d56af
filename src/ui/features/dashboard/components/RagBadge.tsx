import { Badge } from '@fluentui/react-components';
import { CheckmarkCircleRegular, ErrorCircleRegular, WarningRegular } from '@fluentui/react-icons';
import type { Rag } from '../../../../core/review/statutory-clock';

const LOOK = {
  red: { color: 'danger', icon: <ErrorCircleRegular /> },
  amber: { color: 'warning', icon: <WarningRegular /> },
  green: { color: 'success', icon: <CheckmarkCircleRegular /> },
} as const;

/** Red, amber or green: always an icon and words, never colour alone. */
export function RagBadge({ rag, children }: { rag: Rag; children: string }) {
  const look = LOOK[rag];
  return (
    <Badge appearance="tint" color={look.color} icon={look.icon} size="large" shape="rounded">
      {children}
    </Badge>
  );
}
