// `npm run framework` and `npm run rate --framework` on real files on disk: a valid file is summarised, a bad
// one has every problem printed with a non-zero exit, a built-in one is exported exactly as its file, and an
// export on a framework this copy does not hold is rated from the definition it carries or the file given.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runFramework } from '../../cli/framework-command';
import { runRate } from '../../cli/rate-command';
import { withFrameworks } from '#shared/framework';
import { createExport, serialiseExport } from '#shared/interchange';
import { loadYouth2021, YOUTH_2021_PATH, youth2021Inspection } from '../helpers/youth-2021';

const execute = promisify(execFile);

/** Runs `npm run --silent <script> -- ...args` as a person would, and never throws on a non-zero exit. */
async function npmRun(script: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await execute('npm', ['run', '--silent', script, '--', ...args], {
      encoding: 'utf8',
    });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
  }
}

const readText = (path: string) => readFileSync(path, 'utf8');

function tempFile(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'casescore-framework-')), name);
  writeFileSync(path, text);
  return path;
}

/** The 2021 youth file with three mistakes in it. */
function brokenFramework(): string {
  const file = JSON.parse(readText(YOUTH_2021_PATH));
  file.domains[1].standards[0].keyQuestions.push({
    ...file.domains[1].standards[0].keyQuestions[0],
    prompts: [],
  });
  file.keyQuestionBands[0].upperEdge = { numerator: 45, denominator: 100 };
  file.domains[1].standards[0].appliesToCase = { kind: 'court-report-inspected' };
  return JSON.stringify(file, null, 2);
}

const { framework, hash } = loadYouth2021();

/** An export of a 2021 youth inspection, carrying the framework's definition or (`hashOnly`) naming it by hash. */
function youthExport(hashOnly: boolean): string {
  const text = withFrameworks([framework], () =>
    serialiseExport(createExport([youth2021Inspection('good', hash)], new Date('2022-10-01T09:00:00Z'))),
  );
  if (!hashOnly) return text;
  const file = JSON.parse(text);
  delete file.frameworks[0].definition;
  delete file.checksum;
  return JSON.stringify(file, null, 2);
}

describe('npm run framework, as a process', () => {
  it('checks a valid file: a summary on standard output, exit 0', async () => {
    const { stdout, stderr, code } = await npmRun('framework', 'check', 'frameworks/hmip-youth-2021.json');
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toContain('frameworks/hmip-youth-2021.json: a valid framework file');
    expect(stdout).toContain('Resettlement policy and provision rated separately');
    expect(stdout).toContain('  rules: 0 confirmed, 54 unconfirmed\n');
    expect(stdout).toContain(`hash ${hash}`);
  });

  it('prints every problem of a bad file on standard error, and exits 1', async () => {
    const path = tempFile('broken.json', brokenFramework());
    const { stdout, stderr, code } = await npmRun('framework', 'check', path);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `framework: ${path} has 3 problems; nothing was loaded:\n` +
        "  - standard 2.1 'Assessment': appliesToCase: the condition 'court-report-inspected' depends on the case detail 'courtReport', which the framework does not ask for (caseDetails)\n" +
        "  - standard 2.1 'Assessment': key question 'court-assessment.desistance' appears twice\n" +
        "  - key-question band 'Minority': it ends below 45% but the next band 'Too few' starts at 50%, leaving a gap\n",
    );
  });

  it('exports a built-in framework as its file, which checks as valid from disk', async () => {
    const { stdout, code } = await npmRun('framework', 'export', 'hmip-probation-pdu@2021');
    expect(code).toBe(0);
    expect(stdout).toBe(readText('shared/framework/files/hmip-probation-pdu-2021.json'));
    const path = tempFile('probation.json', stdout);
    expect(runFramework(['check', path], readText)).toMatchObject({ exitCode: 0, stderr: '' });
  });
});

describe('the framework command', () => {
  it('says which built-in frameworks there are when asked for another', () => {
    expect(runFramework(['export', 'hmip-youth@2021'], readText)).toEqual({
      stdout: '',
      stderr:
        'framework: no built-in framework hmip-youth@2021; built in: hmip-probation-pdu@2021, hmip-youth@2018\n',
      exitCode: 2,
    });
  });

  it('refuses a file that is another definition of a built-in framework', () => {
    const file = JSON.parse(readText('shared/framework/files/hmip-youth-2018.json'));
    file.name = 'Youth, as we would have it';
    const outcome = runFramework(['check', tempFile('variant.json', JSON.stringify(file))], readText);
    expect(outcome.exitCode).toBe(1);
    expect(outcome.stderr).toMatch(/another definition of hmip-youth 2018, which is built in/);
  });

  it('says so when the file is missing, and what the commands are when the command is unknown', () => {
    expect(runFramework(['check', '/no/such/file.json'], readText)).toMatchObject({
      exitCode: 2,
      stderr: 'framework: cannot read /no/such/file.json: no such file\n',
    });
    expect(runFramework(['validate', 'x.json'], readText).stderr).toMatch(
      /^framework: unknown command validate/,
    );
  });
});

describe('npm run rate on a file whose framework this copy does not hold', () => {
  it('rates from the definition the file carries, as a process', async () => {
    const path = tempFile('northshire.json', youthExport(false));
    const { stdout, code } = await npmRun('rate', path);
    expect(code).toBe(0);
    expect(stdout).toContain('Youth justice inspections 2021–2025, with resettlement, round 2022, 6 cases');
    expect(stdout).toContain('Overall: Good, 21/27');
    expect(stdout).toMatch(
      /4\.1 +Resettlement policy and provision +Good +\(judgement\) \(rated separately, not in the score\)/,
    );
  });

  it('rates a file that names its framework by hash only from --framework, exactly as from a carried one', async () => {
    const path = tempFile('hash-only.json', youthExport(true));
    const refused = runRate([path], readText);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toMatch(/names the framework hmip-youth 2021 by its hash only/);
    const { stdout, code } = await npmRun(
      'rate',
      path,
      '--json',
      '--framework',
      'frameworks/hmip-youth-2021.json',
    );
    expect(code).toBe(0);
    const carried = runRate([tempFile('carried.json', youthExport(false)), '--json'], readText);
    expect(JSON.parse(stdout)).toEqual(JSON.parse(carried.stdout));
    const resettlement = JSON.parse(stdout).inspections[0].standards.find(
      (s: { id: string }) => s.id === 'resettlement',
    );
    expect(resettlement).toMatchObject({ ratedSeparately: true, rating: 'good' });
  });

  it('lists every problem of a bad --framework file and rates nothing', () => {
    const path = tempFile('hash-only.json', youthExport(true));
    const outcome = runRate([path, '--framework', tempFile('broken.json', brokenFramework())], readText);
    expect(outcome.exitCode).toBe(1);
    expect(outcome.stdout).toBe('');
    expect(outcome.stderr.split('\n').filter((l) => l.startsWith('  - '))).toHaveLength(3);
  });

  it('says --framework needs a file', () => {
    expect(runRate(['x.json', '--framework'], readText)).toMatchObject({ exitCode: 2 });
  });
});
