/** The frameworks Casescore knows, looked up by id and version as stored with each inspection. */
import { PROBATION_PDU_2021 } from './probation-pdu-2021';
import type { Framework, FrameworkRef } from './types';
import { YOUTH_2018 } from './youth-2018';

/** Every framework Casescore can score, newest first within an id. */
export const FRAMEWORKS: readonly Framework[] = [PROBATION_PDU_2021, YOUTH_2018];

/** The framework with this id and version, or `undefined` when Casescore does not know it. */
export function findFramework(ref: FrameworkRef): Framework | undefined {
  return FRAMEWORKS.find((f) => f.id === ref.id && f.version === ref.version);
}

/** Like `findFramework`, but an unknown framework is an error that names it. */
export function getFramework(ref: FrameworkRef): Framework {
  const framework = findFramework(ref);
  if (!framework) {
    const known = FRAMEWORKS.map((f) => `${f.id} ${f.version}`).join(', ');
    throw new Error(`Unknown framework ${ref.id} ${ref.version}; known frameworks: ${known}`);
  }
  return framework;
}
