import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { loadAnnexeTwo } from '../../seeds';
import { answersToCsv, CSV_BOM, parseExport, serialiseExport } from '../../shared/interchange';
import { rateInspection } from '../../shared/scoring';

const run = promisify(execFile);
const SAMPLE = 'seeds/samples/london-2022.json';

/** Runs `npm run --silent rate -- ...args` as a person would, and never throws on a non-zero exit. */
async function rate(...args: string[]) {
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

function tempFile(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'casescore-rate-')), name);
  writeFileSync(path, text);
  return path;
}

// Each test starts npm and tsx as a person would: seconds each on a busy machine.
describe('npm run rate', { timeout: 60_000 }, () => {
  it('prints machine JSON with --json, and nothing else, matching the scoring module', async () => {
    const { stdout, stderr, code } = await rate(SAMPLE, '--json');
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
    expect(stdout).toMatch(/answers? changed from No to Yes would make Assessment Requires improvement/);
  });

  it('refuses a broken file: exit 1, the path-named problem on standard error, nothing on standard output', async () => {
    const file = JSON.parse(readFileSync(SAMPLE, 'utf8'));
    file.inspections[2].cases[7].answers['planning.safety'].value = 'maybe';
    const path = tempFile('broken.json', JSON.stringify(file));
    const { stdout, stderr, code } = await rate(path, '--json');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `rate: ${path} is not a valid Casescore export: ` +
        'inspections[2].cases[7].answers["planning.safety"].value: expected yes | no | na, got "maybe"\n',
    );
    expect(stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('refuses a truncated file without a stack trace', async () => {
    const path = tempFile('truncated.json', readFileSync(SAMPLE, 'utf8').slice(0, 5000));
    const { stdout, stderr, code } = await rate(path);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('(the file): not valid JSON (is the file complete?)');
    expect(stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('says so when the file does not exist, exiting 2', async () => {
    const { stdout, stderr, code } = await rate('no/such/file.json');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('rate: cannot read no/such/file.json: no such file\n');
  });

  it('explains its usage when no file is named', async () => {
    const { stderr, code } = await rate();
    expect(code).toBe(2);
    expect(stderr).toContain('rate: name one export file');
    expect(stderr).toContain('Usage: npm run --silent rate -- FILE.json [--json | --csv]');
  });
});
