/**
 * The `rate` command's behaviour, apart from the process so tests can call it directly. A file that fails
 * validation exits 1 with the path-named problem on standard error and nothing on standard output; a usage
 * mistake or unreadable file exits 2. Never a stack trace: the reader is an inspector or a script.
 */
import { answersToCsv, InterchangeError, parseExport } from '../shared/interchange';
import { DEFAULT_MINIMUM_CASES } from '../shared/scoring';
import { breakdownDocument } from './breakdown-json';
import { breakdownText } from './breakdown-text';

const USAGE = `Usage: npm run --silent rate -- FILE.json [--json | --csv] [--minimum-cases=N]

Prints the rating breakdown of every inspection in a Casescore export.
  --json              print the machine-readable breakdown (see docs/interchange.md) and nothing else
  --csv               print the case-level answers as the same CSV the app exports (one framework version a file)
  --minimum-cases=N   flag a standard rated from fewer than N cases (default ${DEFAULT_MINIMUM_CASES})
  --help              show this help`;

const OPTIONS = ['--json', '--csv'];

/** What a run printed and how it ended; kept apart from the process so it can be tested directly. */
export interface RateOutcome {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: 0 | 1 | 2;
}

/** Runs the command on its arguments, reading the file with `readText`. */
export function runRate(args: readonly string[], readText: (path: string) => string): RateOutcome {
  if (args.includes('--help') || args.includes('-h'))
    return { stdout: `${USAGE}\n`, stderr: '', exitCode: 0 };
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
  let text: string;
  try {
    text = readText(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    return { stdout: '', stderr: `rate: cannot read ${path}: ${why}\n`, exitCode: 2 };
  }
  try {
    const file = parseExport(text);
    const stdout = csv
      ? answersToCsv(file.inspections)
      : json
        ? `${JSON.stringify(breakdownDocument(file.inspections, minimumCases), null, 2)}\n`
        : breakdownText(file.inspections, minimumCases);
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
