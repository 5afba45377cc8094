// Frameworks loaded from files, in the settings table: stored only when valid in full, held from start-up,
// never replaced by another definition of the same id and version, kept when an export carrying one is
// imported; and new inspections pin their framework's hash.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TEAM_FILE } from '../../helpers/merge-decisions';
import {
  applyImport,
  createInspection,
  database,
  holdStoredFrameworks,
  loadFramework,
  readStoredFrameworks,
  SaveError,
} from '../../../renderer/db';
import {
  findFramework,
  forgetLoadedFrameworks,
  frameworkHash,
  PROBATION_PDU_2021,
  withFrameworks,
} from '#shared/framework';
import { createExport, parseExport, serialiseExport } from '#shared/interchange';
import { loadYouth2021, youth2021Inspection } from '../../helpers/youth-2021';

const FILE = JSON.parse(
  readFileSync(join(__dirname, '..', '..', '..', 'frameworks', 'hmip-youth-2021.json'), 'utf8'),
);
const REF = { id: 'hmip-youth', version: '2021' };

afterEach(() => forgetLoadedFrameworks());

describe('loading a framework file', () => {
  it('stores it under framework:<id>@<version>, holds it, and says when it is already loaded', async () => {
    const { framework, added } = await loadFramework(FILE, 'KM', 'hmip-youth-2021.json');
    expect(added).toBe(true);
    const row = await database().settings.get('framework:hmip-youth@2021');
    expect(row?.value).toMatchObject({
      hash: frameworkHash(framework),
      by: 'KM',
      from: 'hmip-youth-2021.json',
    });
    expect(findFramework(REF)).toBe(framework);
    expect((await loadFramework(FILE, 'SD', 'again.json')).added).toBe(false);
    expect(await readStoredFrameworks()).toHaveLength(1);
  });

  it('stores and holds nothing when the file has any problem, and lists them all', async () => {
    const broken = JSON.parse(JSON.stringify(FILE));
    broken.overall.points.good = 1;
    broken.keyQuestionBands[0].upperEdge = { numerator: 45, denominator: 100 };
    const error = await loadFramework(broken, 'KM', 'broken.json').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SaveError);
    expect((error as Error).message.split('\n')).toEqual([
      'The framework file was not loaded: it has 2 problems.',
      "• key-question band 'Minority': it ends below 45% but the next band 'Too few' starts at 50%, leaving a gap",
      '• the points: Good earns 1, not more than Requires improvement (1)',
    ]);
    expect(await readStoredFrameworks()).toEqual([]);
    expect(findFramework(REF)).toBeUndefined();
  });

  it('never replaces a framework in use: another definition of the same id and version is refused', async () => {
    await loadFramework(FILE, 'KM', 'hmip-youth-2021.json');
    const variant = JSON.parse(JSON.stringify(FILE));
    variant.name = 'A local variant';
    await expect(loadFramework(variant, 'KM', 'variant.json')).rejects.toThrow(
      /A different framework hmip-youth 2021 is already held here/,
    );
    const stored = await readStoredFrameworks();
    expect(stored.map((s) => s.file.name)).toEqual([FILE.name]);
    const builtIn = JSON.parse(
      readFileSync(
        join(__dirname, '..', '..', '..', 'shared', 'framework', 'files', 'hmip-youth-2018.json'),
        'utf8',
      ),
    );
    builtIn.name = 'Youth 2018, edited';
    await expect(loadFramework(builtIn, 'KM', 'edited.json')).rejects.toThrow(/already held/);
  });

  it('is held again at start-up, from the settings table alone', async () => {
    await loadFramework(FILE, 'KM', 'hmip-youth-2021.json');
    forgetLoadedFrameworks();
    expect(findFramework(REF)).toBeUndefined();
    expect(await holdStoredFrameworks()).toEqual([]);
    expect(findFramework(REF)?.name).toBe(FILE.name);
  });
});

describe('an inspection', () => {
  it('pins the hash of the framework it is made on', async () => {
    await loadFramework(FILE, 'KM', 'hmip-youth-2021.json');
    const id = await createInspection({ name: 'Northshire YJS', framework: REF, options: {} }, 'KM');
    const row = await database().inspections.get(id);
    expect(row?.framework).toEqual({ ...REF, hash: loadYouth2021().hash });
    const probation = await createInspection(
      { name: 'Croydon PDU', framework: { id: 'hmip-probation-pdu', version: '2021' }, options: {} },
      'KM',
    );
    expect((await database().inspections.get(probation))?.framework.hash).toBe(
      frameworkHash(PROBATION_PDU_2021),
    );
  });

  it('imported from an export that carries its framework keeps that framework here', async () => {
    const { framework, hash } = loadYouth2021();
    const text = withFrameworks([framework], () =>
      serialiseExport(createExport([youth2021Inspection('good', hash)], new Date('2022-10-01T09:00:00Z'))),
    );
    const file = parseExport(text);
    await applyImport(file, { choices: {}, clashes: {} }, 'LD', 'northshire.json', TEAM_FILE);
    expect((await readStoredFrameworks()).map((s) => [s.hash, s.from, s.by])).toEqual([
      [hash, 'northshire.json', 'LD'],
    ]);
    expect(findFramework({ ...REF, hash })).toBeDefined();
  });
});
