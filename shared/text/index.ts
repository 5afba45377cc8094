/** Rules for the text people type: one reference rule, and no hidden characters in names, references and ids. */
export { referenceKey, tidyReference } from './reference';
export { hasHiddenCharacter, hiddenCharacterProblem, ID_PATTERN } from './plain-text';
