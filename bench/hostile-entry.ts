// Reads one export file with full validation, as the app's file worker does, and prints the time it took: run by
// `npm run bench` in a Node process whose heap is capped, to show the most memory reading a file of that size
// can take (it fails if reading needs more than the cap).
import { readFileSync } from 'node:fs';
import { readExportFile } from '#shared/interchange';

const [file, maxBytes] = process.argv.slice(2);
const text = readFileSync(file!, 'utf8');
const start = performance.now();
const { file: read } = await readExportFile(text, { maxBytes: Number(maxBytes) });
const ms = performance.now() - start;
console.log(JSON.stringify({ ms, inspections: read.inspections.length }));
