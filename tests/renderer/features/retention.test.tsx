// The retention reminder on the inspections list: an inspection past its keep-until date is named in a banner
// and tagged in the list; it can be kept longer, or deleted for good after a confirm that starts on Cancel.
import { within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createInspection, database, readErasures, saveInitials } from '../../../renderer/db';
import { renderApp } from '../render';

async function inspection(name: string, fieldworkStart: string): Promise<string> {
  await saveInitials('KM');
  return createInspection(
    { name, fieldworkStart, framework: { id: 'hmip-probation-pdu', version: '2021' }, options: {} },
    'KM',
  );
}

describe('the retention reminder', () => {
  it('names what is past its date, keeps one longer, and deletes one for good after a confirm', async () => {
    const old = await inspection('Old PDU', '2020-03-02');
    const older = await inspection('Older PDU', '2019-05-06');
    await inspection('Current PDU', new Date().toISOString().slice(0, 10));
    const { user, screen } = await renderApp('/');
    const banner = await screen.findByRole('region', {
      name: '2 inspections are past their keep-until date',
    });
    expect(within(banner).getByText('Old PDU')).toBeInTheDocument();
    expect(within(banner).queryByText('Current PDU')).toBeNull();
    expect(screen.getAllByText('Past keep-until date')).toHaveLength(2);

    await user.click(within(banner).getByRole('button', { name: 'Keep Old PDU 3 more months' }));
    await screen.findByRole('region', { name: 'An inspection is past its keep-until date' });
    expect((await database().inspections.get(old))?.keepUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    await user.click(screen.getByRole('button', { name: 'Delete Older PDU for good…' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete Older PDU for good?' });
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Delete for good' }));
    await screen.findByText('Deleted Older PDU for good.');
    expect(await database().inspections.get(older)).toBeUndefined();
    expect((await readErasures()).map((e) => e.inspectionId)).toEqual([older]);
    expect(screen.queryByRole('region', { name: /past (its|their) keep-until date/ })).toBeNull();
  });

  it('names the first few of a long list past its date, and all of them when asked', async () => {
    for (let i = 1; i <= 7; i += 1) await inspection(`Old PDU ${i}`, `2020-03-0${i}`);
    const { user, screen } = await renderApp('/');
    const banner = await screen.findByRole('region', {
      name: '7 inspections are past their keep-until date',
    });
    // Newest fieldwork first, as in the list.
    expect(
      within(banner)
        .getAllByRole('listitem')
        .map((li) => li.querySelector('strong')?.textContent),
    ).toEqual(['Old PDU 7', 'Old PDU 6', 'Old PDU 5', 'Old PDU 4', 'Old PDU 3']);
    // Every one is still tagged in the list itself.
    expect(screen.getAllByText('Past keep-until date')).toHaveLength(7);
    const more = within(banner).getByRole('button', { name: 'Show all 7' });
    expect(more).toHaveAttribute('aria-expanded', 'false');
    await user.click(more);
    expect(within(banner).getAllByRole('listitem')).toHaveLength(7);
    expect(within(banner).getByRole('button', { name: 'Keep Old PDU 1 3 more months' })).toBeInTheDocument();
    expect(more).toHaveAttribute('aria-expanded', 'true');
    await user.click(within(banner).getByRole('button', { name: 'Show the first 5 only' }));
    expect(within(banner).getAllByRole('listitem')).toHaveLength(5);
  });
});
