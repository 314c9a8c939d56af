/**
 * The valence of an episode is drawn with a texture as well as a colour, so that it reads without
 * colour (and in high contrast): good practice plain, problematic practice hatched, mixed dotted.
 */
import type { Valence } from '../hooks/timeline-layout';
import { useTimelineStyles } from '../styles/useTimelineStyles';

export const VALENCE_LABELS: Readonly<Record<Valence, string>> = {
  good: 'Good practice',
  problematic: 'Problematic practice',
  mixed: 'Mixed',
};

/** The texture's pattern id for a valence, or undefined for the plain one. */
export const patternId = (prefix: string, valence: Valence): string | undefined =>
  valence === 'good' ? undefined : `${prefix}-${valence}`;

/**
 * The <pattern> definitions, once per timeline, in an SVG of no size (not display:none, which
 * stops some browsers painting the patterns); the picture, the legend and the list refer to them.
 */
export function ValencePatternDefs({ prefix }: { prefix: string }) {
  const styles = useTimelineStyles();
  return (
    <svg width={0} height={0} style={{ position: 'absolute' }} aria-hidden="true" focusable="false">
      <defs>
        <pattern
          id={`${prefix}-problematic`}
          width={6}
          height={6}
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <line x1={0} y1={0} x2={0} y2={6} className={styles.patternInk} strokeWidth={2} />
        </pattern>
        <pattern id={`${prefix}-mixed`} width={6} height={6} patternUnits="userSpaceOnUse">
          <circle cx={3} cy={3} r={1.4} className={styles.patternInk} />
        </pattern>
      </defs>
    </svg>
  );
}

/** A bar's shape: the colour (the class for its valence), then the texture over it. */
export function ValenceFill(props: {
  prefix: string;
  valence: Valence;
  className: string;
  x: number;
  y: number;
  width: number;
  height: number;
}) {
  const { prefix, valence, className, ...box } = props;
  const texture = patternId(prefix, valence);
  return (
    <>
      <rect {...box} rx={3} className={className} />
      {texture && <rect {...box} rx={3} fill={`url(#${texture})`} opacity={0.45} />}
    </>
  );
}

/** A small sample of each valence with its words, for the legend and the list. */
export function ValenceSwatch({ prefix, valence }: { prefix: string; valence: Valence }) {
  const styles = useTimelineStyles();
  return (
    <svg className={styles.swatch} viewBox="0 0 28 12" aria-hidden="true" focusable="false">
      <ValenceFill
        prefix={prefix}
        valence={valence}
        className={styles[valence]}
        x={0.5}
        y={0.5}
        width={27}
        height={11}
      />
    </svg>
  );
}
