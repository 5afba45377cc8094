/** The files generated from code, with their paths relative to the repository root. */
import { createLondonDemo } from '../seeds';
import { createExport, exportJsonSchema, FORMAT_VERSION, serialiseExport } from '#shared/interchange';
import { FRAMEWORK_FORMAT_VERSION, frameworkJsonSchema } from '#shared/framework';

/** The letter's date: the sample export is stamped with it so it never changes between runs. */
const SAMPLE_EXPORTED_AT = new Date('2022-11-24T09:00:00.000Z');

/** Each generated file's path and text. */
export function generatedFiles(): { path: string; text: string }[] {
  return [
    {
      path: `docs/casescore.inspections.v${FORMAT_VERSION}.schema.json`,
      text: `${JSON.stringify(exportJsonSchema(), null, 2)}\n`,
    },
    {
      path: `docs/casescore.framework.v${FRAMEWORK_FORMAT_VERSION}.schema.json`,
      text: `${JSON.stringify(frameworkJsonSchema(), null, 2)}\n`,
    },
    {
      path: 'seeds/samples/london-2022.json',
      text: serialiseExport(createExport(createLondonDemo(), SAMPLE_EXPORTED_AT)),
    },
  ];
}
