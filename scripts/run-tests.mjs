// npm test: build, then unit + integration tests (Vitest) and end-to-end tests (Playwright in Chromium),
// ending with one plain summary line over all of them and the wall time, which is also written to
// bench/results.json as test.suiteMinutes (the other figures there are `npm run bench`'s).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from './build.mjs';

const startedAt = Date.now();
const reports = path.resolve('reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
process.env.PATH = `${path.join(process.env.HOME ?? '', '.dotnet', 'tools')}${path.delimiter}${process.env.PATH}`;

await build();

const run = (command, args, env = {}) =>
  spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

const vitestStatus = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${path.join(reports, 'vitest.json')}`]);
const playwrightStatus = run('npx', ['playwright', 'test', '--reporter=list,json'], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(reports, 'playwright.json'),
});

function vitestCounts() {
  const file = path.join(reports, 'vitest.json');
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0 };
  const report = JSON.parse(readFileSync(file, 'utf8'));
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + (report.success || report.numFailedTests > 0 ? 0 : 1),
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

function playwrightCounts() {
  const file = path.join(reports, 'playwright.json');
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0 };
  const { stats } = JSON.parse(readFileSync(file, 'utf8'));
  return { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped };
}

const unit = vitestCounts();
const e2e = playwrightCounts();
const failed = unit.failed + e2e.failed + (vitestStatus !== 0 && unit.failed === 0 ? 1 : 0) + (playwrightStatus !== 0 && e2e.failed === 0 ? 1 : 0);
console.log('');
console.log(`Vitest (unit + integration): ${unit.passed} passed, ${unit.failed} failed, ${unit.skipped} skipped`);
console.log(`Playwright (end-to-end): ${e2e.passed} passed, ${e2e.failed} failed, ${e2e.skipped} skipped (skipped = needs the Electron binary, not run)`);
console.log(`Total: ${unit.passed + e2e.passed} passed, ${failed} failed, ${unit.skipped + e2e.skipped} skipped`);
const suiteMinutes = Math.round(((Date.now() - startedAt) / 60_000) * 10) / 10;
console.log(`Wall time: ${suiteMinutes} minutes (build and every suite; the budget is 25)`);
recordSuiteMinutes(suiteMinutes);

/** Merges test.suiteMinutes into bench/results.json, keeping the benchmarks' figures. */
function recordSuiteMinutes(minutes) {
  const file = path.resolve('bench', 'results.json');
  let figures = {};
  try {
    figures = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // No results yet (or unreadable): start a new file.
  }
  figures['test.suiteMinutes'] = minutes;
  const sorted = Object.fromEntries(Object.entries(figures).sort(([a], [b]) => a.localeCompare(b)));
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(sorted, null, 2)}\n`, 'utf8');
}
process.exit(failed > 0 ? 1 : 0);
