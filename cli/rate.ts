/** `npm run rate -- FILE.json [--json | --csv]`: prints the rating breakdown of every inspection in an export. */
import { readFileSync } from 'node:fs';
import { runRate } from './rate-command';
import { signatureNote } from './signature-note';

// A script that reads only the head of the output (`| head`) closes the pipe early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

const read: Record<string, string> = {};
const outcome = runRate(process.argv.slice(2), (path) => (read[path] = readFileSync(path, 'utf8')));
// Whether the file is signed, said beside the output (never in it), once the file has been rated.
const [path, text] = Object.entries(read)[0] ?? [];
// Only beside the table: --json and --csv output is for scripts, which read the file's `signature` themselves.
const forPeople = !process.argv.includes('--json') && !process.argv.includes('--csv');
const note =
  forPeople && outcome.exitCode === 0 && path && text !== undefined
    ? await signatureNote('rate', path, text)
    : '';
process.stdout.write(outcome.stdout);
process.stderr.write(note + outcome.stderr);
process.exitCode = outcome.exitCode;
