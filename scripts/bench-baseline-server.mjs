// The ceiling of `npm run bench:twin -- --baseline`: a Node HTTP server that does no work, answering
// every request with the bytes the twin answered to getWallet (BENCH_BASELINE_BODY). Loopback only.
//   node scripts/bench-baseline-server.mjs PORT
import http from 'node:http';

const port = Number(process.argv[2]);
const body = process.env.BENCH_BASELINE_BODY ?? '{}';
const headers = { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) };
http.createServer((_req, res) => { res.writeHead(200, headers); res.end(body); }).listen(port, '127.0.0.1');
