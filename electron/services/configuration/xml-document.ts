import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { AppError } from '../../../shared/core/errors';

/** A parsed XML element: child elements by tag name, attributes as `@_name`, text as `#text`. */
export type XmlNode = { readonly [key: string]: unknown };

/**
 * Limits pinned here rather than left to the library's defaults. Exports carry no document type
 * declaration (one is refused before parsing, see parseXml), so declared entities get the smallest
 * allowance; the five XML entities and character references are unlimited, as sync rule expressions are
 * full of them. Nesting: an export is about a dozen elements deep.
 */
export const xmlLimits = {
  maxNestedTags: 64,
  processEntities: {
    enabled: true,
    maxEntityCount: 1,
    maxEntitySize: 1,
    maxExpansionDepth: 1,
    maxTotalExpansions: 1,
    maxExpandedLength: 1,
    appliesTo: 'external',
  },
} as const;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Values stay strings: GUIDs, precedences and expressions must not be reinterpreted.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  commentPropName: false,
  htmlEntities: false,
  maxNestedTags: xmlLimits.maxNestedTags,
  processEntities: { ...xmlLimits.processEntities },
});

/** Decodes a file's bytes: UTF-8 (with or without BOM) or UTF-16 LE with BOM, as Windows tools write. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  const text = new TextDecoder('utf-8').decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The directory schemas (`<schema>…</schema>`) are most of an export's bytes and none of its
 * configuration, so they are cut out before parsing; that keeps reading a large export fast.
 */
export function withoutSchema(xml: string): string {
  const start = xml.search(/<schema[\s>]/);
  if (start < 0) return xml;
  const closing = '</schema>';
  const end = xml.indexOf(closing, start);
  if (end < 0) return xml;
  return xml.slice(0, start) + xml.slice(end + closing.length);
}

/** Parses one export file; malformed XML becomes MALFORMED_INPUT naming the file, line and problem. */
export function parseXml(xml: string, filePath: string): XmlNode {
  const stripped = withoutSchema(xml);
  if (/<!DOCTYPE/i.test(stripped)) {
    throw new AppError('MALFORMED_INPUT', `Malformed XML in ${filePath}: it declares a document type, which no Get-ADSyncServerConfiguration export does.`);
  }
  const validation = XMLValidator.validate(stripped);
  if (validation !== true) {
    const { msg, line, col } = validation.err;
    throw new AppError('MALFORMED_INPUT', `Malformed XML in ${filePath} (line ${line}, column ${col}): ${msg}`);
  }
  let parsed: unknown;
  try {
    parsed = parser.parse(stripped);
  } catch (error) {
    throw new AppError(
      'MALFORMED_INPUT',
      `Malformed XML in ${filePath}: it is nested deeper or expands more than any export.`,
      error instanceof Error ? error.message : String(error),
    );
  }
  if (!isNode(parsed)) throw new AppError('MALFORMED_INPUT', `Malformed XML in ${filePath}: no root element.`);
  return parsed;
}

export function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every child element with this tag (an element repeated once or many times reads the same). */
export function children(node: XmlNode | undefined, tag: string): XmlNode[] {
  const value = node?.[tag];
  if (value === undefined) return [];
  const list = Array.isArray(value) ? (value as unknown[]) : [value];
  return list.map((item) => (isNode(item) ? item : { '#text': textOf(item) }));
}

export function child(node: XmlNode | undefined, tag: string): XmlNode | undefined {
  return children(node, tag)[0];
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isNode(value)) return textOf(value['#text']);
  return '';
}

/** Text of the first child element with this tag; '' when absent or empty. */
export function text(node: XmlNode | undefined, tag: string): string {
  const value = node?.[tag];
  return textOf(Array.isArray(value) ? value[0] : value);
}

/** Texts of every child element with this tag, empty ones left out. */
export function texts(node: XmlNode | undefined, tag: string): string[] {
  const value = node?.[tag];
  if (value === undefined) return [];
  const list = Array.isArray(value) ? (value as unknown[]) : [value];
  return list.map(textOf).filter((item) => item !== '');
}

export function attribute(node: XmlNode | undefined, name: string): string {
  const value = node?.[`@_${name}`];
  return typeof value === 'string' ? value : '';
}

/** The engine writes booleans as `1`/`0` or `True`/`False`. */
export function flag(value: string): boolean {
  const v = value.trim().toLowerCase();
  return v === '1' || v === 'true';
}
