// One login of a bearer-login API (Core): email and password for a token, refused in one clear
// line that never holds the password. Used once per Playwright worker and by the pre-flight.
import { apiProfile } from './apis.ts';
import { createClient, reveal, type CallAuth } from './client.ts';
import { requestTimeoutMs, type Credentials, type TargetEndpoint } from './config.ts';
import { redactText, registerSecret } from './redact.ts';

/** Logs in once with email and password; throws one clear line (never the password) when refused. */
export async function loginFor(endpoint: TargetEndpoint, credentials: Extract<Credentials, { scheme: 'bearer-login' }>): Promise<string> {
  const client = createClient<Record<string, never>>({ endpoint, timeoutMs: requestTimeoutMs() });
  const res = await client.call('login' as never, { body: { email: credentials.email, password: credentials.password } }, { auth: 'none' });
  // The body is masked (token is a secret field); reveal() has the raw one.
  const token = res.status === 200 ? (reveal(res) as { token?: unknown } | undefined)?.token : undefined;
  if (typeof token !== 'string' || !token) {
    const api = apiProfile(endpoint.api);
    const hint = endpoint.target === 'sandbox'
      ? `check ${api.env.email} and ${api.env.password} in .env`
      : 'the local twin did not accept the harness account';
    throw new Error(redactText(`login for ${endpoint.api}@${endpoint.target} answered ${res.status}${res.traceId ? ` (${res.traceSource} ${res.traceId})` : ''}: ${hint}.`));
  }
  registerSecret(token);
  return token;
}


/**
 * The default credentials of a run's clients, per the API's scheme: the API key itself, the keys
 * by access level, or one login's token. `requests` counts what opening the session cost.
 */
export async function openSession(endpoint: TargetEndpoint, credentials: Credentials): Promise<{ auth: CallAuth; requests: number }> {
  switch (credentials.scheme) {
    case 'basic-key': return { auth: { apiKey: credentials.apiKey }, requests: 0 };
    case 'level-keys': return { auth: { levelKeys: credentials.keys }, requests: 0 };
    case 'bearer-login': return { auth: { token: await loginFor(endpoint, credentials) }, requests: 1 };
  }
}

/** Every secret value of a set of credentials, for the redaction of text. */
export function secretsOf(credentials: Credentials): string[] {
  switch (credentials.scheme) {
    case 'basic-key': return [credentials.apiKey];
    case 'level-keys': return Object.values(credentials.keys).filter((k): k is string => Boolean(k));
    case 'bearer-login': return [credentials.password];
  }
}
