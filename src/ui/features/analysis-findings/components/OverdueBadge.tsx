import { Badge } from '@fluentui/react-components';
import { Warning16Filled } from '@fluentui/react-icons';
import type { ReactNode } from 'react';

/** Overdue, always in words with an icon, never colour alone. */
export function OverdueBadge({ children }: { children: ReactNode }) {
  return (
    <div>
      <Badge appearance="filled" color="danger" icon={<Warning16Filled />}>
        {children}
      </Badge>
    </div>
  );
}
