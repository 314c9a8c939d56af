import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useContext, useEffect, useRef, type ReactNode } from 'react';
import { FrameContext } from '../frame/review-context';
import { useLocation } from 'react-router';

const useStyles = makeStyles({
  heading: {
    margin: 0,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
});

/**
 * A screen's heading. After every route change focus moves here, so that a screen reader reads
 * where the person now is and the keyboard starts from the top of the screen. A page opened
 * directly (a deep link, a reload) keeps the browser's own start.
 */
export function ScreenHeading({ children, id }: { children: ReactNode; id?: string }) {
  const styles = useStyles();
  const ref = useRef<HTMLHeadingElement>(null);
  const location = useLocation();
  const navigated = useContext(FrameContext)?.navigated ?? false;
  useEffect(() => {
    if (navigated) ref.current?.focus();
  }, [location, navigated]);
  return (
    <Text as="h2" size={600} weight="semibold" id={id} className={styles.heading} ref={ref} tabIndex={-1}>
      {children}
    </Text>
  );
}
