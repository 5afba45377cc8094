/**
 * Styles next to the components they style: moves each rule of the app-wide stylesheets (renderer/app/styles.css
 * and renderer/app/integrity.css) whose classes are used by one feature only into that feature's own file
 * (renderer/features/<feature>/<feature>.css, or renderer/ui/ui.css for the shared pieces), and makes every
 * component that uses those classes import it. The colours, spacing and type (the `:root` custom properties) go
 * to renderer/app/tokens.css, the one place they are set. What is shared by several features, or styles bare
 * elements, stays in styles.css.
 *
 * Run: `npx tsx build/codemod-split-styles.ts` (add `--dry-run` to print the plan and write nothing).
 * Idempotent: a second run finds nothing left to move and changes nothing, so it can be run again after merging
 * a branch that added rules to styles.css.
 *
 * Where a rule goes is read from the code: a class belongs to the folders whose .ts/.tsx files name it in a
 * string (`className="case-row"`), or start it in a template (`status--${kind}` owns `status--…`). A rule whose
 * classes all belong to one feature moves there; `@media` blocks are split the same way, each part keeping its
 * condition. The entry imports tokens.css and styles.css before the app, so the shared rules come first in the
 * cascade and every feature's rules after them, as they did when they sat further down one file.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import * as prettier from 'prettier';

const ROOT = process.cwd();
const RENDERER = 'renderer';
/** The app-wide stylesheets rules are moved out of, in the order the entry imports them. */
const SOURCES = ['renderer/app/styles.css', 'renderer/app/integrity.css'];
const TOKENS = 'renderer/app/tokens.css';
const ENTRY = 'renderer/main.tsx';
const dryRun = process.argv.includes('--dry-run');

/** One top-level piece of a stylesheet: a rule, an at-rule with a block, or a statement; with its comments. */
interface Item {
  /** Comments (and the blank lines between) just before it. */
  readonly leading: string;
  /** The selector or at-rule prelude, trimmed. */
  readonly prelude: string;
  /** Everything between the braces, as written (no braces for a statement such as `@import`). */
  readonly body: string | null;
}

/** Splits CSS text into its top-level items; comments before an item travel with it. */
export function parseItems(css: string): { items: Item[]; trailing: string } {
  const items: Item[] = [];
  let i = 0;
  let leading = '';
  while (i < css.length) {
    // Whitespace and comments before the next item.
    const ws = /^\s+/.exec(css.slice(i));
    if (ws) {
      leading += ws[0];
      i += ws[0].length;
      continue;
    }
    if (css.startsWith('/*', i)) {
      const end = css.indexOf('*/', i + 2);
      if (end < 0) throw new Error('An unclosed comment');
      leading += css.slice(i, end + 2);
      i = end + 2;
      continue;
    }
    // The prelude runs to the first `{` or `;` outside strings.
    let j = i;
    while (j < css.length && css[j] !== '{' && css[j] !== ';') j = skipString(css, j) + 1;
    const prelude = css.slice(i, j).trim();
    if (css[j] === ';') {
      items.push({ leading, prelude, body: null });
      leading = '';
      i = j + 1;
      continue;
    }
    // The block runs to its matching `}`.
    let depth = 0;
    let k = j;
    for (; k < css.length; k += 1) {
      if (css.startsWith('/*', k)) {
        k = css.indexOf('*/', k + 2) + 1;
        continue;
      }
      k = skipString(css, k);
      if (css[k] === '{') depth += 1;
      else if (css[k] === '}') {
        depth -= 1;
        if (depth === 0) break;
      }
    }
    if (depth !== 0) throw new Error(`An unclosed block after "${prelude}"`);
    items.push({ leading, prelude, body: css.slice(j + 1, k) });
    leading = '';
    i = k + 1;
  }
  return { items, trailing: leading };
}

/** The index of a string's closing quote when `i` opens one, else `i`. */
function skipString(css: string, i: number): number {
  const quote = css[i];
  if (quote !== '"' && quote !== "'") return i;
  let k = i + 1;
  while (k < css.length && css[k] !== quote) k += css[k] === '\\' ? 2 : 1;
  return k;
}

/** An item back as text. */
function print(item: Item, indent = ''): string {
  const leading = item.leading.replace(/^\s*\n/, '').replace(/\s+$/, '');
  const comment = leading ? `${leading}\n` : '';
  if (item.body === null) return `${comment}${indent}${item.prelude};`;
  return `${comment}${indent}${item.prelude} {${item.body.replace(/\s+$/, '')}\n${indent}}`;
}

/** The class names a selector names. */
function classesOf(selector: string): string[] {
  return [...selector.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((m) => m[1]!);
}

/** Every .ts/.tsx file under a folder. */
function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The words a file names in strings and templates: whole class names, and prefixes a template completes. */
function namesIn(text: string): { whole: Set<string>; prefixes: Set<string> } {
  const whole = new Set<string>();
  const prefixes = new Set<string>();
  for (const match of text.matchAll(/(['"`])((?:\\.|(?!\1)[^\\])*)\1/g)) {
    const literal = match[2]!;
    for (const part of literal.split(/\$\{[^}]*\}/)) {
      for (const word of part.match(/-?[_a-zA-Z][\w-]*/g) ?? []) whole.add(word);
    }
    for (const template of literal.matchAll(/(-?[_a-zA-Z][\w-]*)\$\{/g)) prefixes.add(template[1]!);
  }
  return { whole, prefixes };
}

/** Where a source file belongs: a feature folder, the shared ui folder, or the app frame. */
function areaOf(file: string): string {
  const parts = relative(RENDERER, file).split(/[\\/]/);
  if (parts[0] === 'features' && parts.length > 2) return `features/${parts[1]}`;
  return parts[0] === 'ui' ? 'ui' : 'app';
}

/** The stylesheet of an area. */
function stylesheetOf(area: string): string {
  if (area === 'ui') return 'renderer/ui/ui.css';
  const feature = area.split('/')[1]!;
  return `renderer/features/${feature}/${feature}.css`;
}

const files = sourceFiles(RENDERER).map((file) => ({
  file,
  area: areaOf(file),
  ...namesIn(readFileSync(file, 'utf8')),
}));

/** The files that use a class. */
function usersOf(className: string) {
  return files.filter(
    (f) => f.whole.has(className) || [...f.prefixes].some((prefix) => className.startsWith(prefix)),
  );
}

/**
 * Where a rule belongs: `tokens` for the custom properties, an area when every class it names is used there
 * only, or `null` to stay shared.
 */
function destinationOf(selector: string): string | null {
  const classes = classesOf(selector);
  if (classes.length === 0) return null;
  const areas = new Set(classes.flatMap((c) => usersOf(c).map((f) => f.area)));
  if (areas.size !== 1) return null;
  const [area] = [...areas];
  return area === 'app' ? null : area!;
}

/** A rule's declarations split into custom properties (`--ink: …;`) and the others, each as a line. */
function splitTokens(body: string): { tokens: string[]; rest: string[] } {
  const declarations = body
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean)
    .map((d) => `  ${d.replace(/\s*\n\s*/g, ' ')};`);
  return {
    tokens: declarations.filter((d) => d.trimStart().startsWith('--')),
    rest: declarations.filter((d) => !d.trimStart().startsWith('--')),
  };
}

/** What each destination gains, in order, and the classes that send it there. */
const moved = new Map<string, { text: string[]; classes: Set<string> }>();
function send(destination: string, text: string, selector: string) {
  const entry = moved.get(destination) ?? { text: [], classes: new Set<string>() };
  entry.text.push(text);
  for (const c of classesOf(selector)) entry.classes.add(c);
  moved.set(destination, entry);
}

const rewritten = new Map<string, string>();
for (const source of SOURCES) {
  if (!existsSync(source)) continue;
  const { items, trailing } = parseItems(readFileSync(source, 'utf8'));
  const kept: string[] = [];
  for (const item of items) {
    if (item.body !== null && item.prelude.startsWith('@media')) {
      // Split the block: each part goes where its rules go, under the same condition.
      const inner = parseItems(item.body).items;
      const parts = new Map<string | null, Item[]>();
      for (const rule of inner) {
        const to = destinationOf(rule.prelude);
        parts.set(to, [...(parts.get(to) ?? []), rule]);
      }
      // The block's comment stays with what stays, or goes with the first part when nothing stays.
      const commentGoesWith = parts.has(null) ? null : [...parts.keys()][0];
      for (const [to, rules] of parts) {
        const body = `\n${rules.map((r) => print(r, '  ')).join('\n')}`;
        const text = print({ ...item, leading: to === commentGoesWith ? item.leading : '', body });
        if (to === null) kept.push(text);
        else send(to, text, rules.map((r) => r.prelude).join(' '));
      }
      continue;
    }
    if (item.prelude === ':root' && item.body !== null) {
      // The custom properties are the tokens; the rest of the rule (the page's type and colours) stays.
      const { tokens, rest } = splitTokens(item.body);
      if (tokens.length > 0) send('tokens', print({ ...item, body: `\n${tokens.join('\n')}` }), '');
      if (rest.length > 0)
        kept.push(
          print({ ...item, leading: tokens.length ? '' : item.leading, body: `\n${rest.join('\n')}` }),
        );
      continue;
    }
    const to = item.body !== null && !item.prelude.startsWith('@') ? destinationOf(item.prelude) : null;
    if (to === null) kept.push(print(item));
    else send(to, print(item), item.prelude);
  }
  const closing = trailing.trim() ? `\n${trailing.trim()}` : '';
  rewritten.set(source, `${kept.join('\n')}${closing}\n`);
}

if (moved.size === 0) {
  console.log('Nothing to move: every rule left in the app stylesheets is shared.');
}

/** Appends moved rules to a stylesheet, creating it with a heading when new. */
function appendTo(path: string, rules: readonly string[], heading: string): void {
  const existing = writes.get(path) ?? (existsSync(path) ? readFileSync(path, 'utf8') : null);
  const before = existing !== null ? existing.replace(/\s*$/, '\n\n') : `/* ${heading} */\n\n`;
  write(path, `${before}${rules.join('\n')}\n`);
}

/** Adds `import './x.css';` to a source file after its last import, unless it is there. */
function importInto(file: string, stylesheet: string): void {
  let specifier = relative(dirname(file), stylesheet).split('\\').join('/');
  if (!specifier.startsWith('.')) specifier = `./${specifier}`;
  const text = writes.get(file) ?? readFileSync(file, 'utf8');
  if (text.includes(`'${specifier}'`)) return;
  const imports = [...text.matchAll(/^import[\s\S]*?;$/gm)];
  const last = imports.at(-1);
  const at = last ? last.index! + last[0].length : 0;
  write(file, `${text.slice(0, at)}\nimport '${specifier}';${text.slice(at)}`);
}

/** What is to be written, by path; written (formatted by Prettier) at the end, or listed on a dry run. */
const writes = new Map<string, string>();
function write(path: string, text: string): void {
  writes.set(path, text);
}

for (const [destination, { text, classes }] of moved) {
  if (destination === 'tokens') {
    appendTo(TOKENS, text, "Casescore's design tokens: colours, spacing, type. Every stylesheet uses these.");
    console.log(`${TOKENS}: ${text.length} rule(s)`);
    continue;
  }
  const stylesheet = stylesheetOf(destination);
  appendTo(
    stylesheet,
    text,
    `Styles of ${destination.replace('features/', 'the ')}${destination === 'ui' ? ' pieces' : ' feature'}.`,
  );
  const users = files.filter(
    (f) => f.area === destination && [...classes].some((c) => usersOf(c).includes(f)),
  );
  for (const user of users) importInto(user.file, stylesheet);
  console.log(
    `${stylesheet}: ${text.length} rule(s), imported by ${users.map((u) => basename(u.file)).join(', ')}`,
  );
}
for (const [source, text] of rewritten) if (moved.size > 0) write(source, text);

// The shared rules first in the cascade: the entry imports the tokens and the app stylesheets before the app.
const entry = writes.get(ENTRY) ?? readFileSync(ENTRY, 'utf8');
const sheets = [TOKENS, ...SOURCES].filter((s) => existsSync(s) || writes.has(s));
const sheetImports = sheets.map((s) => `import './${relative(dirname(ENTRY), s).split('\\').join('/')}';`);
const withoutSheets = entry
  .split('\n')
  .filter((line) => !sheetImports.includes(line.trim()))
  .join('\n');
const firstImport = withoutSheets.search(/^import /m);
const orderedEntry = `${withoutSheets.slice(0, firstImport)}${sheetImports.join('\n')}\n${withoutSheets.slice(firstImport)}`;
if (orderedEntry !== entry) write(ENTRY, orderedEntry);

for (const [path, text] of writes) {
  if (dryRun) {
    console.log(`would write ${path}`);
    continue;
  }
  const options = (await prettier.resolveConfig(join(ROOT, path))) ?? {};
  writeFileSync(path, await prettier.format(text, { ...options, filepath: path }));
}
if (writes.size === 0) console.log('No file changed.');
