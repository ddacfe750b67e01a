import { CONSENTED_GRAPH_SCOPES, GRAPH_APP_ID, GRAPH_RESOURCE, LAB_CLIENT_ID, OIDC_SCOPES } from '../constants';
import { entraErrors, type EntraError } from './entra-errors';

export interface GrantedScopes {
  /** Graph permission names as they appear in the access token's `scp` claim. */
  graphScopes: string[];
  /** The `scope` value of the token response: the granted scopes in the form they were requested. */
  responseScope: string;
  offlineAccess: boolean;
  openId: boolean;
}

export type ScopeResolution = { ok: true; granted: GrantedScopes } | { ok: false; error: EntraError };

const GRAPH_PREFIXES = [`${GRAPH_RESOURCE}/`, `${GRAPH_APP_ID}/`, 'https://graph.microsoft.com//'];

function graphPermissionOf(scope: string, graphAliases: readonly string[]): string | null {
  const lower = scope.toLowerCase();
  const prefixes = [...GRAPH_PREFIXES, ...graphAliases.map((alias) => `${alias.replace(/\/+$/, '')}/`)];
  for (const prefix of prefixes) {
    if (lower.startsWith(prefix.toLowerCase())) return scope.slice(prefix.length);
  }
  return scope.includes('/') ? null : scope;
}

function findConsented(permission: string): string | undefined {
  return CONSENTED_GRAPH_SCOPES.find((consented) => consented.toLowerCase() === permission.toLowerCase());
}

/**
 * Resolves a requested `scope` parameter the way Entra does for a public client whose Graph
 * permissions have admin consent: `.default` means every consented permission; a permission
 * without consent is refused (AADSTS65001); an unknown resource is refused (AADSTS500011).
 * Graph is named by `https://graph.microsoft.com`, its app id, a bare permission name, or one of
 * `graphAliases` (the lab's own origin, where the lab serves Graph, like a national cloud's Graph host).
 */
export function resolveScopes(scopeParameter: string | null, clientId = LAB_CLIENT_ID, graphAliases: readonly string[] = []): ScopeResolution {
  const requested = (scopeParameter ?? '').split(' ').filter((scope) => scope.length > 0);
  if (requested.length === 0) return { ok: false, error: entraErrors.missingParameter('scope') };
  const graphScopes: string[] = [];
  const responseScopes: string[] = [];
  let offlineAccess = false;
  let openId = false;
  for (const scope of requested) {
    const oidc = OIDC_SCOPES.find((name) => name === scope.toLowerCase());
    if (oidc !== undefined) {
      if (oidc === 'offline_access') offlineAccess = true;
      else {
        if (oidc === 'openid') openId = true;
        responseScopes.push(oidc);
      }
      continue;
    }
    const permission = graphPermissionOf(scope, graphAliases);
    if (permission === null) return { ok: false, error: entraErrors.resourceNotFound(scope.slice(0, scope.lastIndexOf('/'))) };
    if (permission === '.default') {
      for (const consented of CONSENTED_GRAPH_SCOPES) {
        if (!graphScopes.includes(consented)) graphScopes.push(consented);
      }
      responseScopes.push(...CONSENTED_GRAPH_SCOPES.map((consented) => `${scope.slice(0, -'.default'.length)}${consented}`));
      continue;
    }
    if (!/^[A-Za-z][A-Za-z0-9.]*$/.test(permission)) return { ok: false, error: entraErrors.invalidScope(scope) };
    const consented = findConsented(permission);
    if (consented === undefined) return { ok: false, error: entraErrors.consentRequired(clientId, scope) };
    if (!graphScopes.includes(consented)) graphScopes.push(consented);
    responseScopes.push(scope);
  }
  return {
    ok: true,
    granted: { graphScopes, responseScope: [...new Set(responseScopes)].join(' '), offlineAccess, openId },
  };
}
