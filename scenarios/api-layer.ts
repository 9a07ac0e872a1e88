// API Layer user journeys (spec/api-layer.yaml, docs 003), shared by the contract suite and the
// k6 load scripts: generator flows as in scenarios/sovera.ts, driven by runFlow (Node, async) or
// runFlowSync (k6). Pure: no Node built-ins, no k6 imports.
//
//   provisionVirtualCard(card, funds)   createVirtualCard (TOP_UP), overrideVirtualBalance → VirtualCardMember
//   layerHotPath(member, checks)        the hot path: getVirtualCard, updateVirtualCardLimits,
//                                       overrideVirtualBalance (the amount replaces the balance),
//                                       freezeVirtualCard frozen then unfrozen, with their checks
//
// Credentials: the executor adds the key header (X-API-Key); the hot path needs Admin (freeze is
// Level 3), so a load run takes the Admin key. Checks that need a stateful server run only when
// `checks.stateful` is true; they guard assertions, never requests (load/lib/flow-costs.ts).
import type { Flow } from './flow.ts';

export interface LayerFlowChecks { stateful: boolean }
export interface VirtualCardInput { currency: string; approvalMethod: 'TOP_UP' | 'AUTHORIZATION'; email?: string; phone?: string }
/** A pooled card: TOP_UP (so its balance can be overridden), funded. */
export interface VirtualCardMember { cardId: string; balance: number }

/** Limits the hot path sets, alternating so each update changes something. */
export const HOT_PATH_LIMITS = [{ daily: 500, monthly: 2000 }, { daily: 750, monthly: 3000 }] as const;

export function* provisionVirtualCard(card: VirtualCardInput, funds: number): Flow<VirtualCardMember> {
  const created = yield { operationId: 'createVirtualCard', input: { body: { ...card, approvalMethod: 'TOP_UP' } }, expect: 201 };
  const cardId: string = created.body.cardId;
  const funded = yield { operationId: 'overrideVirtualBalance', input: { path: { cardId }, body: { amount: funds } }, expect: 200 };
  return { cardId, balance: funded.body.balance };
}

/** One hot-path iteration on the member's own card; `round` picks the limits and the override amount. */
export function* layerHotPath(member: VirtualCardMember, round: number, checks: LayerFlowChecks): Flow<void> {
  const path = { cardId: member.cardId };
  const card = yield { operationId: 'getVirtualCard', input: { path }, expect: 200 };
  if (checks.stateful) assertThat(card.body.status === 'ACTIVE', `getVirtualCard shows the pooled card ${card.body.status}, not ACTIVE`);
  const limits = HOT_PATH_LIMITS[round % HOT_PATH_LIMITS.length];
  const limited = yield { operationId: 'updateVirtualCardLimits', input: { path, body: limits }, expect: 200 };
  if (checks.stateful) assertThat(limited.body.limits?.daily === limits.daily, 'updateVirtualCardLimits answered other limits than it was sent');
  const amount = 100 + (round % 7) * 12.5; // x.5 steps: exact in binary floating point
  const overridden = yield { operationId: 'overrideVirtualBalance', input: { path, body: { amount } }, expect: 200 };
  if (checks.stateful) assertThat(overridden.body.balance === amount, 'overrideVirtualBalance: the balance is not the amount (it must replace, not add)');
  const frozen = yield { operationId: 'freezeVirtualCard', input: { path, body: { frozen: true } }, expect: 200 };
  if (checks.stateful) assertThat(frozen.body.status === 'FROZEN', 'freezeVirtualCard did not freeze the card');
  const unfrozen = yield { operationId: 'freezeVirtualCard', input: { path, body: { frozen: false } }, expect: 200 };
  if (checks.stateful) assertThat(unfrozen.body.status === 'ACTIVE', 'freezeVirtualCard did not unfreeze the card');
}

function assertThat(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}
