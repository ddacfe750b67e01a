import type { DirectoryUser } from './directory';
import { DEFAULT_USER_PROPERTIES } from './directory';
import { graphErrors, type GraphError } from './graph-errors';

type Predicate = (user: Record<string, unknown>) => boolean;

export interface UsersQuery {
  filter: Predicate[];
  search: Predicate | null;
  select: string[] | null;
  orderBy: { property: string; descending: boolean } | null;
  top: number;
  count: boolean;
  offset: number;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: GraphError };

const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 999;

function lookupProperty(name: string, known: readonly string[]): string | undefined {
  return known.find((property) => property.toLowerCase() === name.toLowerCase());
}

const unsupportedFilter = (property: string) =>
  graphErrors.unsupportedQuery(`Unsupported or invalid query filter clause specified for property '${property}' of resource 'User'.`);

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

const FILTERABLE = [
  'id', 'displayName', 'givenName', 'surname', 'userPrincipalName', 'mail', 'jobTitle', 'department', 'city', 'country',
  'usageLocation', 'accountEnabled', 'userType', 'onPremisesSyncEnabled', 'onPremisesImmutableId', 'onPremisesSamAccountName',
] as const;

/** One `$filter` clause. `ne` and `$count` are advanced queries: Graph wants ConsistencyLevel: eventual + $count=true. */
function parseClause(clause: string, advanced: boolean): Parsed<Predicate> {
  const startsWith = /^startswith\(\s*([A-Za-z]+)\s*,\s*('(?:[^']|'')*')\s*\)$/i.exec(clause);
  if (startsWith !== null) {
    const property = lookupProperty(startsWith[1] ?? '', FILTERABLE);
    const value = literal(startsWith[2] ?? '');
    if (property === undefined || !value.ok || typeof value.value !== 'string') return { ok: false, error: unsupportedFilter(startsWith[1] ?? '') };
    const prefix = value.value.toLowerCase();
    return { ok: true, value: (user) => typeof user[property] === 'string' && (user[property] as string).toLowerCase().startsWith(prefix) };
  }
  const anySku = /^assignedLicenses\/any\(\s*(\w+)\s*:\s*\1\/skuId\s+eq\s+([0-9a-fA-F-]{36})\s*\)$/i.exec(clause);
  if (anySku !== null) {
    const skuId = (anySku[2] ?? '').toLowerCase();
    return {
      ok: true,
      value: (user) =>
        Array.isArray(user.assignedLicenses) &&
        user.assignedLicenses.some((license: { skuId?: unknown }) => typeof license.skuId === 'string' && license.skuId.toLowerCase() === skuId),
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
    return { ok: true, value: (user) => test(Array.isArray(user.assignedLicenses) ? user.assignedLicenses.length : 0) };
  }
  const comparison = /^([A-Za-z]+)\s+(eq|ne)\s+(.+)$/i.exec(clause);
  if (comparison !== null) {
    const property = lookupProperty(comparison[1] ?? '', FILTERABLE);
    const value = literal(comparison[3] ?? '');
    if (property === undefined || !value.ok) return { ok: false, error: unsupportedFilter(comparison[1] ?? '') };
    const negate = (comparison[2] ?? '').toLowerCase() === 'ne';
    if (negate && !advanced) return { ok: false, error: graphErrors.unsupportedQuery('Unsupported Query.') };
    return { ok: true, value: (user) => equalsIgnoringCase(user[property] ?? null, value.value) !== negate };
  }
  return { ok: false, error: graphErrors.badRequest(`Invalid filter clause: ${clause}`) };
}

function parseFilter(filter: string, advanced: boolean): Parsed<Predicate[]> {
  const predicates: Predicate[] = [];
  for (const clause of filter.split(/\s+and\s+/i)) {
    const parsed = parseClause(clause.trim().replace(/^\((.*)\)$/, '$1').trim(), advanced);
    if (!parsed.ok) return parsed;
    predicates.push(parsed.value);
  }
  return { ok: true, value: predicates };
}

const SEARCHABLE = ['displayName', 'givenName', 'surname', 'userPrincipalName', 'mail', 'jobTitle', 'department'] as const;

const words = (text: string) => text.toLowerCase().split(/[\s@._-]+/).filter((word) => word.length > 0);

/** `$search="displayName:ali" OR "mail:ali"`: Graph matches the start of any word (tokenized). */
function parseSearch(search: string): Parsed<Predicate> {
  const terms = search.split(/\s+(OR|AND)\s+/);
  const predicates: { joiner: string; test: Predicate }[] = [];
  let joiner = 'OR';
  for (const term of terms) {
    if (term === 'OR' || term === 'AND') {
      joiner = term;
      continue;
    }
    const match = /^"([A-Za-z]+):([^"]*)"$/.exec(term.trim());
    const property = match === null ? undefined : lookupProperty(match[1] ?? '', SEARCHABLE);
    if (match === null || property === undefined) {
      return { ok: false, error: graphErrors.badRequest(`Syntax error: character '${term.trim().slice(0, 1)}' is not valid at position 0 in '${term.trim()}'.`) };
    }
    const needles = words(match[2] ?? '');
    predicates.push({
      joiner,
      test: (user) => {
        const value = user[property];
        if (typeof value !== 'string') return false;
        const haystack = words(value);
        return needles.every((needle) => haystack.some((word) => word.startsWith(needle)));
      },
    });
  }
  return {
    ok: true,
    value: (user) =>
      predicates.reduce<boolean | null>(
        (result, { joiner: how, test }) => (result === null ? test(user) : how === 'AND' ? result && test(user) : result || test(user)),
        null,
      ) ?? true,
  };
}

export function parseSelect(select: string | null, knownProperties: readonly string[]): Parsed<string[] | null> {
  if (select === null || select.trim() === '') return { ok: true, value: null };
  const properties: string[] = [];
  for (const name of select.split(',').map((part) => part.trim()).filter((part) => part.length > 0)) {
    const property = lookupProperty(name, knownProperties);
    if (property === undefined) return { ok: false, error: graphErrors.unknownProperty(name) };
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

/** Parses the OData query options of `GET /users`. */
export function parseUsersQuery(parameters: URLSearchParams, consistencyEventual: boolean, knownProperties: readonly string[]): Parsed<UsersQuery> {
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
  const filter = filterParameter === null || filterParameter.trim() === '' ? { ok: true as const, value: [] } : parseFilter(filterParameter.trim(), advanced);
  if (!filter.ok) return filter;

  const searchParameter = parameters.get('$search');
  let search: Predicate | null = null;
  if (searchParameter !== null) {
    if (!consistencyEventual) return { ok: false, error: graphErrors.searchNeedsConsistency() };
    const parsedSearch = parseSearch(searchParameter.trim());
    if (!parsedSearch.ok) return parsedSearch;
    search = parsedSearch.value;
  }

  const select = parseSelect(parameters.get('$select'), knownProperties);
  if (!select.ok) return select;

  const orderByParameter = parameters.get('$orderby');
  let orderBy: UsersQuery['orderBy'] = null;
  if (orderByParameter !== null) {
    const match = /^(displayName|userPrincipalName)(?:\s+(asc|desc))?$/i.exec(orderByParameter.trim());
    const property = match === null ? undefined : lookupProperty(match[1] ?? '', ['displayName', 'userPrincipalName']);
    if (match === null || property === undefined) return { ok: false, error: graphErrors.unsupportedQuery('Unsupported Query.') };
    orderBy = { property, descending: (match[2] ?? '').toLowerCase() === 'desc' };
  }

  const skipToken = parameters.get('$skiptoken');
  const offset = skipToken === null ? 0 : decodeSkipToken(skipToken);
  if (offset === null) return { ok: false, error: graphErrors.badRequest('Invalid $skiptoken value.') };

  return { ok: true, value: { filter: filter.value, search, select: select.value, orderBy, top, count, offset } };
}

/** Keeps only the requested properties (Graph always includes `id`); no $select means Graph's default set. */
export function projectUser(properties: Record<string, unknown>, select: string[] | null): Record<string, unknown> {
  const wanted: readonly string[] = select ?? DEFAULT_USER_PROPERTIES;
  const projected: Record<string, unknown> = {};
  for (const name of wanted) projected[name] = properties[name] ?? null;
  if (!('id' in projected)) projected.id = properties.id;
  return projected;
}

export interface UsersPage {
  users: Record<string, unknown>[];
  total: number;
  nextOffset: number | null;
}

export function runUsersQuery(users: readonly DirectoryUser[], query: UsersQuery): UsersPage {
  let matching = users.map((user) => user.properties).filter((user) => query.filter.every((predicate) => predicate(user)));
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
  return { users: page.map((user) => projectUser(user, query.select)), total: matching.length, nextOffset };
}
