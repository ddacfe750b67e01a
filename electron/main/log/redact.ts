/*
 * The one place a log line is cleaned before it is written: bearer tokens, JWTs, passwords and client
 * secrets (as JSON, form or `name: value` pairs, and ADSync's XML parameters), partition cookies and other
 * long base64 blobs, and any secret the caller names (the lab password).
 */

const secretNames = '(?:password|passwd|pwd|client_secret|clientsecret|secret|access_token|refresh_token|id_token|assertion|cookie|partitioncookie)';

const rules: ReadonlyArray<readonly [RegExp, string]> = [
  // Authorization: Bearer <token>
  [/\bBearer\s+[A-Za-z0-9\-._~+/]+=*/gi, 'Bearer [redacted]'],
  [/\bBasic\s+[A-Za-z0-9+/]{8,}=*/g, 'Basic [redacted]'],
  // A JWT anywhere: three base64url parts, the first one a JSON header.
  [/\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g, '[redacted token]'],
  // "password": "…" (JSON, also with escaped quotes inside a JSON string)
  [new RegExp(`(\\\\?"${secretNames}\\\\?"\\s*:\\s*\\\\?")(?:[^"\\\\]|\\\\(?!"))*`, 'gi'), '$1[redacted]'],
  // password=… (form bodies, URLs, command lines)
  [new RegExp(`(\\b${secretNames}=)[^&\\s"']+`, 'gi'), '$1[redacted]'],
  // Password: … (headers, PowerShell's property lists)
  [new RegExp(`(\\b${secretNames}\\s*:\\s+)[^\\s,;]+`, 'gi'), '$1[redacted]'],
  // ADSync connector parameters: <parameter name="password" …>value</parameter>, and cookie elements.
  [new RegExp(`(<parameter\\b[^>]*\\bname="[^"]*${secretNames}[^"]*"[^>]*>)[^<]*`, 'gi'), '$1[redacted]'],
  [/(<(?:cookie|partition-cookie)\b[^>]*>)[^<]*/gi, '$1[redacted]'],
  // Long base64 (partition cookies, certificates, encoded envelopes): nothing a reader of the log needs.
  [/(?=[A-Za-z0-9+/]{0,63}\d)[A-Za-z0-9+/]{64,}={0,2}/g, '[redacted blob]'],
];

export function redact(line: string, secrets: readonly string[] = []): string {
  let result = line;
  for (const secret of secrets) if (secret.length >= 4) result = result.split(secret).join('[redacted]');
  for (const [pattern, replacement] of rules) result = result.replace(pattern, replacement);
  return result;
}
