/**
 * HM Inspectorate of Probation's framework for inspecting a Probation Delivery Unit, 2021–2023. The framework
 * itself is the file `files/hmip-probation-pdu-2021.json`, loaded through the same path as any framework file;
 * ids are stable and stored everywhere, display numbers (2.1, 2.2…) are derived by `numberStandards`.
 */
import { loadFrameworkFile } from './file';
import file from './files/hmip-probation-pdu-2021.json';
import type { Framework } from './types';

/** The probation PDU framework (`hmip-probation-pdu`, version `2021`). */
export const PROBATION_PDU_2021: Framework = loadFrameworkFile(file);
