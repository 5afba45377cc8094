// The scoring desk's per-inspection data on the inspection row: prompts optional, and each standard's
// strengths and areas for improvement, each written with its audit entry and carried through export and import.
import { describe, expect, it } from 'vitest';
import {
  applyImport,
  auditTrail,
  database,
  deleteInspection,
  exportInspections,
  planImport,
  replaceAllWith,
  setCommentary,
  setPromptsOptional,
} from '../../../renderer/db';
import { parseExport, serialiseExport } from '#shared/interchange';
import { inspectionWithCases } from '../helpers';
import { decideAll, TEAM_FILE } from '../../helpers/merge-decisions';

describe('strengths and areas for improvement', () => {
  it('are kept per standard, trimmed, with an audit entry; both blank removes them', async () => {
    const { inspectionId } = await inspectionWithCases(['C-001']);
    await setCommentary(
      inspectionId,
      'assessment',
      { strengths: '  Thorough assessments. ', improvements: '' },
      'KM',
    );
    let row = await database().inspections.get(inspectionId);
    expect(row?.commentary?.assessment).toMatchObject({ strengths: 'Thorough assessments.', by: 'KM' });
    expect(row?.commentary?.assessment?.improvements).toBeUndefined();
    const audit = await auditTrail(inspectionId);
    expect(audit.at(-1)).toMatchObject({
      action: 'inspection-edited',
      key: 'commentary.assessment',
      before: null,
      after: { strengths: 'Thorough assessments.' },
    });
    await setCommentary(inspectionId, 'assessment', { strengths: ' ', improvements: '' }, 'KM');
    row = await database().inspections.get(inspectionId);
    expect(row?.commentary).toEqual({});
  });

  it('refuse a standard the framework does not have, naming it', async () => {
    const { inspectionId } = await inspectionWithCases(['C-001']);
    await expect(setCommentary(inspectionId, 'astrology', { strengths: 'x' }, 'KM')).rejects.toThrow(
      'astrology is not a standard of this inspection',
    );
  });

  it('travel in the export and come back on restore; a merge keeps the words already here', async () => {
    const { inspectionId } = await inspectionWithCases(['C-001']);
    await setCommentary(inspectionId, 'planning', { improvements: 'Plans rarely involve the person.' }, 'KM');
    const text = serialiseExport(await exportInspections());
    const file = parseExport(text);
    expect(file.inspections[0]?.commentary?.planning).toMatchObject({
      improvements: 'Plans rarely involve the person.',
      by: 'KM',
    });
    await replaceAllWith(file, 'KM', 'test');
    expect((await database().inspections.get(inspectionId))?.commentary?.planning?.improvements).toBe(
      'Plans rarely involve the person.',
    );
    // Importing a file into a copy that has its own words keeps the words here.
    await setCommentary(inspectionId, 'planning', { improvements: 'Our words.' }, 'JB');
    const plan = await planImport(file, TEAM_FILE);
    expect(plan.inspections).toHaveLength(1);
    await applyImport(file, decideAll(plan, 'mine'), 'JB', 'test', TEAM_FILE);
    expect((await database().inspections.get(inspectionId))?.commentary?.planning?.improvements).toBe(
      'Our words.',
    );
  });
});

describe('prompts optional', () => {
  it('is kept on the inspection with an audit entry, and is not part of the export', async () => {
    const { inspectionId } = await inspectionWithCases(['C-001']);
    await setPromptsOptional(inspectionId, true, 'KM');
    expect((await database().inspections.get(inspectionId))?.promptsOptional).toBe(true);
    expect((await auditTrail(inspectionId)).at(-1)).toMatchObject({
      key: 'promptsOptional',
      before: false,
      after: true,
    });
    const [exported] = parseExport(serialiseExport(await exportInspections())).inspections;
    expect(exported).not.toHaveProperty('promptsOptional');
  });

  it('is not changed on an inspection in the bin, and nothing is audited', async () => {
    const { inspectionId } = await inspectionWithCases(['C-001']);
    await deleteInspection(inspectionId, 'KM');
    const entries = (await auditTrail(inspectionId)).length;
    await expect(setPromptsOptional(inspectionId, true, 'KM')).rejects.toThrow(
      'That inspection no longer exists (it may be in the bin).',
    );
    expect((await database().inspections.get(inspectionId))?.promptsOptional).toBeUndefined();
    expect(await auditTrail(inspectionId)).toHaveLength(entries);
  });
});
