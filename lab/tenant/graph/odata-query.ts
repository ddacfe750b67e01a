import { graphErrors, type GraphError } from './graph-errors';

/** An object as the query sees it: every property the lab knows, in Graph's names. */
export type Entity = Record<string, unknown>;
type Predicate = (entity: Entity) => boolean;

export interface EntityQuery {
  filter: Predicate[];
  search: Predicate | null;
  select: string[] | null;
  orderBy: { property: string; descending: boolean } | null;
  top: number;
  count: boolean;
  offset: number;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: GraphError };

/** What `$filter`, `$search`, `$select` and `$orderby` accept for one entity set (users, groups). */
export interface EntitySpec {
  resource: 'User' | 'Group';
  /** `eq` works as a normal query; `ne`/`not` are advanced queries (aad-advanced-queries). */
  filterable: readonly string[];
  searchable: readonly string[];
  orderable: readonly string[];
  /** What `$select` may name (a property missing here is a 400). */
  selectable: readonly string[];
  /** What is returned without `$select`. */
  defaultProperties: readonly string[];
}

const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 999;

function lookupProperty(name: string, known: readonly string[]): string | undefined {
  return known.find((property) => property.toLowerCase() === name.toLowerCase());
}

const unsupportedFilter = (property: string, resource: string) =>
  graphErrors.unsupportedQuery(`Unsupported or invalid query filter clause specified for property '${property}' of resource '${resource}'.`);

function literal(text: string): { ok: true; value: unknown } | { ok: false } {
  const trimmed = text.trim();
  if (trimmed === 'true') return { ok: true, value: true };
  if (trimmed === 'false') return { ok: true, value: false };
  if (trimmed === 'null') return { ok: true, value: null };
  if (/^'(?:[^']|'')*'$/.test(trimmed)) return { ok: true, value: trimmed.slice(1, -1).replace(/''/g, "'") };
  if (/^-?\d+$/.test(trimmed)) return { ok: true, value: Number(trimmed) };
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(trimmed)) return { ok: true, value: trimmed };
  return { ok: false };
}

function equalsIgnoringCase(left: unknown, right: unknown): boolean {
  if (typeof left === 'string' && typeof right === 'string') return left.toLowerCase() === right.toLowerCase();
  return left === right;
}

interface ClauseContext {
  /** `ConsistencyLevel: eventual` and `$count=true`: an advanced query. */
  advanced: boolean;
  consistencyEventual: boolean;
  spec: EntitySpec;
}

/**
 * One `$filter` clause. `ne`, `not` and `$count` are advanced queries (ConsistencyLevel: eventual +
 * $count=true); `assignedLicenses/any(...)` works without. `hasMembersWithLicenseErrors eq true` works
 * only WITHOUT ConsistencyLevel (licensing-at-scale §1.4, I3).
 */
function parseClause(clause: string, context: ClauseContext): Parsed<Predicate> {
  const { spec, advanced } = context;
  const startsWith = /^startswith\(\s*([A-Za-z]+)\s*,\s*('(?:[^']|'')*')\s*\)$/i.exec(clause);
  if (startsWith !== null) {
    const property = lookupProperty(startsWith[1] ?? '', spec.filterable);
    const value = literal(startsWith[2] ?? '');
    if (property === undefined || !value.ok || typeof value.value !== 'string') return { ok: false, error: unsupportedFilter(startsWith[1] ?? '', spec.resource) };
    const prefix = value.value.toLowerCase();
    return { ok: true, value: (entity) => typeof entity[property] === 'string' && (entity[property] as string).toLowerCase().startsWith(prefix) };
  }
  const anySku = /^assignedLicenses\/any\(\s*(\w+)\s*:\s*\1\/skuId\s+eq\s+([0-9a-fA-F-]{36})\s*\)$/i.exec(clause);
  if (anySku !== null) {
    const skuId = (anySku[2] ?? '').toLowerCase();
    return {
      ok: true,
      value: (entity) =>
        Array.isArray(entity.assignedLicenses) &&
        entity.assignedLicenses.some((license: { skuId?: unknown }) => typeof license.skuId === 'string' && license.skuId.toLowerCase() === skuId),
    };
  }
  const licenseCount = /^assignedLicenses\/\$count\s+(eq|ne|gt|ge|lt|le)\s+(\d+)$/i.exec(clause);
  if (licenseCount !== null) {
    if (!advanced) return { ok: false, error: graphErrors.unsupportedQuery('Unsupported Query.') };
    const operator = (licenseCount[1] ?? '').toLowerCase();
    const wanted = Number(licenseCount[2]);
    const compare: Record<string, (count: number) => boolean> = {
      eq: (count) => count === wanted, ne: (count) => count !== wanted, gt: (count) => count > wanted,
      ge: (count) => count >= wanted, lt: (count) => count < wanted, le: (count) => count <= wanted,
    };
    const test = compare[operator] ?? (() => false);
    return { ok: true, value: (entity) => test(Array.isArray(entity.assignedLicenses) ? entity.assignedLicenses.length : 0) };
  }
  const memberErrors = /^hasMembersWithLicenseErrors\s+eq\s+(true|false)$/i.exec(clause);
  if (memberErrors !== null && spec.resource === 'Group') {
    if (context.consistencyEventual) return { ok: false, error: unsupportedFilter('hasMembersWithLicenseErrors', 'Group') };
    const wanted = (memberErrors[1] ?? '').toLowerCase() === 'true';
    return { ok: true, value: (entity) => entity.hasMembersWithLicenseErrors === wanted };
  }
  const comparison = /^([A-Za-z]+)\s+(eq|ne)\s+(.+)$/i.exec(clause);
  if (comparison !== null) {
    const property = lookupProperty(comparison[1] ?? '', spec.filterable);
    const value = literal(comparison[3] ?? '');
    if (property === undefined || !value.ok) return { ok: false, error: unsupportedFilter(comparison[1] ?? '', spec.resource) };
    const negate = (comparison[2] ?? '').toLowerCase() === 'ne';
    if (negate && !advanced) return { ok: false, error: graphErrors.unsupportedQuery('Unsupported Query.') };
    return { ok: true, value: (entity) => equalsIgnoringCase(entity[property] ?? null, value.value) !== negate };
  }
  return { ok: false, error: graphErrors.badRequest(`Invalid filter clause: ${clause}`) };
}

function parseFilter(filter: string, context: ClauseContext): Parsed<Predicate[]> {
  const predicates: Predicate[] = [];
  for (const clause of filter.split(/\s+and\s+/i)) {
    const parsed = parseClause(clause.trim().replace(/^\((.*)\)$/, '$1').trim(), context);
    if (!parsed.ok) return parsed;
    predicates.push(parsed.value);
  }
  return { ok: true, value: predicates };
}

const words = (text: string) => text.toLowerCase().split(/[\s@._-]+/).filter((word) => word.length > 0);

/** `$search="displayName:ali" OR "mail:ali"`: Graph matches the start of any word (tokenized). */
function parseSearch(search: string, spec: EntitySpec): Parsed<Predicate> {
  const terms = search.split(/\s+(OR|AND)\s+/);
  const predicates: { joiner: string; test: Predicate }[] = [];
  let joiner = 'OR';
  for (const term of terms) {
    if (term === 'OR' || term === 'AND') {
      joiner = term;
      continue;
    }
    const match = /^"([A-Za-z]+):([^"]*)"$/.exec(term.trim());
    const property = match === null ? undefined : lookupProperty(match[1] ?? '', spec.searchable);
    if (match === null || property === undefined) {
      return { ok: false, error: graphErrors.badRequest(`Syntax error: character '${term.trim().slice(0, 1)}' is not valid at position 0 in '${term.trim()}'.`) };
    }
    const needles = words(match[2] ?? '');
    predicates.push({
      joiner,
      test: (entity) => {
        const value = entity[property];
        if (typeof value !== 'string') return false;
        const haystack = words(value);
        return needles.every((needle) => haystack.some((word) => word.startsWith(needle)));
      },
    });
  }
  return {
    ok: true,
    value: (entity) =>
      predicates.reduce<boolean | null>(
        (result, { joiner: how, test }) => (result === null ? test(entity) : how === 'AND' ? result && test(entity) : result || test(entity)),
        null,
      ) ?? true,
  };
}

export function parseSelect(select: string | null, knownProperties: readonly string[], resource: EntitySpec['resource'] = 'User'): Parsed<string[] | null> {
  if (select === null || select.trim() === '') return { ok: true, value: null };
  const properties: string[] = [];
  for (const name of select.split(',').map((part) => part.trim()).filter((part) => part.length > 0)) {
    const property = lookupProperty(name, knownProperties);
    if (property === undefined) return { ok: false, error: graphErrors.unknownProperty(name, resource) };
    if (!properties.includes(property)) properties.push(property);
  }
  return { ok: true, value: properties };
}

export function encodeSkipToken(offset: number): string {
  return Buffer.from(JSON.stringify({ labOffset: offset })).toString('base64url');
}

function decodeSkipToken(token: string): number | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (typeof value === 'object' && value !== null && 'labOffset' in value && Number.isInteger(value.labOffset) && (value.labOffset as number) >= 0) {
      return value.labOffset as number;
    }
  } catch {
    // fall through: an unreadable token is a bad request
  }
  return null;
}

/** Parses the OData query options of a collection GET (`/users`, `/groups`, a group's members...). */
export function parseEntityQuery(parameters: URLSearchParams, consistencyEventual: boolean, spec: EntitySpec): Parsed<EntityQuery> {
  const countParameter = parameters.get('$count');
  const count = countParameter?.toLowerCase() === 'true';
  if (count && !consistencyEventual) return { ok: false, error: graphErrors.countNeedsConsistency() };
  const advanced = consistencyEventual && count;

  const topParameter = parameters.get('$top');
  let top = DEFAULT_PAGE_SIZE;
  if (topParameter !== null) {
    if (!/^\d+$/.test(topParameter) || Number(topParameter) < 1 || Number(topParameter) > MAX_PAGE_SIZE) {
      return { ok: false, error: graphErrors.invalidPageSize(topParameter) };
    }
    top = Number(topParameter);
  }

  const filterParameter = parameters.get('$filter');
  const filter =
    filterParameter === null || filterParameter.trim() === ''
      ? { ok: true as const, value: [] }
      : parseFilter(filterParameter.trim(), { advanced, consistencyEventual, spec });
  if (!filter.ok) return filter;

  const searchParameter = parameters.get('$search');
  let search: Predicate | null = null;
  if (searchParameter !== null) {
    if (!consistencyEventual) return { ok: false, error: graphErrors.searchNeedsConsistency() };
    const parsedSearch = parseSearch(searchParameter.trim(), spec);
    if (!parsedSearch.ok) return parsedSearch;
    search = parsedSearch.value;
  }

  const select = parseSelect(parameters.get('$select'), spec.selectable, spec.resource);
  if (!select.ok) return select;

  const orderByParameter = parameters.get('$orderby');
  let orderBy: EntityQuery['orderBy'] = null;
  if (orderByParameter !== null) {
    const match = /^([A-Za-z]+)(?:\s+(asc|desc))?$/i.exec(orderByParameter.trim());
    const property = match === null ? undefined : lookupProperty(match[1] ?? '', spec.orderable);
    if (match === null || property === undefined) return { ok: false, error: graphErrors.unsupportedQuery('Unsupported Query.') };
    orderBy = { property, descending: (match[2] ?? '').toLowerCase() === 'desc' };
  }

  const skipToken = parameters.get('$skiptoken');
  const offset = skipToken === null ? 0 : decodeSkipToken(skipToken);
  if (offset === null) return { ok: false, error: graphErrors.badRequest('Invalid $skiptoken value.') };

  return { ok: true, value: { filter: filter.value, search, select: select.value, orderBy, top, count, offset } };
}

/**
 * Keeps only the requested properties (Graph always includes `id`); no $select means the entity set's
 * default set. `hidden` properties exist for `$filter` only and are never returned.
 */
export function projectEntity(properties: Entity, select: readonly string[] | null, defaults: readonly string[], hidden: readonly string[] = []): Entity {
  const wanted = (select ?? defaults).filter((name) => !hidden.includes(name));
  // Items of a directoryObject collection say what they are, selected or not.
  const projected: Entity = '@odata.type' in properties ? { '@odata.type': properties['@odata.type'] } : {};
  for (const name of wanted) projected[name] = properties[name] ?? null;
  if (!('id' in projected)) projected.id = properties.id;
  return projected;
}

export interface EntityPage {
  items: Entity[];
  total: number;
  nextOffset: number | null;
}

/** Filters, searches, orders and pages entities; each is built (with its license properties) only as the query needs it. */
export function runEntityQuery(entities: readonly Entity[], query: EntityQuery, spec: EntitySpec, hidden: readonly string[] = []): EntityPage {
  let matching = entities.filter((entity) => query.filter.every((predicate) => predicate(entity)));
  if (query.search !== null) matching = matching.filter(query.search);
  if (query.orderBy !== null) {
    const { property, descending } = query.orderBy;
    matching = [...matching].sort((left, right) => {
      const order = String(left[property] ?? '').localeCompare(String(right[property] ?? ''), 'en', { sensitivity: 'base' });
      return descending ? -order : order;
    });
  }
  const page = matching.slice(query.offset, query.offset + query.top);
  const nextOffset = query.offset + query.top < matching.length ? query.offset + query.top : null;
  return { items: page.map((entity) => projectEntity(entity, query.select, spec.defaultProperties, hidden)), total: matching.length, nextOffset };
}
