// A long list drawn a screenful first: the first rows at once, every row a few frames later, all of them at once
// before printing, and rows added to a list already drawn whole drawn at once.
import { act, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FIRST_STEP, useDrawnInSteps } from '../../../renderer/ui/useDrawnInSteps';

function List({ count }: { count: number }) {
  const drawn = useDrawnInSteps(count);
  return (
    <ul>
      {Array.from({ length: drawn }, (_, i) => (
        <li key={i}>Row {i + 1}</li>
      ))}
    </ul>
  );
}

/** The rows in the page (counted directly: role queries over hundreds of rows are slow in jsdom). */
const rows = () => document.querySelectorAll('li');

describe('drawing a long list a screenful first', () => {
  it('draws the first screenful at once and every row a few frames later', async () => {
    render(<List count={150} />);
    expect(rows()).toHaveLength(FIRST_STEP);
    await waitFor(() => expect(rows()).toHaveLength(150));
    expect(screen.getByText('Row 150')).toBeInTheDocument();
  });

  it('draws a short list whole at once', () => {
    render(<List count={6} />);
    expect(rows()).toHaveLength(6);
  });

  it('draws every row before printing', () => {
    render(<List count={500} />);
    expect(rows()).toHaveLength(FIRST_STEP);
    act(() => {
      window.dispatchEvent(new Event('beforeprint'));
    });
    expect(rows()).toHaveLength(500);
  });

  it('draws rows added to a list already drawn whole at once, and waits for a list still loading', async () => {
    const view = render(<List count={0} />);
    view.rerender(<List count={100} />);
    expect(rows()).toHaveLength(FIRST_STEP);
    await waitFor(() => expect(rows()).toHaveLength(100));
    view.rerender(<List count={160} />);
    expect(rows()).toHaveLength(160);
  });
});
