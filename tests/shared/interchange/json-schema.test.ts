import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { exportJsonSchema, FORMAT_VERSION } from '#shared/interchange';

// The committed JSON Schema is for tools outside Casescore; check with an independent validator that it says
// what the Casescore reader says about real files.
const ajv = new Ajv2020({ allErrors: false, strict: false });
addFormats(ajv);
const validate = ajv.compile(exportJsonSchema());
const sample = JSON.parse(readFileSync('seeds/samples/london-2022.json', 'utf8'));

describe('the generated JSON Schema', () => {
  it('accepts the sample export', () => {
    expect(validate(sample), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each<[string, (f: any) => void, string]>([
    [
      'an answer value outside yes, no, na',
      (f) => (f.inspections[0].cases[0].answers['assessment.safety'].value = 'maybe'),
      '/inspections/0/cases/0',
    ],
    ['a missing format version', (f) => delete f.formatVersion, ''],
    [
      'an unknown rating',
      (f) => (f.inspections[1].judgements.leadership.rating = 'fine'),
      '/inspections/1/judgements/leadership/rating',
    ],
  ])('rejects %s', (_, mutate, where) => {
    const broken = structuredClone(sample);
    mutate(broken);
    expect(validate(broken)).toBe(false);
    expect(validate.errors?.[0]?.instancePath.startsWith(where)).toBe(true);
  });

  it('names the format and version', () => {
    const schema = exportJsonSchema();
    expect(schema.$id).toBe(`urn:casescore:schema:casescore.inspections:v${FORMAT_VERSION}`);
    expect(JSON.stringify(schema)).toContain('"const":"casescore.inspections"');
  });
});
