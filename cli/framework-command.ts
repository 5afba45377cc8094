/**
 * The `framework` command's behaviour, apart from the process so tests can call it directly:
 * `check FILE` validates a framework file and prints every problem (exit 1 when there are any), and
 * `export ID@VERSION` prints a built-in framework as a framework file. A usage mistake or unreadable file
 * exits 2. Never a stack trace: the reader is whoever is writing a framework.
 */
import {
  checkFrameworkText,
  conflictingFramework,
  describeSureness,
  FRAMEWORKS,
  frameworkFileText,
  type Framework,
} from '#shared/framework';

const USAGE = `Usage: npm run --silent framework -- check FILE.json
       npm run --silent framework -- export ID@VERSION

  check FILE.json     check a framework file in full (docs/frameworks.md) and print every problem
  export ID@VERSION   print a built-in framework as a framework file (${FRAMEWORKS.map((f) => `${f.id}@${f.version}`).join(', ')})
  --help              show this help`;

/** What a run printed and how it ended. */
export interface FrameworkOutcome {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: 0 | 1 | 2;
}

/** Runs the command on its arguments, reading files with `readText`. */
export function runFramework(args: readonly string[], readText: (path: string) => string): FrameworkOutcome {
  if (args.includes('--help') || args.includes('-h') || args.length === 0) {
    return { stdout: `${USAGE}\n`, stderr: '', exitCode: args.length === 0 ? 2 : 0 };
  }
  const [command, target, ...extra] = args;
  if (extra.length > 0 || target === undefined) {
    return usageError(target === undefined ? `${command} needs one argument` : `unexpected ${extra[0]}`);
  }
  if (command === 'check') return check(target, readText);
  if (command === 'export') return exportBuiltIn(target);
  return usageError(`unknown command ${command}; expected check or export`);
}

function check(path: string, readText: (path: string) => string): FrameworkOutcome {
  let text: string;
  try {
    text = readText(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    return { stdout: '', stderr: `framework: cannot read ${path}: ${why}\n`, exitCode: 2 };
  }
  const checked = checkFrameworkText(text);
  if (!checked.ok) {
    const count = checked.problems.length;
    const list = checked.problems.map((p) => `  - ${p}\n`).join('');
    return {
      stdout: '',
      stderr: `framework: ${path} has ${count} problem${count === 1 ? '' : 's'}; nothing was loaded:\n${list}`,
      exitCode: 1,
    };
  }
  const framework = checked.framework;
  const held = conflictingFramework(framework);
  if (held) {
    return {
      stdout: '',
      stderr: `framework: ${path} is valid, but it is another definition of ${held.id} ${held.version}, which is built in; a framework in use is never changed, so give it a new version\n`,
      exitCode: 1,
    };
  }
  return { stdout: summary(framework, path, checked.hash), stderr: '', exitCode: 0 };
}

/** What a valid file holds, in a few lines, with how many of its rules are confirmed. */
function summary(framework: Framework, path: string, hash: string): string {
  const standards = framework.domains.flatMap((d) => d.standards);
  const separate = standards.filter((s) => s.ratedSeparately);
  const tables = framework.overall.publishedTables.map((t) => t.maxScore).join(', ');
  return [
    `${path}: a valid framework file`,
    `  ${framework.name} (${framework.id} ${framework.version})`,
    `  ${framework.domains.length} domains, ${standards.length} standards` +
      (separate.length > 0 ? ` (${separate.map((s) => s.name).join(', ')} rated separately)` : ''),
    `  published tables out of ${tables || 'none'}`,
    `  rules: ${describeSureness(framework)}`,
    `  hash ${hash}`,
    '',
  ].join('\n');
}

function exportBuiltIn(target: string): FrameworkOutcome {
  const [id, version] = target.split('@');
  const framework = FRAMEWORKS.find((f) => f.id === id && f.version === version);
  if (!framework) {
    const known = FRAMEWORKS.map((f) => `${f.id}@${f.version}`).join(', ');
    return {
      stdout: '',
      stderr: `framework: no built-in framework ${target}; built in: ${known}\n`,
      exitCode: 2,
    };
  }
  return { stdout: frameworkFileText(framework), stderr: '', exitCode: 0 };
}

function usageError(problem: string): FrameworkOutcome {
  return { stdout: '', stderr: `framework: ${problem}\n\n${USAGE}\n`, exitCode: 2 };
}
