// The words and annotation names the verdicts leave on a test, for the matcher that writes them
// and the reporters that read them. A module of its own, with no imports: the Playwright config
// (loaded by every worker at start) reaches it through the run report's settings, and must not
// pull in the matcher (@playwright/test, Ajv) with it.

/** The first line of a failure on a documented rule; `checkRule` lets these through untouched. */
export const CONTRACT_FAILURE = 'Contract failure';
/** The first words of a failure on an inferred rule under STRICT (or on the twin and the mock). */
export const UNCONFIRMED_ASSUMPTION = 'Unconfirmed assumption';
export const ASSUMPTION_ANNOTATION = 'unconfirmed assumption';
export const ASSUMPTION_ATTACHMENT = 'assumption.json';
/** `operationId status` of a response that failed its contract check: the run report marks that cell of the grid failed. */
export const FAILED_CHECK_ANNOTATION = 'failed check';
