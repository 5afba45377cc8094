// Framework files: any valid file loads and writes back unchanged; the built-in frameworks are such files, load
// through the same path and rate exactly as before; every kind of bad file is refused with every problem said
// in words that name the standard or question, and nothing is held.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkFrameworkFile,
  checkFrameworkText,
  findFramework,
  frameworkFile,
  frameworkFileText,
  frameworkHash,
  FRAMEWORKS,
  knownFrameworks,
  loadFrameworkFile,
  FrameworkFileError,
  numberStandards,
  PROBATION_PDU_2021,
  YOUTH_2018,
  type FrameworkFile,
} from '#shared/framework';
import { frameworkFileArbitrary } from '../../helpers/framework-files';

const ROOT = join(__dirname, '..', '..', '..');
const read = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as FrameworkFile;

/** The youth 2021 file as committed, for each test to break one piece of. */
function youth2021(): Record<string, any> {
  return read('frameworks/hmip-youth-2021.json') as unknown as Record<string, any>;
}

function problemsOf(file: unknown): readonly string[] {
  const checked = checkFrameworkFile(file);
  if (checked.ok) throw new Error('expected the file to be refused');
  return checked.problems;
}

describe('a framework file', () => {
  it('round-trips: any valid file loads, and is written back exactly as it was', () => {
    fc.assert(
      fc.property(frameworkFileArbitrary, (file) => {
        const checked = checkFrameworkFile(file);
        if (!checked.ok) throw new Error(checked.problems.join('\n'));
        expect(frameworkFile(checked.framework)).toEqual(file);
        // Through text too: the same framework, the same hash.
        const again = checkFrameworkText(frameworkFileText(checked.framework));
        expect(again.ok && again.hash).toBe(checked.hash);
      }),
      { numRuns: 150 },
    );
  });

  it('has a hash that changes with any rule', () => {
    const file = youth2021();
    const before = frameworkHash(loadFrameworkFile(file));
    file.overall.publishedTables[0].ranges[1].to = 17;
    file.overall.publishedTables[0].ranges[2].from = 18;
    expect(frameworkHash(loadFrameworkFile(file))).not.toBe(before);
  });
});

describe('the built-in frameworks', () => {
  it.each([
    ['shared/framework/files/hmip-probation-pdu-2021.json', PROBATION_PDU_2021],
    ['shared/framework/files/hmip-youth-2018.json', YOUTH_2018],
  ])('are the files %s, byte for byte as `framework export` writes them', (path, framework) => {
    expect(frameworkFileText(framework)).toBe(readFileSync(join(ROOT, path), 'utf8'));
    expect(frameworkFile(framework)).toEqual(read(path));
  });

  it.each([
    ['shared/framework/files/hmip-probation-pdu-2021.json', PROBATION_PDU_2021],
    ['shared/framework/files/hmip-youth-2018.json', YOUTH_2018],
  ])('pass the full check here, so the app need not check %s again at every start', (path, framework) => {
    // The app makes the built-in files into frameworks without zod or the file checks (`builtInFramework`);
    // this is where they are checked, and the full check must give exactly the framework the app holds.
    const checked = checkFrameworkText(readFileSync(join(ROOT, path), 'utf8'));
    if (!checked.ok) throw new Error(checked.problems.join('\n'));
    expect(checked.framework).toEqual(framework);
    expect(checked.hash).toBe(frameworkHash(framework));
  });

  it('keep the hashes inspections have pinned: a change needs a new version, never an edit', () => {
    // Changing a built-in file changes its hash and strands every inspection pinned to it. Correct a rule by
    // adding a new version of the framework; then add its hash here.
    expect(FRAMEWORKS.map((f) => [`${f.id}@${f.version}`, frameworkHash(f)])).toEqual([
      ['hmip-probation-pdu@2021', 'sha256:488eaa8b90fa2d350a11d3266785df41d6d52ab10a2d031bf53286e72ad32257'],
      ['hmip-youth@2018', 'sha256:c9d425e4b8528d15148425da1c392328ecd33a74cd1887517fcbb28b41d60d50'],
    ]);
  });

  it('mark the rules the London letter confirms as confirmed, and the others not', () => {
    const standards = PROBATION_PDU_2021.domains.flatMap((d) => d.standards);
    expect(
      standards.every((s) => s.basis?.sure === 'confirmed' && s.basis.source === 'london-letter-2022'),
    ).toBe(true);
    expect(PROBATION_PDU_2021.nonRatedQuestions.every((q) => q.basis?.sure === 'confirmed')).toBe(true);
    expect(PROBATION_PDU_2021.keyQuestionBands.every((b) => b.basis?.sure === 'unconfirmed')).toBe(true);
    expect(PROBATION_PDU_2021.overall.proportionalRuleBasis?.sure).toBe('unconfirmed');
  });
});

describe('the 2021 youth framework, with resettlement', () => {
  const checked = checkFrameworkText(readFileSync(join(ROOT, 'frameworks/hmip-youth-2021.json'), 'utf8'));
  if (!checked.ok) throw new Error(checked.problems.join('\n'));
  const framework = checked.framework;

  it('is a valid file, not built in, with resettlement rated separately and out of 36 still', () => {
    expect(FRAMEWORKS.some((f) => f.id === 'hmip-youth' && f.version === '2021')).toBe(false);
    const resettlement = framework.domains.flatMap((d) => d.standards).find((s) => s.id === 'resettlement');
    expect(resettlement).toMatchObject({ method: 'judgement', ratedSeparately: true });
    expect(resettlement?.basis?.sure).toBe('unconfirmed');
    expect(framework.overall.publishedTables.map((t) => t.maxScore)).toEqual([36]);
    expect(numberStandards(framework, {}).get('resettlement')).toBe('4.1');
  });

  it('says, on every rule, how sure it is; none is claimed confirmed without a published source here', () => {
    const bases = framework.domains.flatMap((d) => [d.basis, ...d.standards.map((s) => s.basis)]);
    expect(bases.every((b) => b?.sure === 'unconfirmed')).toBe(true);
  });
});

describe('a bad framework file', () => {
  it.each<[string, (f: Record<string, any>) => void, string]>([
    [
      'a key question twice in one standard',
      (f) =>
        f.domains[1].standards[0].keyQuestions.push({
          ...f.domains[1].standards[0].keyQuestions[0],
          prompts: [],
        }),
      "standard 2.1 'Assessment': key question 'court-assessment.desistance' appears twice",
    ],
    [
      'a question id in two standards',
      (f) => (f.domains[1].standards[1].keyQuestions[0].id = 'court-assessment.desistance'),
      "standard 2.2 'Planning': key question 'court-assessment.desistance' appears twice (also in standard 2.1 'Assessment')",
    ],
    [
      'a standard id twice',
      (f) => (f.domains[2].standards[0].id = 'court-assessment'),
      "standard 3.1 'Assessment': the standard id 'court-assessment' appears twice (also standard 2.1 'Assessment')",
    ],
    [
      'a condition on a case detail the framework does not ask for',
      (f) => (f.domains[1].standards[0].appliesToCase = { kind: 'released-on-licence' }),
      "standard 2.1 'Assessment': appliesToCase: the condition 'released-on-licence' depends on the case detail 'releasedOnLicence', which the framework does not ask for (caseDetails)",
    ],
    [
      'a condition on a case type the framework lacks',
      (f) => (f.domains[1].standards[0].appliesToCase = { kind: 'case-type', caseTypes: ['licence'] }),
      "standard 2.1 'Assessment': appliesToCase: the condition names the case type 'licence', which is not among the framework's case types",
    ],
    [
      'a condition on an option the framework does not offer',
      (f) => (f.domains[0].standards[0].ratedWhen = { kind: 'option', option: 'courtWork' }),
      "standard 1.1 'Governance and leadership': ratedWhen: the condition names the option 'courtWork', which the framework does not offer",
    ],
    [
      'a key-question band table with a gap',
      (f) => (f.keyQuestionBands[0].upperEdge = { numerator: 45, denominator: 100 }),
      "key-question band 'Minority': it ends below 45% but the next band 'Too few' starts at 50%, leaving a gap",
    ],
    [
      'a key-question band table that overlaps',
      (f) => (f.keyQuestionBands[2].lowerEdge = { numerator: 50, denominator: 100 }),
      "key-question band 'Too few': it starts at 50%, not below the next band 'Reasonable majority' (50%), so the two overlap; list bands lowest first",
    ],
    [
      'a lowest band that does not start at 0%',
      (f) => (f.keyQuestionBands[0].lowerEdge = { numerator: 10, denominator: 100 }),
      "key-question band 'Minority': the lowest band must start at 0%, or shares below 10% have no band (a gap)",
    ],
    [
      'a published table with a gap',
      (f) => (f.overall.publishedTables[0].ranges[2].from = 20),
      'the published table out of 36: Good: starts at 20, leaving the score 19 without a rating (a gap)',
    ],
    [
      'a published table with an overlap',
      (f) => (f.overall.publishedTables[0].ranges[1].to = 19),
      'the published table out of 36: Good: starts at 19, which the rating before already covers (an overlap)',
    ],
    [
      'a published table the points cannot reach',
      (f) => {
        f.overall.publishedTables[0].maxScore = 35;
        f.overall.publishedTables[0].ranges[3].to = 35;
      },
      'the published table out of 35: a maximum of 35 cannot come from the points (each rated standard adds 3, the points for Outstanding)',
    ],
    [
      'a published table beyond what the standards can score',
      (f) => {
        f.overall.publishedTables[0].maxScore = 39;
        f.overall.publishedTables[0].ranges[3].to = 39;
      },
      "the published table out of 39: the framework's 12 counted standards can score at most 36",
    ],
    [
      'points that do not rise with the rating',
      (f) => (f.overall.points.good = 1),
      'the points: Good earns 1, not more than Requires improvement (1)',
    ],
    [
      'named conditions in a cycle',
      (f) => {
        f.conditions = {
          'court-case': { kind: 'all', conditions: [{ kind: 'named', name: 'child' }] },
          child: { kind: 'named', name: 'court-case' },
        };
      },
      "named condition 'court-case': refers to itself through 'court-case' → 'child' → 'court-case'",
    ],
    [
      'a named condition that does not exist',
      (f) => (f.domains[1].standards[0].appliesToCase = { kind: 'named', name: 'custody' }),
      "standard 2.1 'Assessment': appliesToCase: the condition names 'custody', which is not one of the framework's named conditions",
    ],
    [
      'a basis naming an unknown source',
      (f) => (f.domains[1].standards[0].basis = { sure: 'confirmed', source: 'a-letter' }),
      "standard 2.1 'Assessment': its basis names the source 'a-letter', which is not among the framework's sources",
    ],
    [
      'a field the format does not know',
      (f) => (f.domains[1].standards[0].keyQuestions[0].weight = 2),
      "standard 2.1 'Assessment': key question 'court-assessment.desistance': has a field the format does not know: 'weight'",
    ],
    [
      'a standard rated some other way',
      (f) => (f.domains[1].standards[2].method = 'vote'),
      "standard 2.3 'Implementation and delivery': method: has an unknown kind; expected one of judgement, case-sample",
    ],
    [
      'a key question without its words',
      (f) => delete f.domains[1].standards[3].keyQuestions[1].text,
      "standard 2.4 'Reviewing': key question 'court-reviewing.child-safety': text: is missing (expected string)",
    ],
  ])('is refused: %s', (_, mutate, expected) => {
    const file = youth2021();
    mutate(file);
    const problems = problemsOf(file);
    expect(problems).toContain(expected);
    for (const problem of problems) expect(problem).not.toMatch(/\[\d+\]|domains\.\d|standards\.\d/);
  });

  it('lists every problem, not only the first, and loads nothing', () => {
    const file = youth2021();
    file.version = '2099';
    file.domains[1].standards[0].keyQuestions.push({
      ...file.domains[1].standards[0].keyQuestions[0],
      prompts: [],
    });
    file.keyQuestionBands[0].upperEdge = { numerator: 45, denominator: 100 };
    file.overall.points.good = 1;
    const before = knownFrameworks().length;
    expect(() => loadFrameworkFile(file)).toThrow(FrameworkFileError);
    try {
      loadFrameworkFile(file);
    } catch (error) {
      expect((error as FrameworkFileError).problems).toHaveLength(3);
      expect((error as Error).message).toMatch(/^The framework file has 3 problems:\n- /);
    }
    expect(knownFrameworks()).toHaveLength(before);
    expect(findFramework({ id: 'hmip-youth', version: '2099' })).toBeUndefined();
  });

  it('that is not JSON says so', () => {
    const checked = checkFrameworkText('{ "format": ');
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.problems[0]).toMatch(/^the file is not JSON/);
  });
});
