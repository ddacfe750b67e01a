import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/600.css';
import { createTheme, mergeStyles, setIconOptions, ThemeProvider } from '@fluentui/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { DesktopApiProvider } from './desktop-api/DesktopApiContext';
import { registerBundledIcons } from './icons';

// Segoe UI is on every Windows server; elsewhere the bundled Noto Sans stands in. Nothing loads from a CDN.
const theme = createTheme({
  defaultFontStyle: { fontFamily: "'Segoe UI', 'Noto Sans', system-ui, sans-serif" },
});

mergeStyles({ ':global(body)': { margin: 0, padding: 0 } });
registerBundledIcons();
setIconOptions({ disableWarnings: true });

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element.');

createRoot(container).render(
  <StrictMode>
    <ThemeProvider theme={theme} applyTo="body">
      <DesktopApiProvider api={window.connect}>
        <App />
      </DesktopApiProvider>
    </ThemeProvider>
  </StrictMode>,
);
