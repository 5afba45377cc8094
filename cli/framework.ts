/** `npm run framework -- check FILE | export ID@VERSION`: checks a framework file, or prints a built-in one. */
import { readFileSync } from 'node:fs';
import { runFramework } from './framework-command';

// A script that reads only the head of the output (`| head`) closes the pipe early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

const outcome = runFramework(process.argv.slice(2), (path) => readFileSync(path, 'utf8'));
process.stdout.write(outcome.stdout);
process.stderr.write(outcome.stderr);
process.exitCode = outcome.exitCode;
