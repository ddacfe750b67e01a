import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxInputFileBytes, readBoundedFile } from '../../../electron/services/configuration/bounded-file';
import { readExportedJson } from '../../../electron/services/configuration/exported-json-reader';
import { parseXml, xmlLimits } from '../../../electron/services/configuration/xml-document';

describe('reading XML and JSON an administrator picked', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'cw-xml-'));
  });
  afterAll(async () => rm(folder, { recursive: true, force: true }));

  it('pins the parser’s entity and depth limits explicitly', () => {
    expect(xmlLimits).toEqual({
      maxNestedTags: 64,
      processEntities: { enabled: true, maxEntityCount: 1, maxEntitySize: 1, maxExpansionDepth: 1, maxTotalExpansions: 1, maxExpandedLength: 1, appliesTo: 'external' },
    });
  });

  it('refuses a document type declaration (the billion laughs never reach the parser)', () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><ma-data>&lol2;</ma-data>`;
    expect(() => parseXml(laughs, 'C:\\exports\\Connector_{1}.xml')).toThrow(/Malformed XML in C:\\exports\\Connector_\{1\}\.xml: it declares a document type/);
  });

  it('refuses nesting deeper than any export, and still reads the XML entities sync rules are full of', () => {
    const deep = `${'<a>'.repeat(80)}x${'</a>'.repeat(80)}`;
    expect(() => parseXml(deep, 'deep.xml')).toThrow(/deep\.xml: it is nested deeper/);
    const rule = parseXml(`<rule><expression>IIF(IsPresent([a]) &amp;&amp; [b] &lt;&gt; &quot;x&quot;, &apos;y&apos;)</expression></rule>`, 'rule.xml');
    expect(rule).toEqual({ rule: { expression: `IIF(IsPresent([a]) && [b] <> "x", 'y')` } });
  });

  it('refuses a file over 64 MiB before reading it, naming the file', async () => {
    expect(maxInputFileBytes).toBe(64 * 1024 * 1024);
    const big = path.join(folder, 'Exported-SynchronizationPolicy-huge.json');
    const handle = await open(big, 'w');
    await handle.truncate(maxInputFileBytes + 1);
    await handle.close();
    await expect(readExportedJson(big)).rejects.toMatchObject({
      code: 'MALFORMED_INPUT',
      message: `${big} is 65 MiB, larger than the 64 MiB any export file holds, so it was not read.`,
    });
    const small = path.join(folder, 'small.xml');
    await writeFile(small, '<a/>');
    expect((await readBoundedFile(small)).toString()).toBe('<a/>');
  });

  it('keeps the JSON parser’s own words out of the message', async () => {
    const broken = path.join(folder, 'broken.json');
    await writeFile(broken, '{"connectWizardSummary": ');
    await expect(readExportedJson(broken)).rejects.toMatchObject({ code: 'MALFORMED_INPUT', message: `Malformed JSON in ${broken}: it is not a JSON document.` });
  });
});
