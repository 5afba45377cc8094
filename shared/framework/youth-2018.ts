/**
 * HM Inspectorate of Probation's framework for inspecting youth offending services, 2018–2021. The framework
 * itself is the file `files/hmip-youth-2018.json`, made into a framework by the same code as any framework file
 * (checked in full by the tests, not at every start).
 * Court-disposal standards apply only to court disposals, out-of-court ones only to out-of-court disposals.
 */
import { builtInFramework } from './file';
import file from './files/hmip-youth-2018.json';
import type { Framework } from './types';

/** The youth offending services framework (`hmip-youth`, version `2018`). */
export const YOUTH_2018: Framework = builtInFramework(file);
