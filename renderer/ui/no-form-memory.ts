/**
 * Case content typed into a box must not be kept by the browser itself, outside Casescore's encrypted store:
 * Chromium saves what is typed in a page's boxes for session restore (the profile's Sessions files) and for
 * autofill, in clear, unless the box says `autocomplete="off"`. Every input, text area and list gets it, as it
 * appears, unless it says otherwise (the passphrase boxes say what they are).
 */
const BOXES = 'input:not([autocomplete]), textarea:not([autocomplete]), select:not([autocomplete])';

function forget(root: ParentNode): void {
  for (const box of root.querySelectorAll(BOXES)) box.setAttribute('autocomplete', 'off');
}

/** Marks every box on the page now and as screens draw new ones. */
export function keepTypingOutOfTheBrowser(root: HTMLElement): void {
  forget(root);
  new MutationObserver((changes) => {
    for (const change of changes) {
      for (const node of change.addedNodes) {
        if (!(node instanceof Element)) continue;
        if (node.matches(BOXES)) node.setAttribute('autocomplete', 'off');
        forget(node);
      }
    }
  }).observe(root, { childList: true, subtree: true });
}
