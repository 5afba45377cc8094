/**
 * Writes the files generated from code, so they never drift from it (a test fails when they are stale):
 * the interchange JSON Schema in docs/, and the London 2022 sample export in seeds/samples/.
 * Run with `npm run generate`.
 */
import { writeFileSync } from 'node:fs';
import { generatedFiles } from './generated-files';

for (const file of generatedFiles()) {
  writeFileSync(file.path, file.text);
  console.log(`wrote ${file.path}`);
}
