/**
 * Frameworks loaded from framework files, kept in the settings table under `framework:<id>@<version>` (no
 * schema change), and held by the registry from start-up. A framework is stored only once it is valid in full,
 * and never replaced: the same id and version with other content is refused, so nothing changes underneath an
 * inspection made on it; a changed framework comes as a new version.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import {
  checkFrameworkFile,
  conflictingFramework,
  frameworkFile,
  frameworkHash,
  isBuiltInFramework,
  registerFramework,
  type Framework,
  type FrameworkFile,
} from '#shared/framework';
import { database } from './database';
import { SaveError } from './errors';
import { refreshSummaries } from './summaries';

/** The settings key a loaded framework is kept under. */
export function frameworkKey(framework: Pick<Framework, 'id' | 'version'>): string {
  return `framework:${framework.id}@${framework.version}`;
}

/** A loaded framework as the settings table keeps it. */
export interface StoredFramework {
  readonly file: FrameworkFile;
  readonly hash: string;
  readonly loadedAt: string;
  readonly by: string;
  /** Where it came from: a file's name, or the export it was carried by. */
  readonly from: string;
}

function isStoredFramework(value: unknown): value is StoredFramework {
  const v = value as Partial<StoredFramework> | null;
  return typeof v === 'object' && v !== null && typeof v.hash === 'string' && typeof v.file === 'object';
}

/** The frameworks loaded so far, as stored, oldest first by when they were loaded. */
export async function readStoredFrameworks(): Promise<StoredFramework[]> {
  const rows = await database().settings.where('key').startsWith('framework:').toArray();
  return rows
    .map((row) => row.value)
    .filter(isStoredFramework)
    .sort((a, b) => a.loadedAt.localeCompare(b.loadedAt));
}

/**
 * Holds every stored framework, checked again in full (a stored one that no longer loads is reported, never
 * half held). Called once at start-up, before any screen reads an inspection.
 * @returns the problems of any that could not be held, in words.
 */
export async function holdStoredFrameworks(): Promise<string[]> {
  const problems: string[] = [];
  const kept = await readStoredFrameworks();
  for (const stored of kept) {
    const checked = checkFrameworkFile(stored.file);
    const name = `${String(stored.file.id)} ${String(stored.file.version)}`;
    if (!checked.ok) {
      problems.push(
        `The stored framework ${name} no longer loads: ${checked.problems[0] ?? 'unknown problem'}`,
      );
      continue;
    }
    try {
      registerFramework(checked.framework);
    } catch (error) {
      problems.push(`The stored framework ${name} was not held: ${(error as Error).message}`);
    }
  }
  // Inspections on these frameworks may have been summarised before they were held (an upgrade counts before
  // any is): counted now, in the background; the list rates such an inspection from its cases meanwhile.
  if (kept.length > 0) void refreshSummaries().catch(() => undefined);
  return problems;
}

/** What loading a framework did: added it, or found it already held. */
export type LoadedFramework = { readonly framework: Framework; readonly added: boolean };

/**
 * Stores and holds a framework from a framework file's parsed JSON, validated in full first. Nothing is stored
 * or held on any problem.
 * @throws SaveError listing every problem, or saying what it conflicts with.
 */
export async function loadFramework(value: unknown, by: string, from: string): Promise<LoadedFramework> {
  const checked = checkFrameworkFile(value);
  if (!checked.ok) {
    const count = checked.problems.length;
    throw new SaveError(
      `The framework file was not loaded: it has ${count} problem${count === 1 ? '' : 's'}.\n${checked.problems.map((p) => `• ${p}`).join('\n')}`,
    );
  }
  return keepFramework(checked.framework, by, from);
}

/** Stores and holds a framework already checked (one carried by an imported export). */
export async function keepFramework(
  framework: Framework,
  by: string,
  from: string,
): Promise<LoadedFramework> {
  if (isBuiltInFramework(framework)) {
    if (conflictingFramework(framework)) throw conflictError(framework);
    return { framework, added: false };
  }
  const db = database();
  const key = frameworkKey(framework);
  const hash = frameworkHash(framework);
  const added = await db.transaction('rw', db.settings, async () => {
    const existing = (await db.settings.get(key))?.value;
    if (isStoredFramework(existing)) {
      if (existing.hash !== hash) throw conflictError(framework);
      return false;
    }
    if (conflictingFramework(framework)) throw conflictError(framework);
    const stored: StoredFramework = {
      file: frameworkFile(framework),
      hash,
      loadedAt: new Date().toISOString(),
      by,
      from,
    };
    await db.settings.put({ key, value: stored });
    return true;
  });
  registerFramework(framework);
  return { framework, added };
}

function conflictError(framework: Framework): SaveError {
  return new SaveError(
    `A different framework ${framework.id} ${framework.version} is already held here. A framework in use is never changed underneath its inspections: give the changed framework a new version and load that.`,
  );
}

/** The stored frameworks, live (for the Settings list). */
export function useStoredFrameworks(): StoredFramework[] | undefined {
  return useLiveQuery(readStoredFrameworks);
}
