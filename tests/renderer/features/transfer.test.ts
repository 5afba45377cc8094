import { describe, expect, it } from 'vitest';
import { within } from '@testing-library/react';
import { parseExport } from '#shared/interchange';
import { database, exportInspections, loadLondonDemo, setAnswer } from '../../../renderer/db';
import { backupIfChanged } from '../../../renderer/features/backups/useAutoBackup';
import {
  exportText,
  exportFileName,
  exportToFile,
  readImport,
  applyReviewedImport,
  restoreBackup,
} from '../../../renderer/features/transfer/transfer';
import { fakeDesktop } from '../fake-platform';
import { inspectionWithCases } from '../helpers';

describe('export', () => {
  it('writes every inspection as a valid export, removed cases as tombstones', async () => {
    const { caseIds } = await inspectionWithCases(['C-1', 'C-2']);
    await setAnswer(
      caseIds[0]!,
      'assessment.safety',
      { value: 'no', note: 'No "checks", none, at all\nnext' },
      'KM',
    );
    const host = fakeDesktop();
    expect(await exportToFile(host.platform)).toEqual({
      kind: 'info',
      text: expect.stringMatching(
        /^Exported to \/home\/km\/test-pdu-KM-\d{4}-\d{2}-\d{2}\.json\. The file contains personal data: keep it safe/,
      ),
    });
    const file = parseExport(host.saved[0]!.text);
    // The file says so itself, for whoever opens it.
    expect(file.notice).toMatch(/^Contains personal data about people on probation/);
    expect(file.inspections).toHaveLength(1);
    const first = file.inspections[0]!.cases.find((c) => c.id === caseIds[0]);
    expect(first && !first.deleted && first.answers['assessment.safety']).toMatchObject({
      value: 'no',
      note: 'No "checks", none, at all\nnext',
      by: 'KM',
    });
  });
});

describe('export file names', () => {
  it('are <inspection>-<initials>-<date>.json, so a lead’s files from the team never collide', () => {
    const at = new Date('2026-11-26T10:00:00Z');
    expect(exportFileName(['Croydon PDU'], 'km', at)).toBe('croydon-pdu-KM-2026-11-26.json');
    expect(exportFileName(['Hammersmith, Fulham & Kensington'], 'PC', at)).toBe(
      'hammersmith-fulham-kensington-PC-2026-11-26.json',
    );
    expect(exportFileName(['A', 'B', 'C'], 'JB', at)).toBe('casescore-3-inspections-JB-2026-11-26.json');
    expect(exportFileName(['Lewisham'], null, at)).toBe('lewisham-2026-11-26.json');
    expect(exportFileName(['***'], 'KM', at)).toBe('inspection-KM-2026-11-26.json');
  });
});

describe('import', () => {
  it('refuses a broken file naming the problem, and changes nothing', async () => {
    await inspectionWithCases(['C-1']);
    const before = await exportInspections();
    // A hand-edited copy without its signature is read, and its content refused in an inspector's words.
    const { signature: _dropped, ...unsigned } = JSON.parse(await exportText());
    const broken = JSON.stringify(unsigned).replace('"caseType":"community"', '"caseType":"bail"');
    const host = fakeDesktop({ open: { name: 'team.json', text: broken } });
    const outcome = await readImport(host.platform);
    expect(outcome && 'kind' in outcome && outcome.kind).toBe('error');
    expect(outcome && 'text' in outcome && outcome.text).toMatch(
      /^team.json was not imported: inspection "[^"]+", case "C-1", case type: expected community.*Nothing was changed\.$/,
    );
    // Edited but still signed: refused as changed since it was signed.
    const tampered = (await exportText()).replace('"caseType":"community"', '"caseType":"licence"');
    const signedHost = fakeDesktop({ open: { name: 'signed.json', text: tampered } });
    const refused = await readImport(signedHost.platform);
    expect(refused && 'text' in refused && refused.text).toMatch(
      /^signed.json was not imported: signature: the file was changed after it was signed .*Nothing was changed\.$/,
    );
    expect((await exportInspections()).inspections).toEqual(before.inspections);
    expect(host.backups).toEqual([]);
  });

  it('plans without writing, then applies after backing up what is here', async () => {
    await loadLondonDemo('KM');
    const text = await exportText(['london-2022-newham', 'london-2022-lambeth']);
    await database().inspections.delete('london-2022-newham');
    await database().cases.where('inspectionId').equals('london-2022-newham').delete();
    const host = fakeDesktop({ open: { name: 'two.json', text } });
    const pending = await readImport(host.platform);
    if (!pending || 'kind' in pending) throw new Error('expected a plan');
    expect(pending.source).toMatchObject({ verified: true, own: true });
    expect(pending.plan.totals).toMatchObject({
      taken: 1,
      toReview: 0,
      conflicts: 0,
      byKind: { inspection: 1 },
    });
    expect(await database().cases.where('inspectionId').equals('london-2022-newham').count()).toBe(0);
    const outcome = await applyReviewedImport(host.platform, pending, { choices: {}, clashes: {} }, 'SD');
    expect(outcome.kind).toBe('info');
    expect(host.backups.map((b) => b.reason)).toEqual(['before-import']);
    expect(parseExport(host.backups[0]!.text).inspections).toHaveLength(5);
    expect(await database().cases.where('inspectionId').equals('london-2022-newham').count()).toBe(41);
    // The imported inspection's audit trail came with it.
    expect(await database().audit.where('inspectionId').equals('london-2022-newham').count()).toBeGreaterThan(
      0,
    );
  });

  it('does nothing when the person cancels the file dialog', async () => {
    expect(await readImport(fakeDesktop({ open: null }).platform)).toBeNull();
  });
});

describe('automatic backups and restore', () => {
  it('back up on the timer only when something changed, and always on quit', async () => {
    const { caseIds } = await inspectionWithCases(['C-1']);
    const host = fakeDesktop();
    const last = { current: -1 };
    expect(await backupIfChanged(host.platform, last, 'timer')).toBe(true);
    expect(await backupIfChanged(host.platform, last, 'timer')).toBe(false);
    await setAnswer(caseIds[0]!, 'planning.safety', { value: 'yes' }, 'KM');
    expect(await backupIfChanged(host.platform, last, 'timer')).toBe(true);
    expect(await backupIfChanged(host.platform, last, 'quit')).toBe(true);
    expect(host.backups.map((b) => b.reason)).toEqual(['quit', 'timer', 'timer']);
  });

  it('restore a backup through the import path: validated, the current data backed up first', async () => {
    const { caseIds } = await inspectionWithCases(['C-1']);
    await setAnswer(caseIds[0]!, 'planning.safety', { value: 'yes' }, 'KM');
    const host = fakeDesktop();
    const backup = await host.platform.backups!.write(await exportText(), 'timer');
    await setAnswer(caseIds[0]!, 'planning.safety', { value: 'no' }, 'KM');
    await loadLondonDemo('KM');

    const outcome = await restoreBackup(host.platform, backup.name, 'KM');
    expect(outcome).toEqual({ kind: 'info', text: `Restored 1 inspection from ${backup.name}.` });
    expect(await database().inspections.count()).toBe(1);
    expect((await database().cases.get(caseIds[0]!))?.answers['planning.safety']?.value).toBe('yes');
    const safety = host.backups.find((b) => b.reason === 'before-import');
    expect(safety && parseExport(safety.text).inspections).toHaveLength(7);
  });

  it('refuse to restore a damaged backup, changing nothing', async () => {
    await inspectionWithCases(['C-1']);
    const host = fakeDesktop();
    const backup = await host.platform.backups!.write(
      '{"format":"casescore.inspections","formatVersion":1',
      'timer',
    );
    const outcome = await restoreBackup(host.platform, backup.name, 'KM');
    expect(outcome.kind).toBe('error');
    expect(outcome.text).toMatch(/cannot be restored: \(the file\): not valid JSON/);
    expect(await database().inspections.count()).toBe(1);
  });
});

describe('choosing what to export', () => {
  it('exports one inspection, a chosen set, or everything', async () => {
    const { renderApp } = await import('../render');
    const { replacePlatform } = await import('../../../renderer/platform');
    await loadLondonDemo('KM');
    const host = fakeDesktop();
    replacePlatform(host.platform);
    const { user, screen } = await renderApp('/');
    await user.click(await screen.findByRole('checkbox', { name: 'Select Newham PDU' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Lambeth PDU' }));
    await user.click(screen.getByRole('button', { name: 'Export 2 selected' }));
    const chooseClear = async () => {
      const dialog = within(await screen.findByRole('dialog', { name: 'Export' }));
      await user.click(dialog.getByRole('radio', { name: /^Not encrypted/ }));
      await user.click(dialog.getByRole('button', { name: 'Export' }));
    };
    await chooseClear();
    await screen.findByText(/^Exported to/);
    expect(
      parseExport(host.saved[0]!.text)
        .inspections.map((i) => i.name)
        .sort(),
    ).toEqual(['Lambeth PDU', 'Newham PDU']);
    await user.click(screen.getByRole('link', { name: 'Newham PDU' }));
    await user.click(await screen.findByRole('button', { name: 'Export' }));
    await chooseClear();
    await expect.poll(() => host.saved.length).toBe(2);
    expect(parseExport(host.saved[1]!.text).inspections.map((i) => i.name)).toEqual(['Newham PDU']);
    // Every export carries the audit trail.
    expect(parseExport(host.saved[1]!.text).inspections[0]?.audit?.[0]).toMatchObject({
      action: 'demo-loaded',
      by: 'KM',
    });
  });
});
