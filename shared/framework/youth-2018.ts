/**
 * HM Inspectorate of Probation's framework for inspecting youth offending services, 2018–2021. The framework
 * itself is the file `files/hmip-youth-2018.json`, loaded through the same path as any framework file.
 * Court-disposal standards apply only to court disposals, out-of-court ones only to out-of-court disposals.
 */
import { loadFrameworkFile } from './file';
import file from './files/hmip-youth-2018.json';
import type { Framework } from './types';

/** The youth offending services framework (`hmip-youth`, version `2018`). */
export const YOUTH_2018: Framework = loadFrameworkFile(file);
