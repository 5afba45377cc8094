/** `npm run merge -- MINE.json THEIRS.json [--json] [--trust FP]`: the merge plan, printed, nothing written. */
import { readFileSync } from 'node:fs';
import { runMerge } from './merge-command';

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

const outcome = await runMerge(process.argv.slice(2), (path) => readFileSync(path, 'utf8'));
process.stdout.write(outcome.stdout);
process.stderr.write(outcome.stderr);
process.exitCode = outcome.exitCode;
