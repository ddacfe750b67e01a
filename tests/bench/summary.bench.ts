import { readExportFolder } from '../../electron/services/configuration/export-folder-reader';
import { diffSummaries } from '../../shared/configuration/diff';
import type { ConfigurationSummary } from '../../shared/configuration/summary';
import { contosoFolder, copyContoso, editFile, contoso, generateLargeExport, makeTempDir, removeDir } from '../fixtures/configuration/contoso';
import { median } from './measure';

/** Targets (ms, median): Contoso read 500, Contoso diff 200, 20× read 3,000, 20× diff 1,000. */
const runs = 5;

async function timeMedian(task: () => Promise<unknown> | unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await task();
    times.push(performance.now() - start);
  }
  return Math.round(median(times) * 10) / 10;
}

/** Two summaries that differ by one disabled rule, so the diff walks everything and finds something. */
async function readPair(original: string, temp: string, name: string): Promise<[ConfigurationSummary, ConfigurationSummary]> {
  const changed = await copyContoso(temp, name);
  await editFile(changed, contoso.ruleFile(contoso.groupJoinRuleId), '<disabled>False</disabled>', '<disabled>True</disabled>');
  return [await readExportFolder(original), await readExportFolder(changed)];
}

export async function run(): Promise<Record<string, number>> {
  const temp = await makeTempDir('summary-bench-');
  try {
    const contosoReadMs = await timeMedian(() => readExportFolder(contosoFolder));
    const [a, b] = await readPair(contosoFolder, temp, 'contoso-changed');
    const contosoDiffMs = await timeMedian(() => diffSummaries(a, b));

    const large = await generateLargeExport(temp, 20);
    const largeReadMs = await timeMedian(() => readExportFolder(large));
    const largeA = await readExportFolder(large);
    const largeB = structuredClone(largeA);
    const rule = largeB.syncRules[largeB.syncRules.length - 1];
    if (rule) rule.precedence += 1;
    const largeDiffMs = await timeMedian(() => diffSummaries(largeA, largeB));

    return {
      'summary.contosoReadMs': contosoReadMs,
      'summary.contosoDiffMs': contosoDiffMs,
      'summary.largeReadMs': largeReadMs,
      'summary.largeDiffMs': largeDiffMs,
      'summary.largeRuleCount': largeA.syncRules.length,
    };
  } finally {
    await removeDir(temp);
  }
}
