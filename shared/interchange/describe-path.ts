/**
 * Where a problem in a file is, said as an inspector would say it: the inspection's name, the case's reference,
 * the question's number and words. `inspections[0].cases[1].answers["pre-release.risks-assessed"]` becomes
 * `inspection "Southwark", case CR0002, question 2.4 "Were key risks of harm assessed before release?"`.
 */
import { findFramework } from '../framework/registry';
import { findCaseQuestion } from '../framework/questions';
import { numberStandards } from '../framework/numbering';
import type { Framework } from '../framework/types';
import { asRecord, cutShort, ordinal } from '../text/where';
import type { PathSegment } from './errors';

const FIELD_WORDS: Readonly<Record<string, string>> = {
  id: 'id',
  name: 'name',
  region: 'region',
  fieldworkStart: 'fieldwork start date',
  leadInspector: 'lead inspector',
  framework: 'framework',
  options: 'options',
  reference: 'reference',
  caseType: 'case type',
  inspector: 'inspector',
  attributes: 'case details',
  rosh: 'risk of serious harm',
  courtReport: 'court report',
  releasedOnLicence: 'released on licence',
  note: 'note',
  value: 'answer',
  updatedAt: 'time of the change',
  by: 'who made the change',
  device: 'device',
  counter: 'change counter',
  rating: 'rating',
  reason: 'reason',
  evidence: 'evidence',
  audit: 'audit trail',
  checksum: 'checksum',
  format: 'format',
  formatVersion: 'format version',
  exportedAt: 'export time',
  supersedes: 'replaced versions',
  definition: 'definition',
  hash: 'hash',
};

function quoted(text: string, max = 70): string {
  return `"${cutShort(text, max)}"`;
}

function frameworkOf(inspection: Record<string, unknown> | undefined): Framework | undefined {
  const ref = asRecord(inspection?.framework);
  if (typeof ref?.id !== 'string' || typeof ref.version !== 'string') return undefined;
  return findFramework({ id: ref.id, version: ref.version });
}

function optionsOf(inspection: Record<string, unknown> | undefined): Record<string, boolean> {
  const options = asRecord(inspection?.options) ?? {};
  return Object.fromEntries(Object.entries(options).map(([k, v]) => [k, v === true]));
}

function describeQuestion(framework: Framework | undefined, options: Record<string, boolean>, id: string) {
  const question = framework && findCaseQuestion(framework, id);
  if (!framework || !question) return `question ${quoted(id)}`;
  const standardId = question.kind === 'non-rated' ? question.standardId : question.standard.id;
  const number = numberStandards(framework, options).get(standardId);
  const kind = question.kind === 'prompt' ? 'prompt' : 'question';
  return `${kind}${number ? ` ${number}` : ''} ${quoted(question.question.text)}`;
}

function describeStandard(framework: Framework | undefined, options: Record<string, boolean>, id: string) {
  const standard = framework?.domains.flatMap((d) => d.standards).find((s) => s.id === id);
  if (!framework || !standard) return `standard ${quoted(id)}`;
  const number = numberStandards(framework, options).get(id);
  return `standard ${number ? `${number} ` : ''}${standard.name}`;
}

/**
 * The place a path points to in a (possibly invalid) file, in words, or '' for the file itself.
 * @param root the file as read (before or after validation).
 */
export function describePath(root: unknown, path: readonly PathSegment[]): string {
  const parts: string[] = [];
  let inspection: Record<string, unknown> | undefined;
  let node: unknown = root;
  for (let i = 0; i < path.length; i += 1) {
    const segment = path[i]!;
    const parent = path[i - 1];
    const here = asRecord(node);
    const next = Array.isArray(node) ? node[segment as number] : here?.[segment as string];
    if (parent === 'inspections' && typeof segment === 'number') {
      inspection = asRecord(next);
      const name = inspection?.name;
      parts.push(
        typeof name === 'string' && name.trim()
          ? `inspection ${quoted(name, 60)}`
          : `the ${ordinal(segment)} inspection`,
      );
    } else if (parent === 'frameworks' && typeof segment === 'number') {
      const carried = asRecord(next);
      parts.push(
        typeof carried?.id === 'string' && typeof carried.version === 'string'
          ? `framework ${quoted(`${carried.id} ${carried.version}`, 60)}`
          : `the ${ordinal(segment)} framework`,
      );
    } else if (parent === 'cases' && typeof segment === 'number') {
      const reference = asRecord(next)?.reference;
      parts.push(
        typeof reference === 'string' && reference.trim()
          ? `case ${quoted(reference, 40)}`
          : `the ${ordinal(segment)} case`,
      );
    } else if (parent === 'answers' && typeof segment === 'string') {
      parts.push(describeQuestion(frameworkOf(inspection), optionsOf(inspection), segment));
    } else if ((parent === 'judgements' || parent === 'overrides') && typeof segment === 'string') {
      const what = describeStandard(frameworkOf(inspection), optionsOf(inspection), segment);
      parts.push(parent === 'overrides' ? `the override of ${what}` : `the judgement of ${what}`);
    } else if (parent === 'evidence' && typeof segment === 'string') {
      parts.push(`evidence on ${quoted(segment)}`);
    } else if (parent === 'audit' && typeof segment === 'number') {
      parts.push(`the ${ordinal(segment)} audit entry`);
    } else if (typeof segment === 'number') {
      parts.push(`item ${segment + 1}`);
    } else if (
      ['inspections', 'frameworks', 'cases', 'answers', 'judgements', 'overrides'].includes(segment)
    ) {
      if (i === path.length - 1) parts.push(segment);
    } else if (parent === 'options') {
      parts.push(`option ${quoted(segment)}`);
    } else {
      parts.push(FIELD_WORDS[segment] ?? quoted(segment, 40));
    }
    node = next;
  }
  return parts.join(', ');
}
