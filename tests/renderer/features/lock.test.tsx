// The lock: on demand and after the idle time in the settings, hiding every screen; unlocking brings back the
// screen as it was, and whatever was being typed is saved as the app locks.
import { act, fireEvent, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { database, readLockMinutes, saveLockMinutes, checkLockMinutes } from '../../../renderer/db';
import { useLock } from '../../../renderer/features/lock/lock-state';
import { inspectionWithCases } from '../helpers';
import { renderApp } from '../render';

afterEach(() => {
  act(() => useLock.getState().unlock());
  vi.useRealTimers();
});

describe('the lock', () => {
  it('hides the case, saves the note being typed, and brings both back on unlock', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['QX 7731']);
    const { user, screen } = await renderApp(`/inspections/${inspectionId}/cases/${caseIds[0]}`);
    await screen.findByRole('heading', { name: '2.1 Assessment', level: 2 });
    const note = screen.getByLabelText('Case notes');
    await user.click(note);
    // Typed, and locked at once: well before the autosave's pause (0.7 s) has passed.
    fireEvent.change(note, { target: { value: 'Half a sentence' } });
    await user.click(screen.getByRole('button', { name: 'Lock' }));
    expect(screen.getByRole('dialog', { name: 'Casescore is locked' })).toBeInTheDocument();
    expect(document.getElementById('content')).not.toBeVisible();
    expect(screen.queryByRole('heading', { name: /Case QX 7731/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Lock' })).toBeNull();
    await waitFor(
      async () => expect((await database().cases.get(caseIds[0]!))?.note).toBe('Half a sentence'),
      { timeout: 500 },
    );
    expect(localStorage.getItem('casescore-locked')).toBe('1');

    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(screen.queryByRole('dialog', { name: 'Casescore is locked' })).toBeNull();
    expect(screen.getByLabelText('Case notes')).toHaveValue('Half a sentence');
    await waitFor(() => expect(screen.getByLabelText('Case notes')).toHaveFocus());
    await user.keyboard('{End} and the rest.');
    expect(screen.getByLabelText('Case notes')).toHaveValue('Half a sentence and the rest.');
  });

  it('locks after the idle time in the settings, and not before', async () => {
    await saveLockMinutes(2);
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setInterval', 'clearInterval', 'Date'] });
    const { screen } = await renderApp('/');
    await screen.findByRole('heading', { name: 'Inspections', level: 1 });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Lock' })).toBeInTheDocument());
    // Someone is using it: a key at 1.5 minutes starts the count again.
    await act(async () => vi.advanceTimersByTime(90_000));
    fireEvent.keyDown(window, { key: 'a' });
    await act(async () => vi.advanceTimersByTime(90_000));
    expect(screen.queryByRole('dialog', { name: 'Casescore is locked' })).toBeNull();
    await act(async () => vi.advanceTimersByTime(40_000));
    expect(screen.getByRole('dialog', { name: 'Casescore is locked' })).toBeInTheDocument();
  });

  it('locks in a browser on Ctrl+Shift+L, and stays locked after a reload', async () => {
    const { screen, view } = await renderApp('/');
    await screen.findByRole('heading', { name: 'Inspections', level: 1 });
    await screen.findByRole('button', { name: 'Lock' });
    fireEvent.keyDown(window, { key: 'L', ctrlKey: true, shiftKey: true });
    expect(screen.getByRole('dialog', { name: 'Casescore is locked' })).toBeInTheDocument();
    view.unmount();
    // A new page in the same profile starts locked.
    useLock.setState({ locked: localStorage.getItem('casescore-locked') === '1' });
    const again = await renderApp('/');
    expect(await again.screen.findByRole('dialog', { name: 'Casescore is locked' })).toBeInTheDocument();
  });
});

describe('the idle time setting', () => {
  it('is 15 minutes unless changed, and takes whole minutes from 1 to 240', async () => {
    expect(await readLockMinutes()).toBe(15);
    expect(checkLockMinutes('0')).toEqual({ problem: 'Enter a whole number of minutes from 1 to 240.' });
    expect(checkLockMinutes('2.5')).toEqual({ problem: 'Enter a whole number of minutes from 1 to 240.' });
    expect(checkLockMinutes(' 30 ')).toEqual({ value: 30 });
    await saveLockMinutes(30);
    expect(await readLockMinutes()).toBe(30);
  });
});
