/** `npm run rate -- FILE.json [--json]`: prints the rating breakdown of every inspection in an export. */
import { readFileSync } from 'node:fs';
import { runRate } from './rate-command';

const outcome = runRate(process.argv.slice(2), (path) => readFileSync(path, 'utf8'));
process.stdout.write(outcome.stdout);
process.stderr.write(outcome.stderr);
process.exitCode = outcome.exitCode;
