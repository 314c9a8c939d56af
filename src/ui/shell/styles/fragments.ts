import { tokens, type GriffelStyle } from '@fluentui/react-components';

/*
 * Style fragments that several screens' makeStyles rules spread, so the rule is written once.
 */

/**
 * A screen's section or editor: a bordered box on the neutral background, its parts one under the
 * other. Tokens only, so the Teams themes follow. A style to spread into a screen's own rule, which
 * adds what is its own (a narrower width, a wider gap): `editor: { ...panelSurface, maxWidth }`.
 */
export const panelSurface = {
  display: 'flex',
  flexDirection: 'column',
  gap: tokens.spacingVerticalM,
  padding: tokens.spacingHorizontalL,
  borderRadius: tokens.borderRadiusMedium,
  backgroundColor: tokens.colorNeutralBackground1,
  border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  minWidth: 0,
} satisfies GriffelStyle;

/** Read by screen readers, not shown: a live status, or words before a button's visible name. */
export const visuallyHidden = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  margin: '-1px',
  padding: 0,
  overflow: 'hidden',
  clipPath: 'inset(50%)',
  whiteSpace: 'nowrap',
  border: 0,
} satisfies GriffelStyle;
