// A merge item in an inspector's words: what it is about ("Case CR0003: risk of serious harm"), each side's
// value ("Medium", "Removed", "Yes"), and who made it, when and where.
import { findCaseQuestion, keyQuestionLabel, standardLabel, type Framework } from '#shared/framework';
import { detailWords, type ItemSide, type MergeItem } from '#shared/merge';
import { questionHeading, RATING_LABELS } from '#shared/scoring';
import {
  ANSWER_LABELS,
  CASE_TYPE_LABELS,
  COURT_REPORT_LABELS,
  ROSH_LABELS,
  SAFETY_WELLBEING_LABELS,
} from '../../ui/labels';

const KIND_WORDS: Readonly<Record<MergeItem['kind'], string>> = {
  inspection: 'New inspection',
  case: 'New case',
  answer: 'Answer',
  detail: 'Case detail',
  status: 'Case status',
  judgement: 'Judgement',
  override: 'Override',
  commentary: 'Report commentary',
  removal: 'Case removed',
  restoration: 'Case brought back',
  'dip-sample': 'Dip sample',
  'second-scoring': 'Second scoring',
};

/** How many of each kind, in words ("3 answers"). */
export const KIND_PLURALS: Readonly<Record<MergeItem['kind'], [string, string]>> = {
  inspection: ['new inspection', 'new inspections'],
  case: ['new case', 'new cases'],
  answer: ['answer', 'answers'],
  detail: ['case detail', 'case details'],
  status: ['case status', 'case statuses'],
  judgement: ['judgement', 'judgements'],
  override: ['override', 'overrides'],
  commentary: ['report commentary', 'report commentaries'],
  removal: ['case removal', 'case removals'],
  restoration: ['case brought back', 'cases brought back'],
  'dip-sample': ['dip sample', 'dip samples'],
  'second-scoring': ['second scoring', 'second scorings'],
};

/** What an item is about, in the framework's words: "Assessment: Engagement", "risk of serious harm". */
export function itemLabel(framework: Framework, item: MergeItem): string {
  const target = item.target ?? '';
  switch (item.kind) {
    case 'answer': {
      const question = findCaseQuestion(framework, target);
      if (!question) return target;
      return question.kind === 'key-question'
        ? keyQuestionLabel(framework, question.standard, question.question)
        : questionHeading(question, framework);
    }
    case 'detail':
      return `${KIND_WORDS.detail}: ${detailWords(target)}`;
    case 'judgement':
    case 'override':
    case 'commentary': {
      const standard = framework.domains.flatMap((d) => d.standards).find((s) => s.id === target);
      return `${standard ? standardLabel(framework, standard) : target} (${KIND_WORDS[item.kind].toLowerCase()})`;
    }
    default:
      return KIND_WORDS[item.kind];
  }
}

const LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  caseType: CASE_TYPE_LABELS,
  rosh: ROSH_LABELS,
  courtReport: COURT_REPORT_LABELS,
  safetyWellbeing: SAFETY_WELLBEING_LABELS,
};

/** One side's value in words. */
export function valueLabel(item: MergeItem, side: ItemSide): string {
  const value = side.value;
  if (item.kind === 'removal' || item.kind === 'restoration') return value ? 'Removed' : 'In the sample';
  if (item.kind === 'answer')
    return value === null ? 'Cleared' : (ANSWER_LABELS[value as 'yes'] ?? String(value));
  if (item.kind === 'judgement' || item.kind === 'override') {
    return value === null ? 'Not judged' : (RATING_LABELS[value as 'good'] ?? String(value));
  }
  if (item.kind === 'second-scoring') return 'A second scoring';
  if (value === undefined || value === '') return 'Not set';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  const labels = item.target ? LABELS[item.target] : undefined;
  return labels?.[value as string] ?? String(value);
}

/** "KM, 5 Sep 2022, 10:00 on device 3f2a…#12": who, when (shown, never compared) and where. */
export function versionWords(side: ItemSide): string {
  const { by, updatedAt, device, counter } = side.version;
  const at = updatedAt ? Date.parse(updatedAt) : Number.NaN;
  const when = Number.isFinite(at)
    ? new Date(at).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })
    : 'time not recorded';
  const where = device !== undefined ? ` · device ${device.slice(0, 6)} change ${counter ?? '?'}` : '';
  return `${by && by !== 'created' ? by : 'when the case was added'}, ${when}${where}`;
}
