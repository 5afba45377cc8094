// Rendering the whole app at an address, as the person would arrive there, with initials already given.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../renderer/app/App';
import { loadEveryScreen } from '../../renderer/app/screens';
import { saveInitials } from '../../renderer/db';

/** Renders the app at `#path`, signed in with initials, and returns a user-event driver. */
export async function renderApp(path = '/', initials: string | null = 'KM') {
  // Every screen's chunk loaded first, as the app's prefetch does after a start: a screen's first showing in a
  // test then waits on the screen, not on transforming its modules.
  await loadEveryScreen();
  if (initials) await saveInitials(initials);
  window.location.hash = `#${path}`;
  const user = userEvent.setup();
  const view = render(<App />);
  return { user, view, screen };
}
