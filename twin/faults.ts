// Fault injection for the harness's reliability tests. A fault comes from the `X-Twin-Fault`
// request header (one request) or from `--fault` + `--fault-rate` (a share of all requests).
// Pure parsing here; the server applies them.

/** Lower case; 12 characters, like content-type (the server's header scan relies on it). */
export const FAULT_HEADER = 'x-twin-fault';

/** Longest delay a `delay=MS` fault may ask for, so a typo cannot park a connection for hours. */
export const MAX_FAULT_DELAY_MS = 120_000;

/** How long a `timeout` fault holds the socket before closing it, so nothing leaks. */
export const TIMEOUT_FAULT_CLOSE_MS = 120_000;

export type Fault =
  /** Answer this status in the API's error format (code INJECTED_FAULT); the handler does not run. */
  | { kind: 'status'; status: number }
  /** Wait, then process the request normally. */
  | { kind: 'delay'; ms: number }
  /** Process normally, answer the normal status and content type with a truncated JSON body. */
  | { kind: 'malformed-json' }
  /** Process normally, answer the normal body labelled text/html. */
  | { kind: 'content-type' }
  /** Destroy the socket without answering; the handler does not run. */
  | { kind: 'reset' }
  /** Never answer; the socket is closed after TIMEOUT_FAULT_CLOSE_MS. The handler does not run. */
  | { kind: 'timeout' };

export type FaultKind = Fault['kind'];

export const FAULT_SYNTAX = 'status=NNN (400-599), delay=MS (0-120000), malformed-json, content-type, reset, timeout';

export type FaultParse = { ok: true; fault: Fault } | { ok: false; error: string };

/** Parses one fault value, e.g. `status=503`, `delay=250`, `reset`. Case-insensitive, surrounding spaces ignored. */
export function parseFault(raw: string): FaultParse {
  const value = raw.trim().toLowerCase();
  const eq = value.indexOf('=');
  const name = eq < 0 ? value : value.slice(0, eq).trim();
  const arg = eq < 0 ? undefined : value.slice(eq + 1).trim();
  switch (name) {
    case 'status': {
      const status = integer(arg);
      if (status === undefined || status < 400 || status > 599) {
        return { ok: false, error: `fault "status" needs an HTTP error status 400-599, e.g. status=503 (got "${clip(raw)}")` };
      }
      return { ok: true, fault: { kind: 'status', status } };
    }
    case 'delay': {
      const ms = integer(arg);
      if (ms === undefined || ms < 0 || ms > MAX_FAULT_DELAY_MS) {
        return { ok: false, error: `fault "delay" needs milliseconds 0-${MAX_FAULT_DELAY_MS}, e.g. delay=250 (got "${clip(raw)}")` };
      }
      return { ok: true, fault: { kind: 'delay', ms } };
    }
    case 'malformed-json':
    case 'content-type':
    case 'reset':
    case 'timeout':
      if (arg !== undefined) return { ok: false, error: `fault "${name}" takes no value (got "${clip(raw)}")` };
      return { ok: true, fault: { kind: name } };
    default:
      return { ok: false, error: `unknown fault "${clip(raw)}"; expected one of: ${FAULT_SYNTAX}` };
  }
}

/** Parses a fault share for `--fault-rate`: a number from 0 to 1. */
export function parseFaultRate(raw: string): number | undefined {
  if (!/^\s*(?:\d+(?:\.\d*)?|\.\d+)\s*$/.test(raw)) return undefined;
  const rate = Number(raw);
  return rate >= 0 && rate <= 1 ? rate : undefined;
}

/** Truncates a JSON text so that it no longer parses (used by the malformed-json fault). */
export function truncateJson(text: string): string {
  // Half the text, at least one character shorter than the whole: `{"a":1}` → `{"a`. A JSON object
  // or array cut anywhere before its last character is never valid JSON.
  return text.slice(0, Math.max(1, Math.min(text.length - 1, Math.floor(text.length / 2))));
}

function integer(arg: string | undefined): number | undefined {
  return arg !== undefined && /^\d{1,9}$/.test(arg) ? Number(arg) : undefined;
}

/** Header values are user input: keep error messages short and printable. */
function clip(raw: string): string {
  return raw.replace(/[^\x20-\x7e]/g, '?').slice(0, 40);
}
