import { Text } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { formatDate } from '../../../core/dates';
import { METHOD_VARIANT_LABELS, REVIEW_KIND_LABELS, type Review } from '../../../core/model/review';
import { useSetupStyles } from '../styles/useSetupStyles';

/** The review record as saved (read back from the review's site). */
export function ReviewSummary({ review }: { review: Review }) {
  const styles = useSetupStyles();
  const row = (term: string, value: ReactNode) => (
    <>
      <dt className={styles.term}>{term}</dt>
      <dd className={styles.definition}>{value}</dd>
    </>
  );
  return (
    <section className={styles.section} aria-label="The review record, as saved">
      <Text as="p" className={styles.heading}>
        The review {review.referenceCode} is set up. Its record, as saved in the review’s site:
      </Text>
      <dl className={styles.summary}>
        {row('Title (pseudonym)', review.title)}
        {row('Kind of review', REVIEW_KIND_LABELS[review.kind])}
        {row('Method', METHOD_VARIANT_LABELS[review.method])}
        {row('Incident notified', formatDate(review.incidentNotified))}
        {row('Decision to review', review.decisionDate ? formatDate(review.decisionDate) : 'Not yet decided')}
        {row(
          'Period under review',
          `${formatDate(review.periodUnderReview.start)} to ${formatDate(review.periodUnderReview.end)}`,
        )}
        {row(
          'Research questions',
          review.researchQuestions.length > 0 ? (
            <ul className={styles.list}>
              {review.researchQuestions.map((q, i) => (
                <li key={i}>{q}</li>
              ))}
            </ul>
          ) : (
            'None yet'
          ),
        )}
        {row('Agencies', review.agencies.length > 0 ? review.agencies.join(', ') : 'None yet')}
      </dl>
    </section>
  );
}
