/**
 * The 2021 youth framework (a framework file in `frameworks/`, not built in) and an inspection made on it, for
 * tests of frameworks that travel with their exports.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { caseQuestions, checkFrameworkText, type Framework, type Rating } from '#shared/framework';
import type { ExportedInspection } from '#shared/interchange';
import { caseWith } from './inspections';

/** Where the file is, from the repository root. */
export const YOUTH_2021_PATH = join(__dirname, '..', '..', 'frameworks', 'hmip-youth-2021.json');

/** The file's text, as committed. */
export const YOUTH_2021_TEXT = readFileSync(YOUTH_2021_PATH, 'utf8');

/** The framework and its hash, loaded through the same path as any framework file. */
export function loadYouth2021(): { framework: Framework; hash: string } {
  const checked = checkFrameworkText(YOUTH_2021_TEXT);
  if (!checked.ok) throw new Error(checked.problems.join('\n'));
  return { framework: checked.framework, hash: checked.hash };
}

/**
 * An inspection on it: every judged standard Good, resettlement as given, and six court cases answering every
 * court key question Yes but one question No in two cases (so court standards come out Good, 4 of 6 = 67%).
 */
export function youth2021Inspection(resettlement: Rating, hash?: string): ExportedInspection {
  const { framework } = loadYouth2021();
  const court = caseQuestions(framework).filter(
    (q) => q.kind === 'key-question' && q.standard.id.startsWith('court-'),
  );
  const answers = (no: boolean) =>
    Object.fromEntries(
      court.map((q) => [q.id, no && q.id === 'court-planning.desistance' ? 'no' : 'yes'] as const),
    );
  return {
    id: 'yjs-2021',
    name: 'Northshire YJS',
    round: '2022',
    framework: { id: 'hmip-youth', version: '2021', ...(hash ? { hash } : {}) },
    options: {},
    judgements: {
      governance: { rating: 'good' },
      staff: { rating: 'good' },
      partnerships: { rating: 'good' },
      information: { rating: 'good' },
      'ooc-policy': { rating: 'good' },
      resettlement: { rating: resettlement },
    },
    cases: Array.from({ length: 6 }, (_, i) =>
      caseWith(answers(i < 2), { caseType: 'court-disposal', reference: `YJ${100 + i}` }),
    ),
    overrides: {},
  };
}
