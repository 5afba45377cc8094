// An inspection's round is kept, edited and exported; the too-few-cases minimum is a setting with a default;
// a youth case stored with probation details exports without them.
import { describe, expect, it } from 'vitest';
import {
  addCases,
  checkMinimumCases,
  createInspection,
  database,
  editInspection,
  readMinimumCases,
  saveMinimumCases,
  toExportedInspection,
} from '../../../renderer/db';

const youth = { id: 'hmip-youth', version: '2018' };

describe("an inspection's round", () => {
  it('is stored trimmed, exported, and cleared when emptied', async () => {
    const id = await createInspection(
      { name: 'Northshire YJS', region: 'North West', round: ' 2023 ', framework: youth, options: {} },
      'KM',
    );
    const row = (await database().inspections.get(id))!;
    expect(row.round).toBe('2023');
    expect(toExportedInspection(row, []).round).toBe('2023');
    await editInspection(
      id,
      { name: 'Northshire YJS', region: 'North West', round: '', framework: youth, options: {} },
      'KM',
    );
    const edited = (await database().inspections.get(id))!;
    expect(edited.round).toBeUndefined();
    expect('round' in toExportedInspection(edited, [])).toBe(false);
  });
});

describe('case details by framework on export', () => {
  it('a youth case stored with a court report and licence value exports only its youth details', async () => {
    const id = await createInspection({ name: 'Y', framework: youth, options: {} }, 'KM');
    await addCases(
      id,
      [
        {
          reference: 'Y-1',
          caseType: 'out-of-court-disposal',
          attributes: { rosh: 'low', courtReport: 'none', releasedOnLicence: false, safetyWellbeing: 'high' },
        },
      ],
      'KM',
    );
    const inspection = (await database().inspections.get(id))!;
    const cases = await database().cases.where('inspectionId').equals(id).toArray();
    const [exported] = toExportedInspection(inspection, cases).cases;
    expect(exported && !exported.deleted && exported.attributes).toEqual({
      rosh: 'low',
      safetyWellbeing: 'high',
    });
  });
});

describe('the too-few-cases minimum', () => {
  it('is 5 until saved, then what was saved', async () => {
    expect(await readMinimumCases()).toBe(5);
    await saveMinimumCases(3);
    expect(await readMinimumCases()).toBe(3);
  });

  it('takes a whole number from 1 to 100, and says what is wrong otherwise', () => {
    expect(checkMinimumCases(' 8 ')).toEqual({ value: 8 });
    for (const bad of ['', '0', '2.5', 'five', '101']) {
      expect(checkMinimumCases(bad)).toEqual({ problem: 'Enter a whole number of cases from 1 to 100.' });
    }
  });
});
