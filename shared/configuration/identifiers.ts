/** GUIDs arrive as `{AE4DB4CC-...}` or `ae4db4cc-...`; the model keeps them lower-case without braces. */
export function normalizeGuid(value: string): string {
  return value.trim().replace(/^\{/, '').replace(/\}$/, '').toLowerCase();
}

const emptyGuid = '00000000-0000-0000-0000-000000000000';

export function isEmptyGuid(value: string): boolean {
  return normalizeGuid(value) === emptyGuid;
}

/** Case-insensitive key for names and DNs, which the directory compares without case. */
export function caseKey(value: string): string {
  return value.toLowerCase();
}
