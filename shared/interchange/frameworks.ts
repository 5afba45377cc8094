/**
 * The frameworks an export carries, so any reader can rate it: for each framework its inspections use, its id,
 * version and content hash, with its definition (a framework file) unless it is built into every copy of
 * Casescore. Reading checks each definition in full, that it hashes to what the file and its inspections pin,
 * and that it does not differ from a framework of the same id and version already held.
 */
import { checkFrameworkFile, frameworkFile, frameworkHash } from '../framework/file';
import { conflictingFramework, findFramework, isBuiltInFramework } from '../framework/registry';
import type { Framework, FrameworkRef } from '../framework/types';
import { InterchangeError } from './errors';
import type { CarriedFramework, ExportedInspection, ExportFile } from './schema';

const cache = new WeakMap<readonly CarriedFramework[], readonly Framework[]>();

function named(ref: FrameworkRef): string {
  return `${ref.id} ${ref.version}`;
}

/**
 * The frameworks a file carries definitions of, each checked in full.
 * @throws InterchangeError naming the framework and its first problem.
 */
export function carriedFrameworks(
  file: Pick<ExportFile, 'frameworks' | 'inspections'>,
): readonly Framework[] {
  const entries = file.frameworks;
  if (!entries || entries.length === 0) return [];
  const cached = cache.get(entries);
  if (cached) return cached;
  const frameworks: Framework[] = [];
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    const at = ['frameworks', index];
    const key = `${entry.id}@${entry.version}`;
    if (seen.has(key))
      throw new InterchangeError([...at, 'id'], `the framework ${named(entry)} is listed twice`);
    seen.add(key);
    const users = file.inspections.filter(
      (i) => i.framework.id === entry.id && i.framework.version === entry.version,
    );
    // A framework no inspection uses is passed over: nothing is rated on it, so it is neither checked nor held.
    if (users.length === 0) return;
    const pinnedOtherwise = users.find(
      (i) => i.framework.hash !== undefined && i.framework.hash !== entry.hash,
    );
    if (pinnedOtherwise) {
      throw new InterchangeError(
        at,
        `the inspection "${pinnedOtherwise.name}" was made on another definition of ${named(entry)} (${pinnedOtherwise.framework.hash}) than the file carries (${entry.hash})`,
      );
    }
    if (entry.definition === undefined) {
      if (!findFramework({ id: entry.id, version: entry.version, hash: entry.hash })) {
        throw new InterchangeError(
          at,
          `the file names the framework ${named(entry)} by its hash only, and this copy of Casescore does not hold it; ask for an export that carries its definition, or load its framework file in Settings`,
        );
      }
      return;
    }
    const checked = checkFrameworkFile(entry.definition);
    if (!checked.ok) {
      const more = checked.problems.length > 1 ? ` (and ${checked.problems.length - 1} more)` : '';
      throw new InterchangeError(
        [...at, 'definition'],
        `the definition is not a valid framework: ${checked.problems[0]}${more}`,
      );
    }
    const framework = checked.framework;
    if (framework.id !== entry.id || framework.version !== entry.version) {
      throw new InterchangeError(
        [...at, 'definition'],
        `the definition is of ${named(framework)}, not ${named(entry)}`,
      );
    }
    if (checked.hash !== entry.hash) {
      throw new InterchangeError(
        [...at, 'definition'],
        `the definition does not match its hash: it was changed after the file was exported`,
      );
    }
    if (conflictingFramework(framework)) {
      throw new InterchangeError(
        [...at, 'definition'],
        `this copy of Casescore holds a different framework ${named(entry)}; a framework in use is never changed, so a changed one needs a new version`,
      );
    }
    frameworks.push(framework);
  });
  cache.set(entries, frameworks);
  return frameworks;
}

/**
 * What an export says about the frameworks of these inspections: each one's id, version and hash, and its
 * definition unless it is built in (every copy of Casescore holds those).
 * @throws Error when an inspection's framework is not held.
 */
export function frameworksFor(inspections: readonly ExportedInspection[]): CarriedFramework[] {
  const entries = new Map<string, CarriedFramework>();
  for (const inspection of inspections) {
    const ref = inspection.framework;
    const key = `${ref.id}@${ref.version}`;
    if (entries.has(key)) continue;
    const framework = findFramework(ref);
    if (!framework) throw new Error(`The framework ${named(ref)} of "${inspection.name}" is not held here`);
    const hash = frameworkHash(framework);
    entries.set(
      key,
      isBuiltInFramework(ref)
        ? { id: ref.id, version: ref.version, hash }
        : { id: ref.id, version: ref.version, hash, definition: frameworkFile(framework) },
    );
  }
  return [...entries.values()];
}
