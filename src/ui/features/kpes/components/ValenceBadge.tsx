import { Badge } from '@fluentui/react-components';
import { CheckmarkCircleRegular, CircleHalfFillRegular, ErrorCircleRegular } from '@fluentui/react-icons';
import type { Valence } from '../../../../core/model/key-practice-episode';

/** Short words for the list; the core's labels ("Good practice") say the same at length. */
export const VALENCE_WORDS: Record<Valence, string> = {
  good: 'Good practice',
  problematic: 'Problematic',
  mixed: 'Mixed',
};

const LOOK = {
  good: { color: 'success', icon: <CheckmarkCircleRegular /> },
  problematic: { color: 'danger', icon: <ErrorCircleRegular /> },
  mixed: { color: 'warning', icon: <CircleHalfFillRegular /> },
} as const;

/** Good, problematic or mixed practice: an icon and words, never colour alone. */
export function ValenceBadge({ valence }: { valence: Valence }) {
  const look = LOOK[valence];
  return (
    <Badge appearance="tint" color={look.color} icon={look.icon} shape="rounded" size="large">
      {VALENCE_WORDS[valence]}
    </Badge>
  );
}
