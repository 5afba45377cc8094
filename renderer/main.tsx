// The renderer's entry: mounts the app. Runs the same in Electron (over app://) and in a browser (`npm run web`).
import './app/tokens.css';
import './app/styles.css';
import './app/integrity.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { AtRestGate } from './features/protection/AtRestGate';
import { logUncaughtErrors, RootBoundary } from './app/ErrorBoundary';
import { keepTypingOutOfTheBrowser } from './ui/no-form-memory';
import { prefetchScreens } from './app/screens';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element to mount Casescore in');
logUncaughtErrors();
keepTypingOutOfTheBrowser(document.body);
createRoot(root).render(
  <StrictMode>
    <RootBoundary>
      <AtRestGate>
        <App />
      </AtRestGate>
    </RootBoundary>
  </StrictMode>,
);
// Once the first screen is up, the others' chunks are fetched in idle time, so moving on seldom waits.
prefetchScreens();
