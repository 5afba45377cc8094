/**
 * Older exports may carry probation details (court report, released on licence) on youth cases, because the
 * forms once asked them of every case. They are read and then dropped: a case keeps only the details its
 * framework declares, so nothing downstream (screens, exports, applicability) ever sees them.
 */
import { declaredCaseDetails } from '../framework/case-details';
import { findFramework } from '../framework/registry';
import type { ExportFile } from './schema';

/** The file with every case's undeclared details left out; the same object when there were none. */
export function dropUndeclaredCaseDetails(file: ExportFile): ExportFile {
  let changed = false;
  const inspections = file.inspections.map((inspection) => {
    const framework = findFramework(inspection.framework);
    if (!framework) return inspection;
    let casesChanged = false;
    const cases = inspection.cases.map((sampled) => {
      if (sampled.deleted) return sampled;
      const attributes = declaredCaseDetails(framework, sampled.attributes);
      if (attributes === sampled.attributes) return sampled;
      casesChanged = true;
      return { ...sampled, attributes };
    });
    if (!casesChanged) return inspection;
    changed = true;
    return { ...inspection, cases };
  });
  return changed ? { ...file, inspections } : file;
}
