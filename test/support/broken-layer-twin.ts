// An API Layer twin that breaks the contract under load (a test fixture, started as its own
// process: the k6 stand-in blocks its own thread on each request): getVirtualCard answers a card
// status the spec does not know. Usage: node --import=#ts test/support/broken-layer-twin.ts PORT
import { startTwin } from '../../twin/main.ts';

const port = Number(process.argv[2]);
const twin = await startTwin({
  api: 'api-layer',
  port,
  variant: { rewrite: (operationId, status, body) => (operationId === 'getVirtualCard' && status === 200 ? { status, body: { ...(body as object), status: 'SUSPENDED' } } : undefined) },
});
console.log(`broken API Layer twin on ${twin.url}`);
process.on('SIGTERM', () => { void twin.close().then(() => process.exit(0)); });
