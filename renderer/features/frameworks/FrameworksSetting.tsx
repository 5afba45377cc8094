// Settings › Frameworks: the frameworks Casescore rates against (built in, or loaded from a framework file), and
// loading a new one. A file is checked in full first; on any problem every one is listed and nothing is loaded.
import { useState } from 'react';
import {
  describeSureness,
  FRAMEWORKS,
  frameworkHash,
  knownFrameworks,
  type Framework,
} from '#shared/framework';
import { describeFileSize, InterchangeError, parseJsonSafely } from '#shared/interchange';
import { describeStorageError, loadFramework, SaveError, useStoredFrameworks } from '../../db';
import { platform } from '../../platform';
import { longDate } from '../../ui/format';
import { useActor } from '../settings/actor';
import './frameworks.css';

/** The largest framework file read: the biggest real one is tens of kilobytes. */
const MAX_FRAMEWORK_BYTES = 2 * 1024 * 1024;

type Outcome =
  | { readonly kind: 'info'; readonly text: string }
  | { readonly kind: 'error'; readonly text: string; readonly problems: readonly string[] };

export function FrameworksSetting() {
  const by = useActor();
  const stored = useStoredFrameworks();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  // Re-read on every render: the live list of stored ones changes when a framework is loaded or imported.
  const frameworks = knownFrameworks();
  const loadedFrom = new Map((stored ?? []).map((s) => [s.hash, s]));

  async function load() {
    setBusy(true);
    try {
      const chosen = await platform().openFile('json');
      if (!chosen) return;
      setOutcome(await loadChosen(chosen.name, chosen.bytes, by ?? '?'));
    } catch (error) {
      setOutcome({
        kind: 'error',
        text: `The file was not loaded: ${(error as Error).message}.`,
        problems: [],
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="frameworks-heading" className="card frameworks-setting">
      <h2 id="frameworks-heading">Frameworks</h2>
      <p className="hint">
        Inspections are scored against one of these. Load a framework file to add another: it is checked in
        full first, and nothing is loaded if anything in it is wrong. A framework in use is never changed; a
        changed framework comes as a new version.
      </p>
      <table className="frameworks-table">
        <caption className="visually-hidden">Frameworks held</caption>
        <thead>
          <tr>
            <th scope="col">Framework</th>
            <th scope="col">Standards</th>
            <th scope="col">Rules</th>
            <th scope="col">Where from</th>
          </tr>
        </thead>
        <tbody>
          {frameworks.map((f) => {
            const hash = frameworkHash(f);
            const from = loadedFrom.get(hash);
            return (
              <tr key={`${f.id}@${f.version}`} data-testid="framework-row">
                <th scope="row">
                  {f.name}
                  <span className="framework-id">
                    <code>
                      {f.id} {f.version}
                    </code>{' '}
                    <code className="framework-hash" title={hash}>
                      {hash.slice(0, 15)}…
                    </code>
                  </span>
                </th>
                <td>{describeStandards(f)}</td>
                <td>{describeSureness(f)}</td>
                <td>
                  {FRAMEWORKS.includes(f)
                    ? 'Built in'
                    : from
                      ? `Loaded ${longDate(from.loadedAt.slice(0, 10))} by ${from.by} from ${from.from}`
                      : 'Held for this session'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button type="button" className="button" onClick={() => void load()} disabled={busy}>
        Load a framework file…
      </button>
      {outcome?.kind === 'info' && (
        <p role="status" className="hint">
          {outcome.text}
        </p>
      )}
      {outcome?.kind === 'error' && (
        <div role="alert" className="framework-problems">
          <p className="field-error">{outcome.text}</p>
          {outcome.problems.length > 0 && (
            <ul>
              {outcome.problems.map((problem, i) => (
                <li key={i}>{problem}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

function describeStandards(framework: Framework): string {
  const standards = framework.domains.flatMap((d) => d.standards);
  const separate = standards.filter((s) => s.ratedSeparately).map((s) => s.name);
  const counted = standards.length - separate.length;
  return separate.length === 0
    ? `${counted} in ${framework.domains.length} domains`
    : `${counted} in the score, and ${separate.join(', ')} rated separately`;
}

/** Reads, checks and loads a chosen file, saying what happened in words. */
async function loadChosen(name: string, bytes: Uint8Array, by: string): Promise<Outcome> {
  if (bytes.length > MAX_FRAMEWORK_BYTES) {
    return {
      kind: 'error',
      text: `${name} was not loaded: it is ${describeFileSize(bytes.length)}, and a framework file is at most ${describeFileSize(MAX_FRAMEWORK_BYTES)}.`,
      problems: [],
    };
  }
  let value: unknown;
  try {
    value = parseJsonSafely(new TextDecoder('utf-8', { fatal: true }).decode(bytes), MAX_FRAMEWORK_BYTES);
  } catch (error) {
    const why = error instanceof InterchangeError ? error.message : 'it is not UTF-8 text';
    return { kind: 'error', text: `${name} was not loaded: ${why}.`, problems: [] };
  }
  try {
    const { framework, added } = await loadFramework(value, by, name);
    return {
      kind: 'info',
      text: added
        ? `Loaded ${framework.name} (${framework.id} ${framework.version}). New inspections can be scored against it.`
        : `${framework.name} (${framework.id} ${framework.version}) is already loaded; nothing changed.`,
    };
  } catch (error) {
    if (error instanceof SaveError) {
      const [first = '', ...problems] = error.message.split('\n');
      return {
        kind: 'error',
        text: first.startsWith('The framework file was not loaded')
          ? `${name} was not loaded${first.slice('The framework file was not loaded'.length)} Nothing was changed.`
          : `${name} was not loaded. ${first}`,
        problems: problems.map((p) => p.replace(/^• /, '')),
      };
    }
    return { kind: 'error', text: `${name} was not loaded. ${describeStorageError(error)}`, problems: [] };
  }
}
