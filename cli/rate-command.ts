/**
 * The `rate` command's behaviour, apart from the process so tests can call it directly. A file that fails
 * validation exits 1 with the path-named problem on standard error and nothing on standard output; a usage
 * mistake or unreadable file exits 2. Never a stack trace: the reader is an inspector or a script.
 */
import {
  checkFrameworkText,
  conflictingFramework,
  frameworkHash,
  withFrameworks,
  type Framework,
} from '#shared/framework';
import { answersToCsv, frameworksOf, InterchangeError, parseExport } from '#shared/interchange';
import { DEFAULT_MINIMUM_CASES } from '#shared/scoring';
import { breakdownDocument } from './breakdown-json';
import { breakdownText } from './breakdown-text';

const USAGE = `Usage: npm run --silent rate -- FILE.json [--json | --csv] [--minimum-cases=N] [--framework FRAMEWORK.json]

Prints the rating breakdown of every inspection in a Casescore export.
  --json              print the machine-readable breakdown (see docs/interchange.md) and nothing else
  --csv               print the case-level answers as the same CSV the app exports (one framework version a file)
  --minimum-cases=N   flag a standard rated from fewer than N cases (default ${DEFAULT_MINIMUM_CASES})
  --framework F.json  rate against this framework file (docs/frameworks.md) where the export does not carry it;
                      may be given more than once
  --help              show this help`;

const OPTIONS = ['--json', '--csv'];

/** What a run printed and how it ended; kept apart from the process so it can be tested directly. */
export interface RateOutcome {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: 0 | 1 | 2;
}

/** Runs the command on its arguments, reading the file with `readText`. */
export function runRate(allArgs: readonly string[], readText: (path: string) => string): RateOutcome {
  if (allArgs.includes('--help') || allArgs.includes('-h'))
    return { stdout: `${USAGE}\n`, stderr: '', exitCode: 0 };
  const split = frameworkArgs(allArgs);
  if ('problem' in split) return usageError(split.problem);
  const { args, frameworkPaths } = split;
  const given: Framework[] = [];
  for (const frameworkPath of frameworkPaths) {
    const read = readFile(frameworkPath, readText);
    if ('failure' in read) return read.failure;
    const checked = checkFrameworkText(read.text);
    if (!checked.ok) {
      const list = checked.problems.map((p) => `  - ${p}`).join('\n');
      return {
        stdout: '',
        stderr: `rate: ${frameworkPath} is not a valid framework file:\n${list}\n`,
        exitCode: 1,
      };
    }
    const held = conflictingFramework(checked.framework);
    if (held) {
      return {
        stdout: '',
        stderr:
          `rate: ${frameworkPath} is another definition of ${held.id} ${held.version} than the one built in ` +
          `(${frameworkHash(held)}); a framework in use is never changed, so a changed one needs a new version\n`,
        exitCode: 1,
      };
    }
    given.push(checked.framework);
  }
  return withFrameworks(given, () => rateFile(args, readText));
}

/** The `--framework` paths taken out of the arguments (as `--framework F` or `--framework=F`). */
function frameworkArgs(
  args: readonly string[],
): { args: string[]; frameworkPaths: string[] } | { problem: string } {
  const rest: string[] = [];
  const frameworkPaths: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    if (arg === '--framework') {
      const path = args[i + 1];
      if (path === undefined || path.startsWith('-'))
        return { problem: '--framework needs a framework file' };
      frameworkPaths.push(path);
      i += 1;
    } else if (arg.startsWith('--framework=')) {
      frameworkPaths.push(arg.slice('--framework='.length));
    } else {
      rest.push(arg);
    }
  }
  return { args: rest, frameworkPaths };
}

function readFile(
  path: string,
  readText: (path: string) => string,
): { text: string } | { failure: RateOutcome } {
  try {
    return { text: readText(path) };
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    return { failure: { stdout: '', stderr: `rate: cannot read ${path}: ${why}\n`, exitCode: 2 } };
  }
}

function rateFile(args: readonly string[], readText: (path: string) => string): RateOutcome {
  const json = args.includes('--json');
  const csv = args.includes('--csv');
  const minimumArg = args.find((a) => a.startsWith('--minimum-cases='));
  const minimumCases = minimumArg
    ? Number(minimumArg.slice('--minimum-cases='.length))
    : DEFAULT_MINIMUM_CASES;
  if (!Number.isInteger(minimumCases) || minimumCases < 1) {
    return usageError(`--minimum-cases needs a whole number of cases, 1 or more (got ${minimumArg})`);
  }
  const unknown = args.filter((a) => a.startsWith('-') && !OPTIONS.includes(a) && a !== minimumArg);
  if (json && csv) return usageError('choose --json or --csv, not both');
  const files = args.filter((a) => !a.startsWith('-'));
  if (unknown.length > 0) return usageError(`unknown option ${unknown[0]}`);
  if (files.length !== 1)
    return usageError(files.length === 0 ? 'name one export file' : 'name only one export file');
  const path = files[0] as string;
  const read = readFile(path, readText);
  if ('failure' in read) return read.failure;
  try {
    const file = parseExport(read.text);
    // The frameworks the file carries are held while it is rated, so a file rates wherever it is read.
    const stdout = withFrameworks(frameworksOf(file), () =>
      csv
        ? answersToCsv(file.inspections)
        : json
          ? `${JSON.stringify(breakdownDocument(file.inspections, minimumCases), null, 2)}\n`
          : breakdownText(file.inspections, minimumCases),
    );
    return { stdout, stderr: '', exitCode: 0 };
  } catch (error) {
    if (error instanceof InterchangeError) {
      return {
        stdout: '',
        stderr: `rate: ${path} is not a valid Casescore export: ${error.message}\n`,
        exitCode: 1,
      };
    }
    const message = error instanceof Error ? error.message : String(error);
    const what = csv ? 'written as CSV' : 'rated';
    return { stdout: '', stderr: `rate: ${path} could not be ${what}: ${message}\n`, exitCode: 1 };
  }
}

function usageError(problem: string): RateOutcome {
  return { stdout: '', stderr: `rate: ${problem}\n\n${USAGE}\n`, exitCode: 2 };
}
