/**
 * The readable breakdown `rate` prints by default: for each inspection, the overall rating and score, then each
 * domain and standard with its key questions' counts, shares and bands, the key question that set each rating,
 * the margin to the next band, and the non-rated figures.
 */
import { getFramework } from '#shared/framework';
import type { ExportedInspection } from '#shared/interchange';
import {
  DEFAULT_MINIMUM_CASES,
  describeMaximum,
  describeNotRated,
  describeProvisional,
  describeStandardMargin,
  describeTooFewCases,
  EMPTY_TALLY,
  figureOf,
  RATING_LABELS,
  rateInspection,
  setAsideAnswers,
  standardMargin,
  unfinishedWork,
  type StandardResult,
} from '#shared/scoring';
import type { Rating } from '#shared/framework';

function label(rating: Rating | null): string {
  return rating === null ? 'Not rated' : RATING_LABELS[rating];
}

function percent(share: number | null): string {
  return share === null ? '—' : `${(share * 100).toFixed(1)}%`;
}

/** Pads to `width`, always leaving at least one space, so a long name never runs into its rating. */
function column(text: string, width: number): string {
  return text.length < width ? text.padEnd(width) : `${text} `;
}

function standardLines(
  standard: StandardResult,
  framework: ReturnType<typeof getFramework>,
  minimumCases: number,
): string[] {
  const lines: string[] = [];
  const how = [
    standard.method === 'judgement' ? '(judgement)' : '',
    standard.ratedSeparately ? '(rated separately, not in the score)' : '',
  ]
    .filter(Boolean)
    .join(' ');
  lines.push(
    `    ${column(standard.number, 5)}${column(standard.name, 30)}${column(label(standard.rating), 22)}${how}`,
  );
  if (standard.rating === null && standard.notRated) {
    lines.push(`         Not rated: ${describeNotRated(standard.notRated)}.`);
  }
  const tooFew = describeTooFewCases(standard, minimumCases);
  if (tooFew) lines.push(`         ${tooFew}.`);
  if (standard.override) {
    lines.push(
      `         computed ${label(standard.computedRating)}; overridden to ${label(standard.override.rating)}` +
        ` by ${standard.override.by ?? 'the team'}: ${standard.override.reason}`,
    );
  }
  for (const k of standard.keyQuestions) {
    const sets = standard.setBy.includes(k.id) ? '  <- sets the rating' : '';
    lines.push(
      `         ${column(k.label, 27)}${String(k.yes).padStart(4)} yes${String(k.no).padStart(4)} no` +
        `${String(k.notApplicable).padStart(4)} n/a${String(k.unanswered).padStart(4)} unanswered` +
        `  ${percent(k.share).padStart(6)}  ${(k.band?.name ?? 'Not rated').padEnd(20)}${sets}`,
    );
  }
  if (standard.method === 'case-sample') {
    const margin = standardMargin(framework, standard.computedRating, standard.keyQuestions);
    for (const sentence of describeStandardMargin(standard.name, margin)) lines.push(`         ${sentence}.`);
  }
  return lines;
}

/** The readable breakdown of one inspection. */
export function inspectionText(
  inspection: ExportedInspection,
  minimumCases: number = DEFAULT_MINIMUM_CASES,
): string {
  const framework = getFramework(inspection.framework);
  const rated = rateInspection(inspection, framework);
  const live = inspection.cases.filter((c) => !c.deleted).length;
  const details = [
    framework.name,
    inspection.region,
    inspection.round ? `round ${inspection.round}` : undefined,
    inspection.fieldworkStart ? `fieldwork from ${inspection.fieldworkStart}` : undefined,
    `${live} case${live === 1 ? '' : 's'}`,
  ].filter(Boolean);
  const provisional = describeProvisional(unfinishedWork(framework, inspection, rated));
  const maximum = describeMaximum(framework, rated);
  const lines = [
    inspection.name,
    `  ${details.join(', ')}`,
    `  Overall: ${label(rated.rating)}, ${rated.score}/${rated.maxScore}`,
    ...(provisional ? [`  ${provisional}.`] : []),
    ...(maximum ? [`  ${maximum}`] : []),
    '',
  ];
  for (const domain of rated.domains) {
    lines.push(`  ${domain.number}. ${domain.name.padEnd(36)}${domain.score}/${domain.maxScore}`);
    for (const standard of rated.standards.filter((s) => s.domainId === domain.id)) {
      lines.push(...standardLines(standard, framework, minimumCases));
    }
    lines.push('');
  }
  if (framework.nonRatedQuestions.length > 0) {
    lines.push('  Other case questions');
    for (const q of framework.nonRatedQuestions) {
      const { yes, applicable, share } = figureOf(rated.tallies.get(q.id) ?? EMPTY_TALLY);
      const percent = share === null ? '' : ` (${Math.round(share * 100)}%)`;
      lines.push(`    ${q.summary}: ${yes} of ${applicable} cases${percent}`);
    }
    lines.push('');
  }
  const setAside = setAsideAnswers(inspection, framework);
  if (setAside.length > 0) {
    lines.push(
      `  Answers kept but not counted (the question no longer applies to the case): ${setAside.length}`,
    );
    for (const { caseIndex, questionId, value } of setAside) {
      const sampled = inspection.cases[caseIndex];
      const reference = sampled && !sampled.deleted ? sampled.reference : '';
      lines.push(`    ${reference} ${questionId}: ${value === 'yes' ? 'Yes' : 'No'}`);
    }
    lines.push('');
  }
  return lines.map((line) => line.trimEnd()).join('\n');
}

/** The readable breakdown of every inspection in a file. */
export function breakdownText(
  inspections: readonly ExportedInspection[],
  minimumCases: number = DEFAULT_MINIMUM_CASES,
): string {
  if (inspections.length === 0) return 'The file holds no inspections.\n';
  return inspections.map((i) => inspectionText(i, minimumCases)).join('\n');
}
