// Every margin sentence, read back and checked against the scoring: for each count of Yes, No and N/A up to 12
// (and a few unanswered cases), the change a sentence names is possible, gives exactly the rating it says, and
// is the fewest answers that move the rating; and every change that could move the rating has its sentence.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { YOUTH_2018, type Rating } from '#shared/framework';
import {
  bandFor,
  describeStandardMargin,
  keyQuestionMargin,
  RATING_LABELS,
  rateKeyQuestion,
  ratingRank,
  standardMargin,
  type KeyQuestionResult,
} from '#shared/scoring';

const framework = YOUTH_2018;
const LABEL_TO_RATING = new Map(Object.entries(RATING_LABELS).map(([r, l]) => [l, r as Rating]));

interface Counts {
  yes: number;
  no: number;
  na: number;
  unanswered: number;
}

type Kind = 'more-yes' | 'more-no' | 'no-to-yes' | 'yes-to-no';

interface ReadSentence {
  kind: Kind;
  count: number;
  /** For more Yes or No: how many come from N/A answers. */
  fromNa: number;
  to: Rating;
}

/** Reads a sentence back into the change it describes; fails the test on any sentence it cannot read. */
function read(sentence: string, subject: string): ReadSentence {
  const tail = new RegExp(`would make (?:${subject}|it) (Outstanding|Good|Requires improvement|Inadequate)$`);
  const end = tail.exec(sentence);
  if (!end) throw new Error(`Cannot read the rating in "${sentence}"`);
  const to = LABEL_TO_RATING.get(end[1]!)!;
  const head = sentence.slice(0, end.index).trim();
  const changed = /^(\d+) answers? changed from (Yes|No) to (Yes|No)$/.exec(head);
  if (changed) {
    const kind: Kind = changed[2] === 'No' ? 'no-to-yes' : 'yes-to-no';
    expect(changed[3]).toBe(changed[2] === 'No' ? 'Yes' : 'No');
    return { kind, count: Number(changed[1]), fromNa: 0, to };
  }
  const more = /^(\d+) more (Yes|No) answers?(?: — (.+) —)?$/.exec(head);
  if (!more) throw new Error(`Cannot read the change in "${sentence}"`);
  const count = Number(more[1]);
  const value = more[2]!;
  let fromNa = 0;
  if (more[3] !== undefined) {
    const source = more[3];
    const onlyNa = new RegExp(`^(an N/A|(\\d+) N/A answers) answered ${value}$`).exec(source);
    const mixed = new RegExp(
      `^(\\d+) unanswered cases? and (an N/A|(\\d+) N/A answers), answered ${value}$`,
    ).exec(source);
    if (onlyNa) fromNa = onlyNa[2] ? Number(onlyNa[2]) : 1;
    else if (mixed) {
      fromNa = mixed[3] ? Number(mixed[3]) : 1;
      expect(Number(mixed[1]) + fromNa).toBe(count);
    } else throw new Error(`Cannot read where the answers come from in "${sentence}"`);
  }
  return { kind: value === 'Yes' ? 'more-yes' : 'more-no', count, fromNa, to };
}

const ratingOf = (yes: number, applicable: number): Rating | null =>
  bandFor(framework, yes, applicable)?.rating ?? null;

/** The counts after `count` answers change this way, or `null` when there are not that many to change. */
function apply(c: Counts, kind: Kind, count: number): { yes: number; applicable: number } | null {
  const applicable = c.yes + c.no;
  switch (kind) {
    case 'more-yes':
      return count <= c.unanswered + c.na ? { yes: c.yes + count, applicable: applicable + count } : null;
    case 'more-no':
      return count <= c.unanswered + c.na ? { yes: c.yes, applicable: applicable + count } : null;
    case 'no-to-yes':
      return count <= c.no ? { yes: c.yes + count, applicable } : null;
    case 'yes-to-no':
      return count <= c.yes ? { yes: c.yes - count, applicable } : null;
  }
}

function result(c: Counts): KeyQuestionResult {
  return rateKeyQuestion(
    framework,
    { id: 'k', label: 'Desistance' },
    { yes: c.yes, no: c.no, notApplicable: c.na, unanswered: c.unanswered, cannotApply: 0 },
  );
}

/** Checks every sentence for one key question's counts. */
function checkSentences(c: Counts): void {
  const here = ratingOf(c.yes, c.yes + c.no);
  const sentences = describeStandardMargin('Desistance', keyQuestionMargin(framework, result(c)));
  if (here === null) {
    expect(sentences).toEqual([]);
    return;
  }
  const seen = new Set<Kind>();
  sentences.forEach((sentence, index) => {
    if (index === 0) expect(sentence).toMatch(/would make Desistance /);
    else expect(sentence).toMatch(/would make it /);
    const s = read(sentence, 'Desistance');
    expect(seen.has(s.kind), `two sentences of one kind: ${sentences.join(' / ')}`).toBe(false);
    seen.add(s.kind);
    // Possible: unanswered cases are used first, then N/A answers, never more than there are.
    if (s.kind === 'more-yes' || s.kind === 'more-no') {
      expect(s.fromNa).toBe(Math.max(0, s.count - c.unanswered));
      expect(s.fromNa).toBeLessThanOrEqual(c.na);
    }
    const after = apply(c, s.kind, s.count);
    expect(after, `"${sentence}" is not possible with ${JSON.stringify(c)}`).not.toBeNull();
    // Exactly the rating it says, and a move in the direction it claims.
    expect(ratingOf(after!.yes, after!.applicable), `"${sentence}" with ${JSON.stringify(c)}`).toBe(s.to);
    const up = s.kind === 'more-yes' || s.kind === 'no-to-yes';
    if (up) expect(ratingRank(s.to)).toBeGreaterThan(ratingRank(here));
    else expect(ratingRank(s.to)).toBeLessThan(ratingRank(here));
    // The fewest: one answer fewer leaves the rating where it is.
    expect(s.count).toBeGreaterThan(0);
    const fewer = apply(c, s.kind, s.count - 1)!;
    expect(ratingOf(fewer.yes, fewer.applicable)).toBe(here);
  });
  // Complete: every kind of change that could move the rating has its sentence.
  for (const kind of ['more-yes', 'more-no', 'no-to-yes', 'yes-to-no'] as const) {
    let moves = false;
    for (let k = 1; k <= 40 && !moves; k += 1) {
      const after = apply(c, kind, k);
      if (after && ratingOf(after.yes, after.applicable) !== here) moves = true;
    }
    expect(seen.has(kind), `${kind} for ${JSON.stringify(c)}: ${sentences.join(' / ')}`).toBe(moves);
  }
}

describe('margin sentences, read back against the scoring', () => {
  it('the case that misled: 4 Yes, 1 No, 1 N/A (80%, Outstanding)', () => {
    expect(
      describeStandardMargin(
        'Desistance',
        keyQuestionMargin(framework, result({ yes: 4, no: 1, na: 1, unanswered: 0 })),
      ),
    ).toEqual([
      '1 more No answer — an N/A answered No — would make Desistance Good',
      '1 answer changed from Yes to No would make it Requires improvement',
    ]);
  });

  it('hold for every count of Yes, No and N/A up to 12, with up to 3 cases unanswered', () => {
    let checked = 0;
    for (let yes = 0; yes <= 12; yes += 1)
      for (let no = 0; no <= 12; no += 1)
        for (let na = 0; na <= 12; na += 1)
          for (let unanswered = 0; unanswered <= 3; unanswered += 1) {
            checkSentences({ yes, no, na, unanswered });
            checked += 1;
          }
    expect(checked).toBe(13 * 13 * 13 * 4);
  }, 60_000);
});

describe("a standard's margin across its key questions", () => {
  const kq = fc.record({
    yes: fc.nat(12),
    no: fc.nat(12),
    na: fc.nat(12),
    unanswered: fc.nat(3),
  });
  const labels = ['Desistance', 'Keeping the child safe', 'Keeping other people safe'];

  it('each step gives the rating it says, worked out from every key question after the change', () => {
    fc.assert(
      fc.property(fc.tuple(kq, kq, kq), (all) => {
        const results = all.map((c, n) =>
          rateKeyQuestion(
            framework,
            { id: `k${n}`, label: labels[n]! },
            { yes: c.yes, no: c.no, notApplicable: c.na, unanswered: c.unanswered, cannotApply: 0 },
          ),
        );
        const rated = results.filter((r) => r.rating !== null);
        const standard = rated.length
          ? rated.map((r) => r.rating!).reduce((a, b) => (ratingRank(a) <= ratingRank(b) ? a : b))
          : null;
        const margin = standardMargin(framework, standard, results);
        if (standard === null) {
          expect(margin).toBeNull();
          return;
        }
        const lowest = (changed: Map<number, { yes: number; applicable: number }>) =>
          results
            .map((r, n) => {
              const c = changed.get(n);
              return c ? ratingOf(c.yes, c.applicable) : r.rating;
            })
            .filter((r): r is Rating => r !== null)
            .reduce((a, b) => (ratingRank(a) <= ratingRank(b) ? a : b));
        for (const step of margin!.down) {
          // A drop names the one key question whose answers change; the sentence says which.
          expect(step.keyQuestions).toHaveLength(1);
          const n = labels.indexOf(step.keyQuestions[0]!);
          const after = apply(all[n]!, step.change, step.count);
          expect(after).not.toBeNull();
          expect(lowest(new Map([[n, after!]]))).toBe(step.to);
          expect(ratingRank(step.to)).toBeLessThan(ratingRank(standard));
          const sentence = describeStandardMargin('Assessment', { up: [], down: [step] })[0]!;
          expect(sentence).toContain(` in ${step.keyQuestions[0]}`);
        }
        for (const step of margin!.up) {
          expect(ratingRank(step.to)).toBeGreaterThan(ratingRank(standard));
          // Lifting changes every key question below the next band by its own fewest answers.
          const changed = new Map<number, { yes: number; applicable: number }>();
          let total = 0;
          for (const label of step.keyQuestions) {
            const n = labels.indexOf(label);
            const c = all[n]!;
            let k = 1;
            while (
              apply(c, step.change, k) &&
              ratingRank(ratingOf(apply(c, step.change, k)!.yes, apply(c, step.change, k)!.applicable)!) <=
                ratingRank(standard)
            )
              k += 1;
            const after = apply(c, step.change, k);
            expect(after).not.toBeNull();
            changed.set(n, after!);
            total += k;
          }
          expect(total).toBe(step.count);
          expect(lowest(changed)).toBe(step.to);
        }
      }),
      { numRuns: 2000 },
    );
  }, 60_000);
});
