/**
 * Display numbers ("2.1 Court work", "2.2 Assessment") are derived, never stored: they shift when an
 * inspection does not rate court work, while ids never do.
 */
import { standardIsRated } from './applicability';
import type { Framework } from './types';

/** Display number of each rated domain ("1", "2"), keyed by domain id. */
export function numberDomains(framework: Framework): ReadonlyMap<string, string> {
  return new Map(framework.domains.map((d, i) => [d.id, String(i + 1)]));
}

/**
 * Display number of each standard the inspection rates, keyed by standard id. Standards the inspection does
 * not rate get no number and do not use one up.
 */
export function numberStandards(
  framework: Framework,
  options: Readonly<Record<string, boolean>>,
): ReadonlyMap<string, string> {
  const numbers = new Map<string, string>();
  framework.domains.forEach((domain, domainIndex) => {
    let position = 0;
    for (const standard of domain.standards) {
      if (!standardIsRated(standard, options)) continue;
      position += 1;
      numbers.set(standard.id, `${domainIndex + 1}.${position}`);
    }
  });
  return numbers;
}
