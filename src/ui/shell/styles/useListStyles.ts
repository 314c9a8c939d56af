import { makeStyles, tokens } from '@fluentui/react-components';

/**
 * The lists of every screen, drawn one way (UI.md: a table when wide, cards when narrow): the
 * cards, the table, the meta line under a name, and a list of terms with their values. Tokens
 * only, so the light, dark and high contrast themes follow. A screen adds what is its own with
 * `mergeClasses(list.card, styles.x)`.
 */
export const useListStyles = makeStyles({
  /** A list without bullets, its items (cards, links, rows) one under the other. */
  plain: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  /** Items closer together: a list of buttons or short rows. */
  plainClose: { gap: tokens.spacingVerticalXS },
  /** One item of a `plain` list: a bordered box, its lines one under the other; a long word breaks. */
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: 'anywhere',
    minWidth: 0,
  },
  /** A card whose lines keep their own width: a link or a badge is not stretched across it. */
  cardStart: { alignItems: 'flex-start' },
  /** A card whose lines stand closer together. */
  cardTight: { gap: tokens.spacingVerticalXXS },
  table: { backgroundColor: tokens.colorNeutralBackground1 },
  /** A cell or line whose long words (addresses, file names) break instead of widening the screen. */
  wrap: { overflowWrap: 'anywhere' },
  /** The quieter line under or beside a name: its type, period, agency, folder. */
  meta: { color: tokens.colorNeutralForeground2 },
  /** Terms beside their values (`dl`). */
  details: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, overflowWrap: 'anywhere', minWidth: 0 },
});
