/**
 * `npm run bench:readme`: writes the figures of the last `npm run bench` (.bench/results.json) into the README's
 * speed table, between its two markers, so the table always shows one whole run as it came: every figure, its
 * target and whether it was met, with the run's time and the machine's load.
 */
import { readFileSync, writeFileSync } from 'node:fs';

/** One figure of a bench run, with its target where it has one (bench/run.ts records them). */
export interface Row {
  readonly measure: string;
  readonly value: number;
  readonly unit: string;
  readonly target?: number;
  readonly note?: string;
}
interface Results {
  readonly at: string;
  readonly rows: readonly Row[];
  readonly details: { readonly load?: { cores: number; atStart: number; atEnd: number } };
}

const START = '<!-- bench table: written by npm run bench:readme -->';
const END = '<!-- end of bench table -->';

const figure = (row: Row) => {
  const digits = row.unit === 'KB' || row.unit === 'ms' ? 1 : row.unit === '×' ? 2 : row.unit === 's' ? 1 : 2;
  const unit = row.unit === '×' ? '×' : ` ${row.unit}`;
  return `${row.value.toFixed(digits)}${unit}`;
};

/** Words wrapped at the README's width. */
function wrap(text: string, width = 116): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line].join('\n');
}

/** The table and the sentence above it, for one run. */
export function benchTable(results: Results): string {
  const load = results.details.load;
  const met = results.rows.filter((r) => r.target !== undefined && r.value <= r.target);
  const targets = results.rows.filter((r) => r.target !== undefined);
  const missed = targets.filter((r) => !met.includes(r));
  const when = new Date(results.at).toISOString().replace('T', ' ').slice(0, 16);
  const lines = [
    wrap(
      `Run of ${when} UTC${load ? `, load average ${load.atStart.toFixed(1)} at its start and ${load.atEnd.toFixed(1)} at its end on ${load.cores} cores` : ''}: ${met.length} of ${targets.length} targets met${missed.length ? `; missed: ${missed.map((r) => r.measure).join('; ')}` : ''}.`,
    ),
    '',
    '| measure | result | target |',
    '| --- | --- | --- |',
    ...results.rows.map((row) => {
      const result = `${figure(row)}${row.note ? ` (${row.note})` : ''}`;
      const target =
        row.target === undefined
          ? ''
          : `≤ ${row.target}${row.unit === '×' ? '×' : ` ${row.unit}`} (${row.value <= row.target ? 'met' : 'missed'}, ${(row.value / row.target).toFixed(2)}×)`;
      return `| ${row.measure} | ${result} | ${target} |`;
    }),
  ];
  return lines.join('\n');
}

if (process.argv[1]?.endsWith('readme-table.ts')) {
  const results = JSON.parse(readFileSync('.bench/results.json', 'utf8')) as Results;
  const readme = readFileSync('README.md', 'utf8');
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no "${START}" … "${END}" markers`);
  writeFileSync(
    'README.md',
    `${readme.slice(0, start + START.length)}\n\n${benchTable(results)}\n\n${readme.slice(end)}`,
  );
  console.log(`README.md: the speed table now shows the run of ${results.at}; run prettier on it next`);
}
