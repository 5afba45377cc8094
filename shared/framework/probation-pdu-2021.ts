/**
 * HM Inspectorate of Probation's framework for inspecting a Probation Delivery Unit, 2021–2023. The framework
 * itself is the file `files/hmip-probation-pdu-2021.json`, made into a framework by the same code as any framework
 * file (checked in full by the tests, not at every start);
 * ids are stable and stored everywhere, display numbers (2.1, 2.2…) are derived by `numberStandards`.
 */
import { builtInFramework } from './file';
import file from './files/hmip-probation-pdu-2021.json';
import type { Framework } from './types';

/** The probation PDU framework (`hmip-probation-pdu`, version `2021`). */
export const PROBATION_PDU_2021: Framework = builtInFramework(file);
