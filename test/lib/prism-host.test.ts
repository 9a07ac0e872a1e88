// The Prism host's command line (lib/prism-host.ts): what the run plan writes, the host reads back;
// a malformed one is refused with what was expected. (That its servers validate as Prism's CLI
// does is shown by the twin's proxy tests and the contract suite on the mock, which run on it.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePrismServers, prismServerArgs, type PrismServer } from '../../lib/prism-host.ts';

test('prism-host: the arguments of mocks and proxies read back as the same servers, in order', () => {
  const servers: PrismServer[] = [
    { kind: 'mock', specFile: 'spec/core-api.yaml', port: 41001 },
    { kind: 'proxy', specFile: 'spec/sovera-cards-v2.yaml', upstreamUrl: 'http://127.0.0.1:41003/cards/v2', port: 41002 },
    { kind: 'mock', specFile: 'spec/api-layer.yaml', port: 41004 },
  ];
  const args = prismServerArgs(servers);
  assert.deepEqual(args, ['mock', 'spec/core-api.yaml', '41001', 'proxy', 'spec/sovera-cards-v2.yaml', 'http://127.0.0.1:41003/cards/v2', '41002', 'mock', 'spec/api-layer.yaml', '41004']);
  assert.deepEqual(parsePrismServers(args).map(({ kind, specFile, port, upstreamUrl }) => ({ kind, specFile, port, ...(upstreamUrl ? { upstreamUrl } : {}) })), servers);
});

test('prism-host: an unknown kind, a missing port or upstream, or no server at all is refused, saying what was expected', () => {
  assert.throws(() => parsePrismServers(['serve', 'spec/core-api.yaml', '41001']), /expected "mock" or "proxy" at argument 1, got "serve"/);
  assert.throws(() => parsePrismServers(['mock', 'spec/core-api.yaml']), /mock needs <spec> <port> \(argument 1\)/);
  assert.throws(() => parsePrismServers(['mock', 'spec/core-api.yaml', '41001', 'proxy', 'spec/core-api.yaml', '41002']), /proxy needs <spec> <upstream URL> <port> \(argument 4\)/);
  assert.throws(() => parsePrismServers([]), /no server given/);
});
