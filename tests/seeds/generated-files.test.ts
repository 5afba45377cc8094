import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedFiles } from '../../build/generated-files';

describe('files generated from code', () => {
  it.each(generatedFiles().map((f) => [f.path, f] as const))(
    '%s is up to date (run `npm run generate`)',
    (path, file) => {
      expect(readFileSync(path, 'utf8')).toBe(file.text);
    },
  );
});
