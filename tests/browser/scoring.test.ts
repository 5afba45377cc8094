// The scoring engine and the export reader in real Chromium, on the sample export, under a strict Content
// Security Policy like the app's: no eval, so validation must run jitless.
import { beforeAll, describe, expect, it } from 'vitest';
import sampleText from '../../seeds/samples/london-2022.json?raw';
import { loadAnnexeTwo } from '../../seeds';
import { parseExport } from '#shared/interchange';
import { rateInspection, rollUpRegion } from '#shared/scoring';

beforeAll(() => {
  const policy = document.createElement('meta');
  policy.httpEquiv = 'Content-Security-Policy';
  policy.content = "script-src 'self'; object-src 'none'";
  document.head.append(policy);
});

describe('in Chromium, under a strict CSP', () => {
  it('refuses eval, so the policy really is in force', () => {
    expect(() => eval('1 + 1')).toThrow(EvalError);
    expect(() => new Function('return 1')).toThrow(EvalError);
  });

  it('reads the sample export and reproduces annexe two', () => {
    const file = parseExport(sampleText);
    const annexe = loadAnnexeTwo();
    expect(
      file.inspections.map((i) => rateInspection(i)).map((r) => `${r.score}/${r.maxScore} ${r.rating}`),
    ).toEqual(annexe.map((p) => `${p.publishedScore}/${p.publishedMaxScore} ${p.publishedRating}`));
  });

  it("rolls the region up to the letter's 51 of 223", () => {
    const region = rollUpRegion(parseExport(sampleText).inspections);
    const oversight = region.questions.find((q) => q.question.id === 'management-oversight')?.total;
    expect([oversight?.yes, (oversight?.yes ?? 0) + (oversight?.no ?? 0)]).toEqual([51, 223]);
  });

  it('refuses a broken file, saying where in words', () => {
    const broken = sampleText.replace('"caseType":"community"', '"caseType":"bail"');
    expect(() => parseExport(broken)).toThrow(
      /^inspection "[^"]+", case "[^"]+", case type: expected community/,
    );
  });
});
