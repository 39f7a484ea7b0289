/**
 * Renderer bundle: per chunk in out/renderer/assets, its minified and gzip size; the first view
 * (index.html's scripts and modulepreloads, following their static imports) against all chunks.
 * Run after a build: npx tsx bench/bundle.ts (npm run bench:bundle builds first).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { reportRows } from './table';

const RENDERER = 'out/renderer';
const ASSETS = join(RENDERER, 'assets');
const FIRST_VIEW_GOAL_BYTES = 1_000_000;

interface Chunk {
  file: string;
  bytes: number;
  gzipBytes: number;
  staticImports: string[];
}

/** Static `import … from "./x.js"` and `import "./x.js"`; dynamic `import("./x.js")` loads later. */
function staticImportsOf(code: string): string[] {
  const found = new Set<string>();
  for (const match of code.matchAll(/(?:\bfrom|\bimport)\s*["']\.\/([^"']+\.js)["']/g)) found.add(match[1] as string);
  return [...found];
}

function readChunks(): Map<string, Chunk> {
  const chunks = new Map<string, Chunk>();
  for (const file of readdirSync(ASSETS).filter((name) => name.endsWith('.js'))) {
    const code = readFileSync(join(ASSETS, file));
    chunks.set(file, { file, bytes: code.length, gzipBytes: gzipSync(code).length, staticImports: staticImportsOf(code.toString('utf8')) });
  }
  return chunks;
}

/** The chunks the page loads before first paint: index.html's entry and preloads, and their static imports. */
function firstViewChunks(chunks: Map<string, Chunk>): Set<string> {
  const html = readFileSync(join(RENDERER, 'index.html'), 'utf8');
  const pending = [...html.matchAll(/(?:src|href)="\.\/assets\/([^"]+\.js)"/g)].map((match) => match[1] as string);
  const loaded = new Set<string>();
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (loaded.has(file)) continue;
    const chunk = chunks.get(file);
    if (!chunk) throw new Error(`index.html or a chunk loads ${file}, which is not in ${ASSETS}`);
    loaded.add(file);
    pending.push(...chunk.staticImports);
  }
  return loaded;
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

export function measureBundle() {
  const chunks = readChunks();
  const first = firstViewChunks(chunks);
  const sum = (files: Iterable<Chunk>, key: 'bytes' | 'gzipBytes') => [...files].reduce((total, chunk) => total + chunk[key], 0);
  const all = [...chunks.values()].sort((a, b) => b.bytes - a.bytes);
  const firstChunks = all.filter((chunk) => first.has(chunk.file));
  return {
    chunks: all.map((chunk) => ({ file: chunk.file, bytes: chunk.bytes, gzipBytes: chunk.gzipBytes, firstView: first.has(chunk.file) })),
    firstView: { bytes: sum(firstChunks, 'bytes'), gzipBytes: sum(firstChunks, 'gzipBytes') },
    all: { bytes: sum(all, 'bytes'), gzipBytes: sum(all, 'gzipBytes') },
  };
}

const result = measureBundle();
console.log('chunk: one JS file in out/renderer/assets; minified = bytes on disk; gzip = node zlib default level');
console.log('first view: the JS index.html loads before first paint (its script, modulepreloads and their static imports)');
console.log('anchor: all renderer JS chunks of the same build\n');
console.log(`${'chunk'.padEnd(44)} ${'minified'.padStart(10)} ${'gzip'.padStart(10)}  first view`);
for (const chunk of result.chunks) {
  console.log(
    `${chunk.file.padEnd(44)} ${kB(chunk.bytes).padStart(10)} ${kB(chunk.gzipBytes).padStart(10)}  ${chunk.firstView ? 'yes' : ''}`,
  );
}
const ratio = result.firstView.bytes / result.all.bytes;
console.log(`\n${'figure'.padEnd(26)} ${'app'.padStart(22)} ${'anchor: all chunks'.padStart(22)} ${'ratio'.padStart(6)}`);
console.log(
  `${'first-view JS'.padEnd(26)} ${`${kB(result.firstView.bytes)} (${kB(result.firstView.gzipBytes)} gz)`.padStart(22)} ${`${kB(result.all.bytes)} (${kB(result.all.gzipBytes)} gz)`.padStart(22)} ${ratio.toFixed(2).padStart(6)}`,
);
const withinGoal = result.firstView.bytes <= FIRST_VIEW_GOAL_BYTES;
console.log(`goal: first-view JS ≤ ${kB(FIRST_VIEW_GOAL_BYTES)} minified: ${withinGoal ? 'met' : 'NOT met'}`);
if (process.argv.includes('--json')) console.log(JSON.stringify(result));
reportRows([
  {
    figure: 'renderer first-view JS, minified',
    definition: 'the JS index.html loads before first paint, against all renderer chunks of the same build',
    unit: 'kB',
    app: result.firstView.bytes / 1000,
    anchorName: 'all chunks',
    anchor: result.all.bytes / 1000,
    maxApp: FIRST_VIEW_GOAL_BYTES / 1000,
  },
]);
process.exitCode = withinGoal ? 0 : 1;
