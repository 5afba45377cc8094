/**
 * What the file schema cannot see, checked on a framework file whose shape is right: ids that appear once,
 * conditions that name options, case types, details and named conditions the framework has, named conditions
 * without cycles, key-question bands and published tables without gaps or overlaps, tables that agree with the
 * points, and sources that exist. Every problem is found and said in words that name the standard or question.
 */
import type { FrameworkFile } from './file-schema';
import { RATINGS, type CaseDetail, type Fraction, type Rating } from './types';

type FileCondition =
  | { kind: 'option'; option: string }
  | { kind: 'case-type'; caseTypes: string[] }
  | { kind: 'court-report-inspected' }
  | { kind: 'released-on-licence' }
  | { kind: 'all'; conditions: FileCondition[] }
  | { kind: 'named'; name: string };

type FileStandard = FrameworkFile['domains'][number]['standards'][number];

function quoted(text: string): string {
  return `'${text}'`;
}

/** -1, 0 or 1 as a/b compares with c/d. */
function compare(a: Fraction, b: Fraction): number {
  const left = a.numerator * b.denominator;
  const right = b.numerator * a.denominator;
  return left < right ? -1 : left > right ? 1 : 0;
}

function percent(f: Fraction): string {
  const value = (100 * f.numerator) / f.denominator;
  return `${Number.isInteger(value) ? value : value.toFixed(2)}%`;
}

const RATING_NAMES: Readonly<Record<Rating, string>> = {
  inadequate: 'Inadequate',
  'requires-improvement': 'Requires improvement',
  good: 'Good',
  outstanding: 'Outstanding',
};

/** Every problem with a framework file whose shape the schema has accepted; empty when there are none. */
export function frameworkFileProblems(file: FrameworkFile): string[] {
  const problems: string[] = [];
  const say = (problem: string) => problems.push(problem);
  const conditions = (file.conditions ?? {}) as Record<string, FileCondition>;
  const optionIds = new Set(file.options.map((o) => o.id));
  const caseTypes = new Set<string>(file.caseTypes);
  const details = new Set<string>(file.caseDetails);
  const sourceIds = new Set((file.sources ?? []).map((s) => s.id));

  // Ids that must appear once.
  const once = (kind: string, items: readonly { id: string }[], where: string) => {
    const seen = new Set<string>();
    for (const { id } of items) {
      if (seen.has(id)) say(`${where}: ${kind} ${quoted(id)} appears twice`);
      seen.add(id);
    }
  };
  once('option', file.options, 'the options');
  once('source', file.sources ?? [], 'the sources');
  once('domain', file.domains, 'the domains');
  const listedTwice = (kind: string, values: readonly string[]) => {
    const seen = new Set<string>();
    for (const value of values) {
      if (seen.has(value)) say(`the ${kind}: ${quoted(value)} is listed twice`);
      seen.add(value);
    }
  };
  listedTwice('case types', file.caseTypes);
  listedTwice('case details', file.caseDetails);

  const standardPlaces = new Map<string, string>();
  const standardMethods = new Map<string, FileStandard['method']>();
  const questionPlaces = new Map<string, string>();
  const question = (kind: string, id: string, place: string) => {
    const first = questionPlaces.get(id);
    if (first === undefined) questionPlaces.set(id, place);
    else if (first === place) say(`${place}: ${kind} ${quoted(id)} appears twice`);
    else say(`${place}: ${kind} ${quoted(id)} appears twice (also in ${first})`);
  };

  const checkCondition = (condition: FileCondition | undefined, place: string, inspectionOnly = false) => {
    if (!condition) return;
    switch (condition.kind) {
      case 'option':
        if (!optionIds.has(condition.option))
          say(
            `${place}: the condition names the option ${quoted(condition.option)}, which the framework does not offer`,
          );
        return;
      case 'case-type':
        if (inspectionOnly)
          say(`${place}: ratedWhen can depend only on the inspection's options, not on case types`);
        for (const type of condition.caseTypes) {
          if (!caseTypes.has(type))
            say(
              `${place}: the condition names the case type ${quoted(type)}, which is not among the framework's case types`,
            );
        }
        return;
      case 'court-report-inspected':
      case 'released-on-licence': {
        const detail: CaseDetail =
          condition.kind === 'court-report-inspected' ? 'courtReport' : 'releasedOnLicence';
        if (inspectionOnly)
          say(`${place}: ratedWhen can depend only on the inspection's options, not on case details`);
        if (!details.has(detail))
          say(
            `${place}: the condition ${quoted(condition.kind)} depends on the case detail ${quoted(detail)}, which the framework does not ask for (caseDetails)`,
          );
        return;
      }
      case 'all':
        for (const inner of condition.conditions) checkCondition(inner, place, inspectionOnly);
        return;
      case 'named': {
        const target = conditions[condition.name];
        if (!target)
          say(
            `${place}: the condition names ${quoted(condition.name)}, which is not one of the framework's named conditions`,
          );
        else if (inspectionOnly && !onOptionsOnly(target, conditions, new Set()))
          say(
            `${place}: ratedWhen can depend only on the inspection's options, and ${quoted(condition.name)} depends on the case`,
          );
        return;
      }
    }
  };

  for (const [name, condition] of Object.entries(conditions)) {
    checkCondition(condition, `named condition ${quoted(name)}`);
  }
  for (const cycle of conditionCycles(conditions)) {
    say(
      `named condition ${quoted(cycle[0] as string)}: refers to itself through ${cycle.map(quoted).join(' → ')}`,
    );
  }

  const checkBasis = (basis: { source?: string | undefined } | undefined, place: string) => {
    if (basis?.source !== undefined && !sourceIds.has(basis.source))
      say(
        `${place}: its basis names the source ${quoted(basis.source)}, which is not among the framework's sources`,
      );
  };

  let countedStandards = 0;
  file.domains.forEach((domain, d) => {
    const domainPlace = `domain ${d + 1} ${quoted(domain.name)}`;
    checkBasis(domain.basis, domainPlace);
    domain.standards.forEach((standard, s) => {
      const place = `standard ${d + 1}.${s + 1} ${quoted(standard.name)}`;
      const first = standardPlaces.get(standard.id);
      if (first !== undefined)
        say(`${place}: the standard id ${quoted(standard.id)} appears twice (also ${first})`);
      else standardPlaces.set(standard.id, place);
      standardMethods.set(standard.id, standard.method);
      if (standard.ratedSeparately !== true) countedStandards += 1;
      checkBasis(standard.basis, place);
      checkCondition(standard.ratedWhen as FileCondition | undefined, `${place}: ratedWhen`, true);
      if (standard.method === 'case-sample') {
        checkCondition(standard.appliesToCase as FileCondition | undefined, `${place}: appliesToCase`);
        if (standard.keyQuestions.length === 0)
          say(`${place}: a standard rated from the case sample needs at least one key question`);
      }
      for (const keyQuestion of standard.keyQuestions) {
        question('key question', keyQuestion.id, place);
        checkBasis(keyQuestion.basis, `${place}: key question ${quoted(keyQuestion.id)}`);
        for (const prompt of keyQuestion.prompts) {
          const promptPlace = `${place}: key question ${quoted(keyQuestion.id)}`;
          question('prompt', prompt.id, promptPlace);
          checkCondition(
            prompt.appliesWhen as FileCondition | undefined,
            `${promptPlace}: prompt ${quoted(prompt.id)}`,
          );
          checkBasis(prompt.basis, `${promptPlace}: prompt ${quoted(prompt.id)}`);
        }
      }
    });
  });
  if (countedStandards === 0)
    say('the domains: every standard is rated separately, so nothing makes up the score');

  for (const nonRated of file.nonRatedQuestions) {
    const place = `non-rated question ${quoted(nonRated.id)}`;
    question('non-rated question', nonRated.id, 'the non-rated questions');
    const method = standardMethods.get(nonRated.standardId);
    if (method === undefined)
      say(
        `${place}: it is shown beside the standard ${quoted(nonRated.standardId)}, which the framework does not have`,
      );
    else if (method !== 'case-sample')
      say(
        `${place}: it is shown beside ${standardPlaces.get(nonRated.standardId)}, which is judged; a case question needs a standard rated from the case sample`,
      );
    checkCondition(nonRated.appliesWhen as FileCondition | undefined, place);
    checkBasis(nonRated.basis, place);
  }

  for (const type of Object.keys(file.words.caseTypes)) {
    if (!caseTypes.has(type))
      say(
        `the words: a name is given for the case type ${quoted(type)}, which is not among the framework's case types`,
      );
  }
  for (const type of file.caseTypes) {
    if (file.words.caseTypes[type] === undefined)
      say(`the words: the case type ${quoted(type)} has no name (words.caseTypes)`);
    if (file.words.casesOfType[type] === undefined)
      say(`the words: the case type ${quoted(type)} has no name for its cases (words.casesOfType)`);
  }

  checkBands(file, say);
  checkBasis(file.standardRating?.basis, 'the standard rating rule');
  checkBasis(file.numbering?.basis, 'the numbering rule');
  file.keyQuestionBands.forEach((band) => checkBasis(band.basis, `key-question band ${quoted(band.name)}`));
  checkOverall(file, countedStandards, say);
  checkBasis(file.overall.pointsBasis, 'the points');
  checkBasis(file.overall.proportionalRuleBasis, 'the proportional rule');
  file.overall.publishedTables.forEach((table) =>
    checkBasis(table.basis, `the published table out of ${table.maxScore}`),
  );
  return problems;
}

/** Whether a condition depends on the inspection's options alone. */
function onOptionsOnly(
  condition: FileCondition,
  named: Record<string, FileCondition>,
  seen: Set<string>,
): boolean {
  switch (condition.kind) {
    case 'option':
      return true;
    case 'all':
      return condition.conditions.every((c) => onOptionsOnly(c, named, seen));
    case 'named': {
      if (seen.has(condition.name)) return true;
      const target = named[condition.name];
      return target === undefined || onOptionsOnly(target, named, new Set([...seen, condition.name]));
    }
    default:
      return false;
  }
}

/** The names each named condition refers to, directly. */
function referencesOf(condition: FileCondition): string[] {
  if (condition.kind === 'named') return [condition.name];
  if (condition.kind === 'all') return condition.conditions.flatMap(referencesOf);
  return [];
}

/** Each cycle among named conditions once, as the names around it ending where it began. */
export function conditionCycles(named: Readonly<Record<string, FileCondition>>): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  const visit = (name: string, trail: string[]) => {
    const at = trail.indexOf(name);
    if (at >= 0) {
      cycles.push([...trail.slice(at), name]);
      return;
    }
    if (done.has(name) || named[name] === undefined) return;
    for (const next of referencesOf(named[name] as FileCondition)) visit(next, [...trail, name]);
    done.add(name);
  };
  for (const name of Object.keys(named)) visit(name, []);
  return cycles;
}

function checkBands(file: FrameworkFile, say: (problem: string) => void): void {
  const bands = file.keyQuestionBands;
  bands.forEach((band, i) => {
    const place = `key-question band ${quoted(band.name)}`;
    if (compare(band.lowerEdge, { numerator: 1, denominator: 1 }) > 0)
      say(`${place}: its lower edge ${percent(band.lowerEdge)} is above 100%`);
    if (i === 0 && band.lowerEdge.numerator !== 0)
      say(
        `${place}: the lowest band must start at 0%, or shares below ${percent(band.lowerEdge)} have no band (a gap)`,
      );
    const next = bands[i + 1];
    if (next) {
      const order = compare(band.lowerEdge, next.lowerEdge);
      if (order >= 0)
        say(
          `${place}: it starts at ${percent(band.lowerEdge)}, not below the next band ${quoted(next.name)} (${percent(next.lowerEdge)}), so the two overlap; list bands lowest first`,
        );
      if (RATINGS.indexOf(band.rating) >= RATINGS.indexOf(next.rating))
        say(
          `${place}: its rating ${RATING_NAMES[band.rating]} is not below the next band's (${RATING_NAMES[next.rating]}); each band must rate higher than the one before`,
        );
      if (band.upperEdge) {
        const meets = compare(band.upperEdge, next.lowerEdge);
        if (meets < 0)
          say(
            `${place}: it ends below ${percent(band.upperEdge)} but the next band ${quoted(next.name)} starts at ${percent(next.lowerEdge)}, leaving a gap`,
          );
        if (meets > 0)
          say(
            `${place}: it runs to below ${percent(band.upperEdge)} but the next band ${quoted(next.name)} starts at ${percent(next.lowerEdge)}, so the two overlap`,
          );
      }
    } else if (band.upperEdge) {
      say(`${place}: the top band has no upper edge: it runs to 100% inclusive`);
    }
  });
}

function checkOverall(file: FrameworkFile, countedStandards: number, say: (problem: string) => void): void {
  const { points, publishedTables, proportionalUpperEdges } = file.overall;
  RATINGS.forEach((rating, i) => {
    const previous = RATINGS[i - 1];
    if (previous !== undefined && points[rating] <= points[previous])
      say(
        `the points: ${RATING_NAMES[rating]} earns ${points[rating]}, not more than ${RATING_NAMES[previous]} (${points[previous]})`,
      );
  });
  const edges = [
    proportionalUpperEdges.inadequate,
    proportionalUpperEdges['requires-improvement'],
    proportionalUpperEdges.good,
  ];
  edges.forEach((edge, i) => {
    const next = edges[i + 1];
    if (compare(edge, { numerator: 1, denominator: 1 }) > 0)
      say(
        `the proportional rule: the ${RATING_NAMES[RATINGS[i] as Rating]} edge ${percent(edge)} is above 100%`,
      );
    if (next && compare(edge, next) >= 0)
      say(
        `the proportional rule: the ${RATING_NAMES[RATINGS[i] as Rating]} edge ${percent(edge)} is not below the ${RATING_NAMES[RATINGS[i + 1] as Rating]} edge ${percent(next)}`,
      );
  });
  const top = points.outstanding;
  const largest = top * countedStandards;
  const seen = new Set<number>();
  for (const table of publishedTables) {
    const place = `the published table out of ${table.maxScore}`;
    if (seen.has(table.maxScore)) say(`${place}: there are two tables for this maximum`);
    seen.add(table.maxScore);
    if (top > 0 && table.maxScore % top !== 0)
      say(
        `${place}: a maximum of ${table.maxScore} cannot come from the points (each rated standard adds ${top}, the points for Outstanding)`,
      );
    else if (table.maxScore > largest)
      say(`${place}: the framework's ${countedStandards} counted standards can score at most ${largest}`);
    let expectedFrom = 0;
    let previous = -1;
    for (const range of table.ranges) {
      const rangePlace = `${place}: ${RATING_NAMES[range.rating]}`;
      const index = RATINGS.indexOf(range.rating);
      if (index <= previous) say(`${rangePlace}: ratings must be listed once each, lowest first`);
      previous = index;
      if (range.from > range.to)
        say(`${rangePlace}: runs from ${range.from} to ${range.to}, which is backwards`);
      if (range.from > expectedFrom)
        say(
          `${rangePlace}: starts at ${range.from}, leaving ${gap(expectedFrom, range.from - 1)} without a rating (a gap)`,
        );
      if (range.from < expectedFrom)
        say(`${rangePlace}: starts at ${range.from}, which the rating before already covers (an overlap)`);
      expectedFrom = Math.max(expectedFrom, range.to + 1);
    }
    const last = table.ranges[table.ranges.length - 1];
    if (last && last.to !== table.maxScore)
      say(`${place}: the ranges end at ${last.to}, not at the maximum ${table.maxScore}`);
    const first = table.ranges[0];
    if (first && first.rating !== 'inadequate') say(`${place}: the lowest range must be Inadequate, from 0`);
  }
}

function gap(from: number, to: number): string {
  return from === to ? `the score ${from}` : `scores ${from} to ${to}`;
}
