// Cross-cutting error statuses the spec documents: 404 for ids no server issued, and 500 in the
// error format. Derived from the spec, so a new operation documenting them is covered without a
// new test. (401/403 are in auth.spec.ts, 429 in rate-limit.spec.ts.)
import { test } from '../../fixtures/core.ts';
import { deriveNotFoundAndServerErrors } from '../../fixtures/derived-errors.ts';
import { unknownIds, validRequest } from '../../fixtures/core-requests.ts';

deriveNotFoundAndServerErrors(test, 'core', {
  requestFor: (operationId) => validRequest(operationId, unknownIds()),
  authFor: (operationId) => (operationId === 'login' ? 'none' : undefined),
});
