/** The JSON Schema of the current format, generated from the validation schema so the two cannot disagree. */
import { z } from 'zod';
import { exportFileSchema, FORMAT, FORMAT_VERSION } from './schema';

/** The JSON Schema (draft 2020-12) for export files of the current format version. */
export function exportJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(exportFileSchema, { target: 'draft-2020-12', io: 'input' }) as Record<
    string,
    unknown
  >;
  return {
    ...schema,
    $id: `urn:casescore:schema:${FORMAT}:v${FORMAT_VERSION}`,
    title: `Casescore export, format version ${FORMAT_VERSION}`,
    description:
      'Inspections, their case samples, answers, judgements and overrides, as exported by Casescore. ' +
      'Readers ignore fields they do not know; ids follow the framework definitions.',
  };
}
