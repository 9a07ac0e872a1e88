// The verdict on the notifications a trigger caused, in the same two kinds as a response's: a
// broken documented rule (the X-Webhook-Key, the API Layer's common part) is a contract failure
// on every target; a broken inferred one (Sovera's payload, the delivery time) fails where the
// inferences are the point (twin, mock, STRICT=1) and is otherwise recorded as an unconfirmed
// assumption while the test goes on. Messages never hold a key or a card secret.
import { test } from '@playwright/test';
import { apiProfile } from './apis.ts';
import { webhookWithinMs } from './config.ts';
import { WEBHOOK_PATH_PREFIX } from './calibration.ts';
import type { TargetEndpoint } from './config.ts';
import type { Finding } from './contract.ts';
import { ASSUMPTION_ANNOTATION, ASSUMPTION_ATTACHMENT, CONTRACT_FAILURE } from './matcher.ts';
import type { Basis } from './provenance.ts';
import { redactText } from './redact.ts';
import type { AssumptionRecord } from './verdict.ts';
import { checkDeliveries, describeWebhookProblems, type Delivery, type WebhookReceiver } from './webhook-receiver.ts';

/** A duplicate usually follows its first delivery within milliseconds: wait this long past the expected count. */
export const DUPLICATE_GRACE_MS = 300;

export interface NotificationCheck {
  endpoint: TargetEndpoint;
  /** operationId of the spec's webhook. */
  webhook: string;
  key?: string;
  /** Which deliveries belong to the trigger (e.g. data.cardId is the test's card). */
  match: (body: Record<string, any>) => boolean;
  expected: number;
  /** What says these notifications are sent (a rule of the spec, e.g. simulateTransaction#notified). */
  because: { text: string; basis: Basis };
  sinceMs: number;
}

/** Waits for the trigger's notifications and fails the test (or records assumptions) on what is wrong; the deliveries. */
export async function expectNotifications(receiver: WebhookReceiver, check: NotificationCheck): Promise<Delivery[]> {
  const withinMs = webhookWithinMs();
  const belongs = (d: Delivery) => typeof d.body === 'object' && d.body !== null && check.match(d.body as Record<string, any>);
  await receiver.waitFor(belongs, check.expected, withinMs);
  await new Promise((resolve) => setTimeout(resolve, DUPLICATE_GRACE_MS));
  const deliveries = receiver.deliveries.filter(belongs);
  const findings = checkDeliveries(deliveries, {
    apiId: check.endpoint.api, webhook: check.webhook, key: check.key, expected: check.expected,
    expectedBasis: check.because.basis, sinceMs: check.sinceMs, withinMs,
  });
  const failing = findings.filter((f) => f.basis.provenance === 'documented' || f.kind === 'secret' || check.endpoint.strict);
  for (const finding of findings.filter((f) => !failing.includes(f))) await recordWebhookAssumption(check, finding);
  if (failing.length) throw new Error(formatWebhookFailure(check, failing, deliveries));
  return deliveries;
}

export function formatWebhookFailure(check: NotificationCheck, failing: Finding[], deliveries: Delivery[]): string {
  const { endpoint, webhook } = check;
  const documented = failing.some((f) => f.basis.provenance === 'documented' || f.kind === 'secret');
  const spec = apiProfile(endpoint.api).specFile;
  return redactText([
    documented
      ? `${CONTRACT_FAILURE}: webhook ${webhook} from ${endpoint.api}@${endpoint.target} breaks a documented rule`
      : `Unconfirmed assumption: webhook ${webhook} from ${endpoint.api}@${endpoint.target} breaks only inferred rules (enforced on the ${endpoint.target === 'sandbox' ? 'sandbox by STRICT=1' : `${endpoint.target}, built from the spec's inferences`})`,
    `  because: ${check.because.text} [${check.because.basis.provenance}: ${check.because.basis.source}]`,
    `  ${deliveries.length} deliver${deliveries.length === 1 ? 'y' : 'ies'} matched the trigger`,
    ...describeWebhookProblems(failing, deliveries).map((line) => `  ${line}`),
    documented
      ? `  Next: the provider's docs state this; send the provider the notification id(s) above. If the docs changed, change ${spec} (webhooks › ${webhook}) first.`
      : `  Next: if the provider is right, change ${spec} (webhooks › ${webhook}); if the twin is wrong, fix twin/.`,
  ].join('\n'));
}

async function recordWebhookAssumption(check: NotificationCheck, finding: Finding): Promise<void> {
  const info = test.info();
  const record: AssumptionRecord = {
    api: check.endpoint.api, target: check.endpoint.target, operationId: check.webhook, method: 'POST', path: `${WEBHOOK_PATH_PREFIX}${check.webhook}`,
    kind: finding.kind, check: finding.text, source: finding.basis.source, observed: 'a webhook delivery', status: 0,
    ...(finding.violation ? { schemaPath: finding.violation.schemaPath, keyword: finding.violation.keyword, params: finding.violation.params, pointer: finding.violation.pointer } : {}),
  };
  info.annotations.push({ type: ASSUMPTION_ANNOTATION, description: redactText(`${check.webhook} on ${check.endpoint.api}@${check.endpoint.target}: ${finding.text}. Inferred: ${finding.basis.source}.`) });
  await info.attach(ASSUMPTION_ATTACHMENT, { body: redactText(JSON.stringify(record)), contentType: 'application/json' });
}
