// Spectral function (ESM: the project is "type": "module").
// Given an operation, passes when at least one 4XX response (400-499 or "4XX") has an
// application/json schema that is one of the API's error-format component schemas, named in
// the option `errorSchemas` (e.g. [ErrorResponse, NotFoundErrorResponse]). The schema may be
// reached through a $ref to components/responses, a direct $ref to components/schemas, or an
// allOf entry; a component that itself extends an error schema with allOf also counts.
// The rule must run with `resolved: false`: on the resolved document the $ref names are gone.
const componentName = (ref, kind) => {
  const prefix = `#/components/${kind}/`;
  return typeof ref === 'string' && ref.startsWith(prefix) ? decodeURIComponent(ref.slice(prefix.length)) : undefined;
};

const MAX_DEPTH = 10; // guards against $ref cycles

export default function errorFormatOn4xx(operation, options, context) {
  const errorSchemas = options?.errorSchemas;
  if (!Array.isArray(errorSchemas) || errorSchemas.length === 0 || !errorSchemas.every((n) => typeof n === 'string')) {
    return [{ message: 'errorFormatOn4xx: option "errorSchemas" must be a non-empty list of component schema names.' }];
  }
  if (!operation || typeof operation !== 'object') return [];
  const accepted = new Set(errorSchemas);
  const components = context.document.data?.components ?? {};

  const isErrorSchema = (schema, depth = 0) => {
    if (!schema || typeof schema !== 'object' || depth > MAX_DEPTH) return false;
    const name = componentName(schema.$ref, 'schemas');
    if (name) return accepted.has(name) || isErrorSchema(components.schemas?.[name], depth + 1);
    return Array.isArray(schema.allOf) && schema.allOf.some((s) => isErrorSchema(s, depth + 1));
  };
  const resolveResponse = (response, depth = 0) => {
    const name = componentName(response?.$ref, 'responses');
    if (!name) return response;
    return depth > MAX_DEPTH ? undefined : resolveResponse(components.responses?.[name], depth + 1);
  };

  const clientErrors = Object.entries(operation.responses ?? {}).filter(([status]) => /^(4\d\d|4XX)$/.test(status));
  const ok = clientErrors.some(([, response]) =>
    isErrorSchema(resolveResponse(response)?.content?.['application/json']?.schema));
  if (ok) return [];
  const statuses = clientErrors.map(([status]) => status);
  return [{
    message: statuses.length
      ? `None of the 4XX responses (${statuses.join(', ')}) has an application/json schema that is ${errorSchemas.join(' or ')}.`
      : `No 4XX response: at least one must use ${errorSchemas.join(' or ')}.`,
    path: [...context.path, 'responses'],
  }];
}
