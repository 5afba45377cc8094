/** `npm run rate -- FILE.json [--json | --csv]`: prints the rating breakdown of every inspection in an export. */
import { readFileSync } from 'node:fs';
import { runRate } from './rate-command';

// A script that reads only the head of the output (`| head`) closes the pipe early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

const outcome = runRate(process.argv.slice(2), (path) => readFileSync(path, 'utf8'));
process.stdout.write(outcome.stdout);
process.stderr.write(outcome.stderr);
process.exitCode = outcome.exitCode;
