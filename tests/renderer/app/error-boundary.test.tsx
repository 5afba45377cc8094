import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { ErrorBoundary, ErrorScreen, ScreenBoundary } from '../../../renderer/app/ErrorBoundary';
import { replacePlatform } from '../../../renderer/platform';
import { inspectionWithCases } from '../helpers';
import { fakeDesktop } from '../fake-platform';

function Broken(): never {
  throw new URIError('URI malformed');
}

describe('error boundaries', () => {
  it('show what went wrong instead of a blank page, log it, and offer an export of everything', async () => {
    await inspectionWithCases(['C-1']);
    const host = fakeDesktop();
    replacePlatform(host.platform);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <MemoryRouter>
        <ScreenBoundary>
          <Broken />
        </ScreenBoundary>
      </MemoryRouter>,
    );
    expect(screen.getByRole('heading', { name: 'This screen could not be shown' })).toBeInTheDocument();
    expect(screen.getByText('URI malformed')).toBeInTheDocument();
    expect(host.logged.some((line) => line.includes('URIError: URI malformed'))).toBe(true);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Export everything' }));
    expect(await screen.findByText(/^Exported/)).toBeInTheDocument();
    expect(JSON.parse(host.saved[0]!.text).inspections).toHaveLength(1);
  });

  it('draw the children again once reset, and keep very long messages short', async () => {
    let fail = true;
    function Sometimes() {
      if (fail) throw new Error('x'.repeat(5000));
      return <p>Back to normal</p>;
    }
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <ErrorBoundary
        fallback={(error, reset) => (
          <ErrorScreen
            error={error}
            onBack={() => {
              fail = false;
              reset();
            }}
          />
        )}
      >
        <Sometimes />
      </ErrorBoundary>,
    );
    const shown = screen.getByRole('alert').textContent ?? '';
    expect(shown.length).toBeLessThan(800);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Back to inspections' }));
    expect(screen.getByText('Back to normal')).toBeInTheDocument();
  });
});
