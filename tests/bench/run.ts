/*
 * `npm run bench`: runs every tests/bench/*.bench.ts (each exports run(): Promise<Record<string, number>>),
 * merges their figures into bench/results.json and prints them. A bench that throws is reported and
 * makes the runner exit non-zero; the figures of the others are still written. Arguments filter the files
 * by name (`tsx tests/bench/run.ts ou-tree`); the figures of the files not run are kept from the last run.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

type BenchModule = { run?: () => Promise<Record<string, number>> };

const benchDirectory = dirname(fileURLToPath(import.meta.url));
const repositoryRoot = join(benchDirectory, '..', '..');
const resultsFile = join(repositoryRoot, 'bench', 'results.json');

async function main(): Promise<number> {
  const only = process.argv.slice(2);
  const files = (await readdir(benchDirectory))
    .filter((name) => name.endsWith('.bench.ts') && (only.length === 0 || only.some((part) => name.includes(part))))
    .sort();
  const figures: Record<string, number> = {};
  const failures: string[] = [];

  for (const file of files) {
    process.stdout.write(`bench ${file} …\n`);
    try {
      const module = (await import(pathToFileURL(join(benchDirectory, file)).href)) as BenchModule;
      if (typeof module.run !== 'function') throw new Error('it does not export run()');
      const result = await module.run();
      for (const [name, value] of Object.entries(result)) {
        if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`figure ${name} is not a finite number`);
        figures[name] = value;
      }
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      failures.push(file);
      process.stderr.write(`bench ${file} failed: ${message}\n`);
    }
  }

  // `npm test` writes test.suiteMinutes into the same file, and a filtered run measures only some figures: keep the rest.
  const previous = await readFile(resultsFile, 'utf8').then((text) => JSON.parse(text) as Record<string, unknown>, () => ({}) as Record<string, unknown>);
  for (const [name, value] of Object.entries(previous)) {
    if (typeof value === 'number' && !(name in figures) && (name === 'test.suiteMinutes' || only.length > 0)) figures[name] = value;
  }
  await mkdir(dirname(resultsFile), { recursive: true });
  const sorted = Object.fromEntries(Object.entries(figures).sort(([a], [b]) => a.localeCompare(b)));
  await writeFile(resultsFile, `${JSON.stringify(sorted, null, 2)}\n`, 'utf8');
  const width = Math.max(0, ...Object.keys(sorted).map((name) => name.length));
  for (const [name, value] of Object.entries(sorted)) {
    process.stdout.write(`${name.padEnd(width)}  ${Math.round(value * 100) / 100}\n`);
  }
  process.stdout.write(`written to ${resultsFile}\n`);
  if (failures.length > 0) process.stderr.write(`failed: ${failures.join(', ')}\n`);
  return failures.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  },
);
