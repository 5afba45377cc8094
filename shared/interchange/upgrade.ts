/**
 * Reading older files: each format version that has ever been released has an upgrade to the next, and a file is
 * walked up to the current version before it is validated; a file from a newer Casescore is refused with a message
 * saying so.
 *
 * 1 -> 2: nothing in a version 1 file changes meaning. Version 2 only accepts more (answers set aside because
 * they no longer apply, device and counter on each change), so the upgrade sets the version number.
 * 2 -> 3: version 3 adds only optional members (replaced versions, case detail versions, signatures, audit
 * claims); a version 2 file means the same, so the upgrade sets the version number. A version 2 answer has no
 * record of what it replaced, so merging treats it as knowing nothing it does not name in `supersedes`.
 * 3 -> 4: version 4 changes only what a signature covers (the checksum in place of the inspections), which is
 * checked on the file as written, before any upgrade; the content means the same, so the upgrade sets the number.
 */
import { InterchangeError } from './errors';
import { FORMAT, FORMAT_VERSION } from './schema';

/** Upgrades keyed by the version they read; each returns the same file at the next version. */
const UPGRADES: Readonly<Record<number, (file: Record<string, unknown>) => Record<string, unknown>>> = {
  1: (file) => ({ ...file, formatVersion: 2 }),
  2: (file) => ({ ...file, formatVersion: 3 }),
  3: (file) => ({ ...file, formatVersion: 4 }),
};

/**
 * Checks the envelope (`format`, `formatVersion`) and upgrades an older file to the current version.
 * @throws InterchangeError for a file of another format, or one from a newer Casescore.
 */
export function upgradeToCurrent(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InterchangeError([], 'expected a Casescore export (a JSON object)');
  }
  let file = value as Record<string, unknown>;
  if (file.format !== FORMAT) {
    throw new InterchangeError(['format'], `expected "${FORMAT}"; this is not a Casescore export`);
  }
  const version = file.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new InterchangeError(['formatVersion'], 'expected a whole number from 1');
  }
  if (version > FORMAT_VERSION) {
    throw new InterchangeError(
      ['formatVersion'],
      `the file is format version ${version}, newer than this Casescore reads (up to ${FORMAT_VERSION}); update Casescore`,
    );
  }
  for (let v = version; v < FORMAT_VERSION; v += 1) {
    const upgrade = UPGRADES[v];
    if (!upgrade) throw new InterchangeError(['formatVersion'], `no upgrade from format version ${v}`);
    file = upgrade(file);
  }
  return file;
}
