/**
 * The frameworks this copy of Casescore holds, looked up by id and version as stored with each inspection: the
 * built-in ones, and any loaded from a framework file (in Settings, from an export that carries one, or given
 * to `npm run rate --framework`). A framework held is never replaced: the same id and version with different
 * content is refused, so nothing changes underneath an inspection; a change comes as a new version.
 */
import { frameworkHash } from './file';
import { PROBATION_PDU_2021 } from './probation-pdu-2021';
import type { Framework, FrameworkRef } from './types';
import { YOUTH_2018 } from './youth-2018';

/** The built-in frameworks, newest first within an id. */
export const FRAMEWORKS: readonly Framework[] = [PROBATION_PDU_2021, YOUTH_2018];

const loaded = new Map<string, Framework>();
/** Frameworks in force only while one file is read (those it carries), innermost last. */
const scopes: ReadonlyMap<string, Framework>[] = [];

function keyOf(ref: FrameworkRef): string {
  return `${ref.id}@${ref.version}`;
}

/** A framework with the same id and version but other content is already held. */
export class FrameworkConflictError extends Error {
  constructor(
    readonly held: Framework,
    readonly offered: Framework,
  ) {
    super(
      `A different framework ${offered.id} ${offered.version} is already held (${frameworkHash(held).slice(0, 19)}…, not ${frameworkHash(offered).slice(0, 19)}…). ` +
        'A framework in use is never changed: give the changed one a new version.',
    );
    this.name = 'FrameworkConflictError';
  }
}

/** Every framework held: the built-in ones, then those loaded, in the order they came. */
export function knownFrameworks(): readonly Framework[] {
  return [...FRAMEWORKS, ...loaded.values()];
}

/** Whether a framework is one of the built-in ones (every copy of Casescore holds those). */
export function isBuiltInFramework(ref: FrameworkRef): boolean {
  return FRAMEWORKS.some((f) => f.id === ref.id && f.version === ref.version);
}

function held(ref: FrameworkRef): Framework | undefined {
  for (let i = scopes.length - 1; i >= 0; i -= 1) {
    const scoped = scopes[i]?.get(keyOf(ref));
    if (scoped) return scoped;
  }
  return FRAMEWORKS.find((f) => f.id === ref.id && f.version === ref.version) ?? loaded.get(keyOf(ref));
}

/**
 * The framework with this id and version, or `undefined` when none is held. A ref that pins a hash finds only
 * that exact definition.
 */
export function findFramework(ref: FrameworkRef): Framework | undefined {
  const framework = held(ref);
  if (!framework || (ref.hash !== undefined && frameworkHash(framework) !== ref.hash)) return undefined;
  return framework;
}

/** Like `findFramework`, but a framework not held is an error that names it. */
export function getFramework(ref: FrameworkRef): Framework {
  const framework = findFramework(ref);
  if (!framework) throw new Error(unknownFrameworkMessage(ref));
  return framework;
}

/** Why a framework cannot be found, in words: not held at all, or held with other content than pinned. */
export function unknownFrameworkMessage(ref: FrameworkRef): string {
  const other = held(ref);
  if (other) {
    return `The framework ${ref.id} ${ref.version} held here is not the one this inspection was made on (it pins ${ref.hash ?? 'another definition'}); load the framework file it was made on`;
  }
  const known = knownFrameworks()
    .map((f) => `${f.id} ${f.version}`)
    .join(', ');
  return `Unknown framework ${ref.id} ${ref.version}; known frameworks: ${known}`;
}

/**
 * Holds a framework from now on. Holding the same one again changes nothing.
 * @returns whether it was new.
 * @throws FrameworkConflictError when another definition with the same id and version is held.
 */
export function registerFramework(framework: Framework): boolean {
  const existing = held(framework);
  if (existing) {
    if (frameworkHash(existing) !== frameworkHash(framework))
      throw new FrameworkConflictError(existing, framework);
    return false;
  }
  loaded.set(keyOf(framework), framework);
  return true;
}

/** Whether this framework (or another with its id and version) could be held without a conflict. */
export function conflictingFramework(framework: Framework): Framework | undefined {
  const existing = held(framework);
  return existing && frameworkHash(existing) !== frameworkHash(framework) ? existing : undefined;
}

/**
 * Runs `work` with extra frameworks held (the ones a file being read carries), and lets go of them after.
 * Reading is synchronous, so nothing else sees them.
 */
export function withFrameworks<T>(frameworks: readonly Framework[], work: () => T): T {
  if (frameworks.length === 0) return work();
  scopes.push(new Map(frameworks.map((f) => [keyOf(f), f])));
  try {
    return work();
  } finally {
    scopes.pop();
  }
}

/** Forgets every loaded framework (tests, and a database replaced wholesale). Built-in ones stay. */
export function forgetLoadedFrameworks(): void {
  loaded.clear();
}
