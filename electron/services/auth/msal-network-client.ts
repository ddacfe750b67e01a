import { AuthError, ServerError, type INetworkModule, type NetworkRequestOptions, type NetworkResponse } from '@azure/msal-node';
import { fetch, type Agent } from 'undici';
import { networkErrorText } from '../../clients/https/https-agent';

/** MSAL's HTTP transport over the app's own agent, so a lab CA is trusted here and nowhere else. */
export function createMsalNetworkClient(agent: Agent): INetworkModule {
  async function send<T>(url: string, method: 'GET' | 'POST', options?: NetworkRequestOptions, timeoutMs?: number) {
    const signal = timeoutMs ? AbortSignal.timeout(timeoutMs) : undefined;
    let response;
    try {
      response = await fetch(url, {
        method,
        headers: options?.headers ?? {},
        body: method === 'POST' ? (options?.body ?? '') : undefined,
        dispatcher: agent,
        signal,
      });
    } catch (error) {
      // An AuthError passes through MSAL unchanged, so the socket error code reaches the error mapping.
      throw new AuthError('network_error', '', `Network request to ${new URL(url).host} failed: ${networkErrorText(error)}`);
    }
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => {
      headers[key] = value;
    });
    const text = await response.text();
    // MSAL reads error bodies too (e.g. AADSTS codes); a non-JSON body becomes an empty object.
    const json = text.length > 0 ? safeJson(text) : {};
    if (!response.ok && isDeviceCodeEndpoint(url)) throw deviceCodeEndpointError(json, response.status);
    return { headers, body: json as T, status: response.status } satisfies NetworkResponse<T>;
  }
  return {
    sendGetRequestAsync: (url, options, timeout) => send(url, 'GET', options, timeout),
    sendPostRequestAsync: (url, options) => send(url, 'POST', options),
  };
}

function isDeviceCodeEndpoint(url: string): boolean {
  return new URL(url).pathname.endsWith('/devicecode');
}

/**
 * MSAL reads the device-code endpoint's answer without checking for an error (it would hand
 * `undefined` codes to the page), so its OAuth error (e.g. AADSTS700016) is raised here.
 */
function deviceCodeEndpointError(json: unknown, status: number): ServerError {
  const body = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
  const error = typeof body.error === 'string' ? body.error : 'device_code_request_failed';
  const description = typeof body.error_description === 'string' ? body.error_description : `HTTP ${status}`;
  const subError = typeof body.suberror === 'string' ? body.suberror : '';
  return new ServerError(error, '', description, subError);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}
