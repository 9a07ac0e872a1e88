// Cross-cutting error statuses the spec documents: 404 NOT_FOUND for unknown ids, and 500 in the
// error format where the docs tell integrators to expect one. Derived from the spec, so a new
// operation documenting these statuses is covered without a new test.
import { test } from '../../fixtures/sovera.ts';
import { deriveNotFoundAndServerErrors } from '../../fixtures/derived-errors.ts';
import { validRequest } from '../../fixtures/sovera-requests.ts';
import { unknownId } from '../../fixtures/sovera-data.ts';

const ids = () => ({ userId: unknownId(), walletId: unknownId(), cardId: unknownId(), otherWalletId: unknownId() });

deriveNotFoundAndServerErrors(test, 'sovera', { requestFor: (operationId) => validRequest(operationId, ids()) });
