/** The JSON Schema of the framework file format, generated from its validation schema so the two cannot disagree. */
import { z } from 'zod';
import { FRAMEWORK_FORMAT, FRAMEWORK_FORMAT_VERSION, frameworkFileSchema } from './file-schema';

/** The JSON Schema (draft 2020-12) for framework files of the current format version. */
export function frameworkJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(frameworkFileSchema, { target: 'draft-2020-12', io: 'input' }) as Record<
    string,
    unknown
  >;
  return {
    ...schema,
    $id: `urn:casescore:schema:${FRAMEWORK_FORMAT}:v${FRAMEWORK_FORMAT_VERSION}`,
    title: `Casescore framework file, format version ${FRAMEWORK_FORMAT_VERSION}`,
    description:
      'An inspection framework: domains, standards, key questions, prompts, non-rated questions, bands, points, ' +
      'published tables and where each rule comes from. A schema cannot say everything: Casescore also refuses ' +
      'duplicate ids, conditions on what the framework lacks, bands or tables with gaps or overlaps, tables the ' +
      'points cannot reach and cycles among named conditions (docs/frameworks.md).',
  };
}
