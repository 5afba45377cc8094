/**
 * One rule for telling case references apart, used everywhere a reference is compared: adding one case or a
 * pasted list, editing a case, importing and merging. "CR 0003", "cr0003" and "CR0003" are the same case: the
 * comparison key is the reference in Unicode NFC, with white space removed and letters in lower case. The
 * reference itself is kept as the inspector typed it (trimmed), so lists read as they were entered.
 */

/** The key two references are compared on: equal keys are the same case. */
export function referenceKey(reference: string): string {
  return reference.normalize('NFC').replace(/\s+/gu, '').toLowerCase();
}

/** A reference as it is stored: NFC, trimmed, inner runs of white space made one space. */
export function tidyReference(reference: string): string {
  return reference.normalize('NFC').trim().replace(/\s+/gu, ' ');
}
