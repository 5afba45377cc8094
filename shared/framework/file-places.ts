/**
 * Where a problem in a framework file is, in the words of whoever wrote it: "standard 2.1 'Assessment': key
 * question 'assessment.engagement'", never a path index such as domains[1].standards[0].
 */
import { asRecord, cutShort, ordinal } from '../text/where';

type Segment = string | number;

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function quoted(value: string, max = 60): string {
  return `'${cutShort(value, max)}'`;
}

/** A named item's words ("key question 'x'"), or its place when it has no usable id ("the 2nd key question"). */
function item(kind: string, value: unknown, index: number, key: 'id' | 'name' = 'id'): string {
  const name = text(asRecord(value)?.[key]);
  return name ? `${kind} ${quoted(name)}` : `the ${ordinal(index)} ${kind}`;
}

const FIELD_NAMES: Readonly<Record<string, string>> = {
  keyQuestionBands: 'the key-question bands',
  publishedTables: 'the published tables',
  nonRatedQuestions: 'the non-rated questions',
  caseTypes: 'the case types',
  caseDetails: 'the case details',
  appliesWhen: 'its condition (appliesWhen)',
  appliesToCase: 'its condition (appliesToCase)',
  ratedWhen: 'its condition (ratedWhen)',
  proportionalUpperEdges: 'the proportional rule',
};

/**
 * The place a path leads to in a framework file, in words. Each step that reaches a named thing (a domain, a
 * standard, a key question…) names it; other fields are named as the file spells them.
 */
export function describeFrameworkPlace(root: unknown, path: readonly Segment[]): string {
  const parts: string[] = [];
  let value: unknown = root;
  let domainNumber: number | null = null;
  for (let i = 0; i < path.length; i += 1) {
    const segment = path[i] as Segment;
    const next = path[i + 1];
    const container = asRecord(value);
    const child = Array.isArray(value) ? value[segment as number] : container?.[segment as string];
    if (typeof next === 'number') {
      const list = child as unknown[] | undefined;
      const element = Array.isArray(list) ? list[next] : undefined;
      switch (segment) {
        case 'domains':
          domainNumber = next + 1;
          parts.push(describeDomain(element, next));
          break;
        case 'standards': {
          const name = text(asRecord(element)?.name);
          const number = `${domainNumber ?? '?'}.${next + 1}`;
          parts.pop();
          parts.push(
            name
              ? `standard ${number} ${quoted(name)}`
              : `standard ${number} (the ${ordinal(next)} of its domain)`,
          );
          break;
        }
        case 'keyQuestions':
          parts.push(item('key question', element, next));
          break;
        case 'prompts':
          parts.push(item('prompt', element, next));
          break;
        case 'nonRatedQuestions':
          parts.push(item('non-rated question', element, next));
          break;
        case 'keyQuestionBands':
          parts.push(item('key-question band', element, next, 'name'));
          break;
        case 'publishedTables': {
          const max = asRecord(element)?.maxScore;
          parts.push(
            typeof max === 'number'
              ? `the published table out of ${max}`
              : `the ${ordinal(next)} published table`,
          );
          break;
        }
        case 'ranges':
          parts.push(item('range', element, next, 'rating' as 'name'));
          break;
        case 'options':
          parts.push(item('option', element, next));
          break;
        case 'sources':
          parts.push(item('source', element, next));
          break;
        case 'conditions':
          parts.push(`the ${ordinal(next)} condition in ${parts.pop() ?? 'it'}`);
          break;
        default:
          parts.push(`${FIELD_NAMES[segment] ?? String(segment)}, the ${ordinal(next)}`);
      }
      value = element;
      i += 1;
      continue;
    }
    if (segment === 'conditions' && path.length > i + 1 && i === 0) {
      parts.push(`named condition ${quoted(String(next))}`);
      value = asRecord(child)?.[next as string];
      i += 1;
      continue;
    }
    if (segment === 'overall') {
      value = child;
      continue;
    }
    parts.push(FIELD_NAMES[segment] ?? String(segment));
    value = child;
  }
  return parts.length === 0 ? 'the file' : parts.join(': ');
}

function describeDomain(element: unknown, index: number): string {
  const name = text(asRecord(element)?.name);
  return name ? `domain ${index + 1} ${quoted(name)}` : `domain ${index + 1}`;
}
