import { createTheme, setIconOptions, ThemeProvider } from '@fluentui/react';
import type { ReactNode } from 'react';
import { registerBundledIcons } from './icons';

// Segoe UI is on every Windows server; elsewhere the bundled Noto Sans stands in. Nothing loads from a CDN.
const theme = createTheme({
  defaultFontStyle: { fontFamily: "'Segoe UI', 'Noto Sans', system-ui, sans-serif" },
});

registerBundledIcons();
setIconOptions({ disableWarnings: true });

/** Fluent's theme for what it wraps; loaded lazily, so the icons above are registered before anything draws. */
export default function FluentScope({ children }: { children: ReactNode }): JSX.Element {
  return <ThemeProvider theme={theme}>{children}</ThemeProvider>;
}
