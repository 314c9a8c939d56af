import {
  FluentProvider,
  makeStaticStyles,
  makeStyles,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  tokens,
  type Theme,
} from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';
import type { HostContext } from '../../hosts/host-context';
import type { ThemeName } from '../../hosts/theme';

const themes: Record<ThemeName, Theme> = {
  light: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

const useStaticStyles = makeStaticStyles({
  'html, body': { margin: 0, padding: 0, height: '100%' },
});

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
});

/** The page's root: Fluent with the host's Teams theme, following theme changes. */
export function AppFrame({ host, children }: { host: HostContext; children: ReactNode }) {
  useStaticStyles();
  const styles = useStyles();
  const [theme, setTheme] = useState<ThemeName>(host.theme);
  useEffect(() => host.onThemeChange?.(setTheme), [host]);
  return (
    <FluentProvider theme={themes[theme]} className={styles.root} data-theme={theme}>
      {children}
    </FluentProvider>
  );
}
