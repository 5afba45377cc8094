// Retention: the keep-until date of each inspection, from the setting or its own, and the audited change of it.
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  auditTrail,
  checkRetentionMonths,
  database,
  keepUntilOf,
  pastKeepUntil,
  readRetentionMonths,
  saveRetentionMonths,
  setKeepUntil,
} from '../../../renderer/db';
import { inspectionWithCases } from '../helpers';

describe('keep-until dates', () => {
  it('count months from fieldwork, keeping the day where the month has it', () => {
    expect(addMonths('2026-11-02', 12)).toBe('2027-11-02');
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });

  it('are 12 months after fieldwork unless the setting or the inspection says otherwise', async () => {
    const { inspectionId } = await inspectionWithCases(['C-001']);
    const inspection = (await database().inspections.get(inspectionId))!;
    expect(await readRetentionMonths()).toBe(12);
    expect(keepUntilOf(inspection, 12)).toBe('2027-11-02');
    expect(pastKeepUntil(inspection, 12, '2027-11-02')).toBe(false);
    expect(pastKeepUntil(inspection, 12, '2027-11-03')).toBe(true);
    await saveRetentionMonths(24);
    expect(await readRetentionMonths()).toBe(24);
    expect(keepUntilOf(inspection, 24)).toBe('2028-11-02');
    // Without a fieldwork date, from the day it was created.
    const { fieldworkStart: _f, ...undated } = inspection;
    expect(keepUntilOf(undated, 1)).toBe(addMonths(inspection.createdAt.slice(0, 10), 1));

    await setKeepUntil(inspectionId, '2030-01-15', 'KM');
    const kept = (await database().inspections.get(inspectionId))!;
    expect(keepUntilOf(kept, 12)).toBe('2030-01-15');
    expect((await auditTrail(inspectionId)).at(-1)).toMatchObject({
      action: 'inspection-edited',
      key: 'keepUntil',
      before: null,
      after: '2030-01-15',
      by: 'KM',
    });
    await expect(setKeepUntil(inspectionId, '15/01/2030', 'KM')).rejects.toThrow(
      '15/01/2030 is not a date: give it as year-month-day, such as 2027-11-02.',
    );
  });

  it('take whole months from 1 to 120 in the setting', () => {
    expect(checkRetentionMonths('0')).toEqual({ problem: 'Enter a whole number of months from 1 to 120.' });
    expect(checkRetentionMonths('121')).toEqual({ problem: 'Enter a whole number of months from 1 to 120.' });
    expect(checkRetentionMonths('18')).toEqual({ value: 18 });
  });
});
