import { Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReviewTeam } from './review-data';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  heading: { margin: 0 },
});

/** The review's reference code, its Team's name, and a picker when the user is in several reviews. */
export function ReviewHeading({
  review,
  reviews,
  onChoose,
  headingLevel = 'h2',
}: {
  review: ReviewTeam;
  reviews: ReviewTeam[];
  onChoose?: (id: string) => void;
  headingLevel?: 'h2' | 'h3';
}) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Text as={headingLevel} size={600} weight="semibold" className={styles.heading}>
        Review {review.reference}
      </Text>
      {review.displayName && review.displayName !== review.reference ? (
        <Text size={300}>{review.displayName}</Text>
      ) : null}
      {onChoose && reviews.length > 1 ? (
        <Field label="Review">
          <Select value={review.id} onChange={(_, data) => onChoose(data.value)}>
            {reviews.map((r) => (
              <option key={r.id} value={r.id}>
                {r.displayName || r.reference}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
    </div>
  );
}
