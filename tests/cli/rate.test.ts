import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { runRate } from '../../cli/rate-command';
import { loadAnnexeTwo } from '../../seeds';
import { answersToCsv, createExport, CSV_BOM, parseExport, serialiseExport } from '#shared/interchange';
import { rateInspection } from '#shared/scoring';

const run = promisify(execFile);
const SAMPLE = 'seeds/samples/london-2022.json';

/** Runs `npm run --silent rate -- ...args` as a person would, and never throws on a non-zero exit. */
async function rateAsProcess(...args: string[]) {
  try {
    const { stdout, stderr } = await run('npm', ['run', '--silent', 'rate', '--', ...args], {
      encoding: 'utf8',
    });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
  }
}

/** The command's behaviour without starting a process: what it prints and how it exits, on real files. */
function rate(...args: string[]) {
  const outcome = runRate(args, (path) => readFileSync(path, 'utf8'));
  return { stdout: outcome.stdout, stderr: outcome.stderr, code: outcome.exitCode };
}

function tempFile(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'casescore-rate-')), name);
  writeFileSync(path, text);
  return path;
}

describe('npm run rate, as a process', () => {
  it("prints the sample export's breakdown as JSON on standard output, exiting 0", async () => {
    const { stdout, stderr, code } = await rateAsProcess(SAMPLE, '--json');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(JSON.parse(stdout)).toEqual(JSON.parse(rate(SAMPLE, '--json').stdout));
  });

  it('says beside the table whether the file is signed, and by which key', async () => {
    const unsigned = await rateAsProcess(SAMPLE);
    expect(unsigned.code).toBe(0);
    expect(unsigned.stderr).toBe(`rate: ${SAMPLE} is not signed: who wrote it cannot be checked\n`);
    const signed = await rateAsProcess('tests/fixtures/interchange/v3.json');
    expect(signed.code).toBe(0);
    expect(signed.stderr).toMatch(
      /^rate: tests\/fixtures\/interchange\/v3\.json is signed by the key [0-9A-F]{4}( [0-9A-F]{4}){3}\n$/,
    );
  });

  it('exits 1 on a file that fails validation, with the problem on standard error only', async () => {
    const path = tempFile('broken.json', '{"format": "casescore.inspections"}');
    const { stdout, stderr, code } = await rateAsProcess(path);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^rate: .*broken\.json is not a valid Casescore export: /);
  });
});

describe('the rate command', () => {
  it('prints machine JSON with --json, and nothing else, matching the scoring module', () => {
    const { stdout, stderr, code } = rate(SAMPLE, '--json');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const printed = JSON.parse(stdout);
    const annexe = loadAnnexeTwo();
    expect(
      printed.inspections.map((i: { score: number; maxScore: number; rating: string }) => [
        i.score,
        i.maxScore,
        i.rating,
      ]),
    ).toEqual(annexe.map((p) => [p.publishedScore, p.publishedMaxScore, p.publishedRating]));
    const file = parseExport(readFileSync(SAMPLE, 'utf8'));
    const newham = rateInspection(file.inspections[4]!);
    const assessment = printed.inspections[4].standards.find((s: { id: string }) => s.id === 'assessment');
    const expected = newham.standards.find((s) => s.id === 'assessment')!;
    expect(assessment).toMatchObject({ number: '2.1', rating: 'inadequate', computedRating: 'inadequate' });
    expect(assessment.keyQuestions[0]).toEqual(
      expect.objectContaining({
        id: 'assessment.engagement',
        yes: expected.keyQuestions[0]!.yes,
        no: expected.keyQuestions[0]!.no,
        applicable: expected.keyQuestions[0]!.applicable,
        share: Math.round(expected.keyQuestions[0]!.share! * 1000) / 1000,
        band: expected.keyQuestions[0]!.rating,
      }),
    );
    expect(printed.inspections[0].domains[1]).toMatchObject({
      id: 'case-supervision',
      score: 0,
      maxScore: 15,
    });
  });

  it('prints with --csv the CSV the app writes, from a real file, and nothing else', async () => {
    const { stdout, stderr, code } = await rate(SAMPLE, '--csv');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const file = parseExport(readFileSync(SAMPLE, 'utf8'));
    expect(stdout).toBe(answersToCsv(file.inspections));
    expect(stdout.startsWith(`${CSV_BOM}"Inspection",`)).toBe(true);
    // Two header rows and a row for each of the 248 live cases.
    const rows = Papa.parse<string[]>(stdout.slice(1), { skipEmptyLines: true });
    expect(rows.errors).toEqual([]);
    expect(rows.data).toHaveLength(2 + 248);
  });

  it('refuses --csv for a file mixing framework versions, saying which, and --csv with --json', async () => {
    const file = parseExport(readFileSync(SAMPLE, 'utf8'));
    const youth = {
      ...file.inspections[0]!,
      id: 'yos',
      name: 'Lambeth YOS',
      cases: [],
      audit: [],
      judgements: {},
      overrides: {},
      options: {},
    };
    const mixed = serialiseExport({
      ...file,
      inspections: [file.inspections[0]!, { ...youth, framework: { id: 'hmip-youth', version: '2018' } }],
    } as never);
    const path = tempFile('mixed.json', mixed);
    const refused = await rate(path, '--csv');
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe(
      `rate: ${path} could not be written as CSV: Lambeth YOS uses another framework; export one framework version at a time\n`,
    );
    const both = await rate(SAMPLE, '--csv', '--json');
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('choose --json or --csv, not both');
  });

  it('prints a readable breakdown by default', async () => {
    const { stdout, code } = await rate(SAMPLE);
    expect(code).toBe(0);
    expect(stdout).toContain('Newham PDU');
    expect(stdout).toContain('Overall: Requires improvement, 6/24');
    expect(stdout).toContain('Overall: Inadequate, 0/27');
    expect(stdout).toMatch(/2\.1 +Court work +Inadequate/);
    expect(stdout).toContain('<- sets the rating');
    expect(stdout).toContain('management oversight was effective, in cases that required it:');
    expect(stdout).toMatch(
      /answers? in .+ changed from No to Yes would make Assessment Requires improvement/,
    );
  });

  it('lists answers set aside as notCounted, and rates as if they were not there', async () => {
    const file = JSON.parse(readFileSync(SAMPLE, 'utf8'));
    delete file.checksum;
    const inspection = file.inspections[0];
    const sampled = inspection.cases.find((c: { caseType: string }) => c.caseType === 'community');
    sampled.answers['pre-release.risks-assessed'] = {
      value: 'yes',
      note: 'Given before the case type changed',
    };
    const { stdout, code } = await rate(tempFile('set-aside.json', JSON.stringify(file)), '--json');
    expect(code).toBe(0);
    const printed = JSON.parse(stdout);
    expect(printed.inspections[0].notCounted).toEqual([
      {
        caseId: sampled.id,
        reference: sampled.reference,
        questionId: 'pre-release.risks-assessed',
        value: 'yes',
      },
    ]);
    expect(
      printed.inspections.slice(1).every((i: { notCounted: unknown[] }) => i.notCounted.length === 0),
    ).toBe(true);
    const original = JSON.parse((await rate(SAMPLE, '--json')).stdout);
    expect(printed.inspections[0].standards).toEqual(original.inspections[0].standards);
    const table = await rate(tempFile('set-aside.json', JSON.stringify(file)));
    expect(table.stdout).toContain(
      `Answers kept but not counted (the question no longer applies to the case): 1\n    ${sampled.reference} pre-release.risks-assessed: Yes`,
    );
  });

  it('refuses a broken file: exit 1, the problem in words on standard error, nothing on standard output', async () => {
    const file = JSON.parse(readFileSync(SAMPLE, 'utf8'));
    file.inspections[2].cases[7].answers['planning.safety'].value = 'maybe';
    const { name } = file.inspections[2];
    const { reference } = file.inspections[2].cases[7];
    const path = tempFile('broken.json', JSON.stringify(file));
    const { stdout, stderr, code } = rate(path, '--json');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    // This PDU rates court work, so planning is standard 2.3.
    expect(stderr).toBe(
      `rate: ${path} is not a valid Casescore export: ` +
        `inspection "${name}", case "${reference}", question 2.3 "Does planning focus sufficiently on keeping other people safe?", answer: expected yes | no | na, got "maybe"\n`,
    );
    expect(stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('refuses a truncated file without a stack trace', () => {
    const path = tempFile('truncated.json', readFileSync(SAMPLE, 'utf8').slice(0, 5000));
    const { stdout, stderr, code } = rate(path);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('(the file): not valid JSON (is the file complete?)');
    expect(stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('says so when the file does not exist, exiting 2', () => {
    const { stdout, stderr, code } = rate('no/such/file.json');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('rate: cannot read no/such/file.json: no such file\n');
  });

  it('explains its usage when no file is named', () => {
    const { stderr, code } = rate();
    expect(code).toBe(2);
    expect(stderr).toContain('rate: name one export file');
    expect(stderr).toContain('Usage: npm run --silent rate -- FILE.json [--json | --csv]');
  });

  it('says so when the path is a folder, exiting 2', () => {
    const { stdout, stderr, code } = rate('seeds');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('rate: cannot read seeds: it is a folder\n');
  });

  it('refuses an unknown option or a second file, naming the mistake', () => {
    expect(rate(SAMPLE, '--sideways')).toMatchObject({ code: 2, stdout: '' });
    expect(rate(SAMPLE, '--sideways').stderr).toMatch(/^rate: unknown option --sideways\n\nUsage:/);
    expect(rate(SAMPLE, SAMPLE).stderr).toMatch(/^rate: name only one export file\n/);
  });

  it('shows its help on standard output with --help, exiting 0', () => {
    const { stdout, stderr, code } = rate('--help');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/--json +print the machine-readable breakdown/);
  });
  it('gives each key question its 80% and 95% Wilson intervals and each standard how sure its band is', async () => {
    const { stdout, code } = await rate(SAMPLE, '--json');
    expect(code).toBe(0);
    const newham = JSON.parse(stdout).inspections[4];
    const assessment = newham.standards.find((s: { id: string }) => s.id === 'assessment');
    // 22 of 41 Yes (53.7%). By hand, z = 1.2816: centre (p + z²/82) / (1 + z²/41) = 0.5352, half-width 0.0979.
    expect(assessment.keyQuestions[0]).toMatchObject({ yes: 22, applicable: 41 });
    expect(assessment.keyQuestions[0].intervals).toEqual([
      { level: 0.8, lower: 0.437, upper: 0.633 },
      { level: 0.95, lower: 0.387, upper: 0.679 },
    ]);
    expect(assessment.certainty).toEqual({
      level: 0.8,
      lowestBand: 'inadequate',
      highestBand: 'inadequate',
      settled: true,
      moreCasesToSettle: 0,
    });
    const judged = newham.standards.find((s: { method: string }) => s.method === 'judgement');
    expect(judged.certainty).toBeNull();
  });
  it('adds the dip samples and agreement figures, recomputed from the scorings, when the file has them', async () => {
    const inspection = {
      id: 'qa',
      name: 'QA PDU',
      framework: { id: 'hmip-probation-pdu', version: '2021' },
      options: { courtWork: false },
      judgements: {},
      overrides: {},
      cases: ['A', 'B'].map((reference, i) => ({
        id: `c${i}`,
        reference,
        caseType: 'community' as const,
        inspector: i === 0 ? 'KM' : 'SD',
        attributes: {},
        answers: { 'assessment.engagement': { value: 'yes' as const } },
      })),
      moderation: {
        dipSamples: [
          {
            id: 's1',
            seed: 7,
            size: 2,
            drawnAt: '2026-11-26T10:00:00Z',
            by: 'QL',
            caseIds: ['c0', 'c1'],
            strata: [],
          },
        ],
        secondScorings: [
          {
            caseId: 'c0',
            by: 'QL',
            startedAt: '2026-11-26T10:00:00Z',
            first: { 'assessment.engagement': 'yes' as const },
            second: { 'assessment.engagement': 'yes' as const },
            reconciled: {},
          },
          {
            caseId: 'c1',
            by: 'QL',
            startedAt: '2026-11-26T10:00:00Z',
            first: { 'assessment.engagement': 'yes' as const },
            second: { 'assessment.engagement': 'no' as const },
            reconciled: {},
          },
        ],
        // A stale figure in the file is not trusted: the command recomputes.
        agreement: { overall: { pairs: 99 } },
      },
    };
    const path = tempFile(
      'qa.json',
      serialiseExport(createExport([inspection], new Date('2026-11-26T11:00:00Z'))),
    );
    const { stdout, code } = await rate(path, '--json');
    expect(code).toBe(0);
    const moderation = JSON.parse(stdout).inspections[0].moderation;
    expect(moderation.dipSamples).toEqual([{ seed: 7, size: 2, caseIds: ['c0', 'c1'] }]);
    // Two pairs, one agreed: 50%; PABAK over three categories (0.5 − 1/3) / (2/3) = 0.25.
    expect(moderation.agreement.overall).toMatchObject({
      pairs: 2,
      agreed: 1,
      percentAgreement: 0.5,
      pabak: 0.25,
    });
    expect(
      moderation.agreement.byInspector.map((r: { id: string; agreed: number }) => [r.id, r.agreed]),
    ).toEqual([
      ['KM', 1],
      ['SD', 0],
    ]);
  });
});
