import { LAB_TENANT_CUSTOM_DOMAIN, LAB_TENANT_DOMAIN, LAB_TENANT_ID } from '../constants';

/** How a tenant path segment resolves: this tenant, or one of the multi-tenant aliases. */
export type TenantSegment = { kind: 'tenant' } | { kind: 'multiTenant'; alias: 'common' | 'organizations' };

export function resolveTenantSegment(segment: string): TenantSegment | null {
  const lower = segment.toLowerCase();
  if (lower === LAB_TENANT_ID || lower === LAB_TENANT_DOMAIN || lower === LAB_TENANT_CUSTOM_DOMAIN) return { kind: 'tenant' };
  if (lower === 'common' || lower === 'organizations') return { kind: 'multiTenant', alias: lower };
  return null;
}

export function issuerFor(baseUrl: string): string {
  return `${baseUrl}/${LAB_TENANT_ID}/v2.0`;
}

/**
 * The v2.0 OpenID configuration, shaped like Entra's. For a tenant the endpoints carry the tenant id;
 * for `common`/`organizations` they keep the alias and the issuer has Entra's `{tenantid}` placeholder.
 * The two endpoints a browser opens (authorize, sign-out) are on the plain-HTTP pages origin: MSAL
 * requires HTTPS of the authority it is configured with, not of the authorize URL it opens.
 */
export function openIdConfiguration(baseUrl: string, pagesBaseUrl: string, segment: TenantSegment): Record<string, unknown> {
  const tenantPath = segment.kind === 'tenant' ? LAB_TENANT_ID : segment.alias;
  const root = `${baseUrl}/${tenantPath}`;
  const pagesRoot = `${pagesBaseUrl}/${tenantPath}`;
  return {
    token_endpoint: `${root}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${root}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: segment.kind === 'tenant' ? issuerFor(baseUrl) : `${baseUrl}/{tenantid}/v2.0`,
    request_uri_parameter_supported: false,
    userinfo_endpoint: `${baseUrl}/oidc/userinfo`,
    authorization_endpoint: `${pagesRoot}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${root}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${pagesRoot}/oauth2/v2.0/logout`,
    claims_supported: [
      'sub', 'iss', 'cloud_instance_name', 'cloud_instance_host_name', 'cloud_graph_host_name', 'msgraph_host', 'aud',
      'exp', 'iat', 'auth_time', 'acr', 'nonce', 'preferred_username', 'name', 'tid', 'ver', 'at_hash', 'c_hash', 'email',
    ],
    kerberos_endpoint: `${root}/kerberos`,
    tenant_region_scope: 'EU',
    cloud_instance_name: 'lab.localhost',
    cloud_graph_host_name: new URL(baseUrl).host,
    msgraph_host: new URL(baseUrl).host,
    rbac_url: `${baseUrl}/rbac`,
  };
}

/** Entra's instance-discovery answer (`/common/discovery/instance`) naming this host as its own cloud. */
export function instanceDiscovery(baseUrl: string, authorizationEndpoint: string | null): Record<string, unknown> {
  const host = new URL(baseUrl).host;
  const tenantPath = authorizationEndpoint === null ? LAB_TENANT_ID : (new URL(authorizationEndpoint, baseUrl).pathname.split('/')[1] ?? LAB_TENANT_ID);
  return {
    tenant_discovery_endpoint: `${baseUrl}/${tenantPath}/v2.0/.well-known/openid-configuration`,
    'api-version': '1.1',
    metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
  };
}
