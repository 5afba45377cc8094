// Exports that carry their frameworks: a file on a framework the reader does not hold rates from the definition
// it carries, identically; a definition that was changed, differs from one held, or is named by hash only where
// it is not held is refused with the framework named; nothing a file carries stays held after reading it.
import { afterEach, describe, expect, it } from 'vitest';
import {
  checkFrameworkFile,
  findFramework,
  forgetLoadedFrameworks,
  frameworkHash,
  registerFramework,
  withFrameworks,
  YOUTH_2018,
} from '#shared/framework';
import {
  createExport,
  frameworksOf,
  parseExport,
  serialiseExport,
  tryParseExport,
} from '#shared/interchange';
import { rateInspection } from '#shared/scoring';
import { loadYouth2021, youth2021Inspection } from '../../helpers/youth-2021';

const AT = new Date('2022-10-01T09:00:00.000Z');
const { framework, hash } = loadYouth2021();

/** An export written by a copy that holds the 2021 youth framework. */
function exported(): string {
  return withFrameworks([framework], () =>
    serialiseExport(createExport([youth2021Inspection('requires-improvement', hash)], AT)),
  );
}

afterEach(() => forgetLoadedFrameworks());

describe('a 2021 youth inspection (resettlement rated separately)', () => {
  it('is scored out of 36 without resettlement, which keeps its own rating', () => {
    const rated = rateInspection(youth2021Inspection('inadequate'), framework);
    const resettlement = rated.standards.find((s) => s.id === 'resettlement');
    expect(resettlement).toMatchObject({ rating: 'inadequate', ratedSeparately: true, number: '4.1' });
    // Five judged Good (10); court planning Good (2), the other three court standards Outstanding (9);
    // the out-of-court standards have no cases, so 27 not 36.
    expect([rated.score, rated.maxScore]).toEqual([21, 27]);
    const outstanding = rateInspection(youth2021Inspection('outstanding'), framework);
    expect([outstanding.score, outstanding.maxScore, outstanding.rating]).toEqual([21, 27, rated.rating]);
    expect(rated.domains.find((d) => d.id === 'resettlement')).toMatchObject({ score: 0, maxScore: 0 });
  });
});

describe('an export that carries its framework', () => {
  it('carries the definition of a framework not built in, and only the hash of a built-in one', () => {
    const file = JSON.parse(exported());
    expect(file.frameworks).toEqual([
      {
        id: 'hmip-youth',
        version: '2021',
        hash,
        definition: JSON.parse(JSON.stringify(file.frameworks[0].definition)),
      },
    ]);
    expect(file.frameworks[0].definition.domains).toHaveLength(4);
    const youth2018 = serialiseExport(
      createExport(
        [
          {
            ...youth2021Inspection('good'),
            framework: { id: 'hmip-youth', version: '2018' },
            judgements: {},
          },
        ],
        AT,
      ),
    );
    expect(JSON.parse(youth2018).frameworks).toEqual([
      { id: 'hmip-youth', version: '2018', hash: frameworkHash(YOUTH_2018) },
    ]);
  });

  it('is read and rated by a copy that does not hold the framework, identically', () => {
    const text = exported();
    expect(findFramework({ id: 'hmip-youth', version: '2021' })).toBeUndefined();
    const file = parseExport(text);
    const carried = frameworksOf(file);
    expect(carried.map((f) => frameworkHash(f))).toEqual([hash]);
    const here = withFrameworks(carried, () => rateInspection(file.inspections[0]!));
    const there = rateInspection(youth2021Inspection('requires-improvement', hash), framework);
    expect(here.standards).toEqual(there.standards);
    expect([here.score, here.maxScore, here.rating]).toEqual([there.score, there.maxScore, there.rating]);
    // Reading held it only while reading.
    expect(findFramework({ id: 'hmip-youth', version: '2021' })).toBeUndefined();
  });

  it('is refused when its definition was changed after export, naming the framework', () => {
    const file = JSON.parse(exported());
    file.frameworks[0].definition.overall.publishedTables[0].ranges[2].from = 18;
    file.frameworks[0].definition.overall.publishedTables[0].ranges[1].to = 17;
    delete file.checksum;
    const result = tryParseExport(JSON.stringify(file));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toBe(
      'framework "hmip-youth 2021", definition: the definition does not match its hash: it was changed after the file was exported',
    );
  });

  it('is refused when its definition breaks a rule, with the framework’s own problem', () => {
    const file = JSON.parse(exported());
    file.frameworks[0].definition.overall.points.good = 1;
    delete file.checksum;
    const result = tryParseExport(JSON.stringify(file));
    expect(!result.ok && result.error.message).toBe(
      'framework "hmip-youth 2021", definition: the definition is not a valid framework: the points: Good earns 1, not more than Requires improvement (1)',
    );
  });

  it('is refused when this copy holds a different definition of the same id and version', () => {
    const text = exported();
    const file = JSON.parse(text);
    const changed = JSON.parse(JSON.stringify(file.frameworks[0].definition));
    changed.name = 'Youth justice inspections, a local variant';
    expect(parseExport(text).inspections).toHaveLength(1);
    const variant = checkFrameworkFile(changed);
    if (!variant.ok) throw new Error('expected the variant to load');
    registerFramework(variant.framework);
    const result = tryParseExport(text);
    expect(!result.ok && result.error.message).toBe(
      'framework "hmip-youth 2021", definition: this copy of Casescore holds a different framework hmip-youth 2021; a framework in use is never changed, so a changed one needs a new version',
    );
  });

  it('naming a framework by hash only is read where it is held, and refused with what to do where not', () => {
    const file = JSON.parse(exported());
    delete file.frameworks[0].definition;
    delete file.checksum;
    const text = JSON.stringify(file);
    const result = tryParseExport(text);
    expect(!result.ok && result.error.message).toBe(
      'framework "hmip-youth 2021": the file names the framework hmip-youth 2021 by its hash only, and this copy of Casescore does not hold it; ask for an export that carries its definition, or load its framework file in Settings',
    );
    registerFramework(framework);
    expect(parseExport(text).inspections[0]!.framework.hash).toBe(hash);
  });

  it('is refused when an inspection pins another definition than the file carries', () => {
    const file = JSON.parse(exported());
    file.inspections[0].framework.hash = frameworkHash(YOUTH_2018);
    delete file.checksum;
    const result = tryParseExport(JSON.stringify(file));
    expect(!result.ok && result.error.message).toMatch(
      /^framework "hmip-youth 2021": the inspection "Northshire YJS" was made on another definition of hmip-youth 2021/,
    );
  });

  it('covers the frameworks with the checksum, so a swapped definition with its own hash is refused too', () => {
    // An inspection that pins no hash (as one made before frameworks were files) relies on the checksum.
    const text = withFrameworks([framework], () =>
      serialiseExport(createExport([youth2021Inspection('good')], AT)),
    );
    const file = JSON.parse(text);
    const swapped = JSON.parse(JSON.stringify(file.frameworks[0].definition));
    swapped.keyQuestionBands[1].lowerEdge = { numerator: 40, denominator: 100 };
    swapped.keyQuestionBands[0].upperEdge = { numerator: 40, denominator: 100 };
    const checked = checkFrameworkFile(swapped);
    if (!checked.ok) throw new Error(checked.problems.join('\n'));
    file.frameworks[0] = { ...file.frameworks[0], definition: swapped, hash: checked.hash };
    const result = tryParseExport(JSON.stringify(file));
    expect(!result.ok && result.error.message).toBe(
      'checksum: does not match the content: the file was changed or damaged after it was exported',
    );
  });
});
