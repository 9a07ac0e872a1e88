// The bench iteration written by hand with k6's http.request, as one would without the harness:
// status checks, the same state assertions, one JSON.parse per response. Paths come from the
// generated spec module (not copied by hand). Used by handwritten.k6.ts and interleaved.k6.ts.
import { check, fail } from 'k6';
import http from 'k6/http';
import { OPERATIONS } from 'harness-generated:sovera';
import { base64 } from '../../lib/http.ts';
import { BENCH_VUS } from './common.ts';

const BASE = (__ENV.BASE_URL || 'http://127.0.0.1:4020/cards/v2').replace(/\/+$/, '');
const AUTH = `Basic ${base64(`${__ENV.API_KEY || 'local-harness-key'}:`)}`;
const JSON_HEADERS = { accept: 'application/json', 'content-type': 'application/json', authorization: AUTH };
const GET_HEADERS = { accept: 'application/json', authorization: AUTH };

function url(operationId: string, id?: string): string {
  return BASE + OPERATIONS[operationId].path.replace(/\{[^}]+\}/, encodeURIComponent(id ?? ''));
}

function post(operationId: string, body: unknown): any {
  return http.request('POST', url(operationId), JSON.stringify(body), { headers: JSON_HEADERS, tags: { operation: operationId } });
}

function get(operationId: string, id: string): any {
  return http.request('GET', url(operationId, id), null, { headers: GET_HEADERS, tags: { operation: operationId } });
}

export interface Member { userId: string; walletId: string; cardId: string }

export function handwrittenSetup(): { pool: Member[] } {
  const pool: Member[] = [];
  for (let i = 0; i < BENCH_VUS; i++) {
    const user = JSON.parse(post('createNaturalUser', { firstName: 'Bench', lastName: `User${i}`, email: `bench+${i}@example.com`, currency: 'USD' }).body).data;
    post('createPayIn', { walletId: user.mainWalletId, amount: 100000 });
    const card = JSON.parse(post('createDebitCard', { userId: user.id, walletId: user.mainWalletId, clientCode: 'HARNESS-DEBIT-01', physicalCard: false }).body).data;
    pool.push({ userId: user.id, walletId: user.mainWalletId, cardId: card.id });
  }
  return { pool };
}

export function handwrittenIteration(m: Member): void {
  let res = post('blockCard', { cardId: m.cardId });
  if (!check(res, { 'blockCard answers 201': (r) => r.status === 201 }) || JSON.parse(res.body).data.isActive !== false) fail('block');
  res = get('getCard', m.cardId);
  if (!check(res, { 'getCard answers 200': (r) => r.status === 200 }) || JSON.parse(res.body).data.isActive !== false) fail('blocked');
  res = post('unblockCard', { cardId: m.cardId });
  if (!check(res, { 'unblockCard answers 201': (r) => r.status === 201 }) || JSON.parse(res.body).data.isActive !== true) fail('unblock');
  res = get('getCard', m.cardId);
  if (!check(res, { 'getCard answers 200': (r) => r.status === 200 }) || JSON.parse(res.body).data.isActive !== true) fail('active');
  res = get('getWallet', m.walletId);
  const wallet = JSON.parse(res.body).data[0];
  if (!check(res, { 'getWallet answers 200': (r) => r.status === 200 }) || !Number.isInteger(wallet.balance) || !Number.isInteger(wallet.amountWithheld)) fail('wallet');
  res = post('listWalletsByUser', { userId: m.userId });
  const wallets = JSON.parse(res.body).data as { id: string; amountAvailable: number; amountWithheld: number }[];
  if (!check(res, { 'listWalletsByUser answers 200': (r) => r.status === 200 })
    || !wallets.every((w) => Number.isInteger(w.amountAvailable) && Number.isInteger(w.amountWithheld))
    || !wallets.some((w) => w.id === m.walletId)) fail('list');
}
