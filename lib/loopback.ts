// The one test of "is this host loopback": the twins bind only there, deliver webhooks only
// there, and credentials go over plain HTTP only there. Pure (no Node imports): k6 bundles it too.

/** 127.0.0.0/8, ::1 or localhost; brackets of an IPv6 literal and case are ignored. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}$/.test(host);
}
