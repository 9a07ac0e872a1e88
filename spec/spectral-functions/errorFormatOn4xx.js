// Spectral function: the operation has a 4XX response whose application/json schema is one of
// the API's error-format components (by name), directly, through components/responses, or
// through allOf. Runs on the unresolved document so component names stay visible.
const componentName = (ref, kind) => {
  const prefix = `#/components/${kind}/`;
  return typeof ref === 'string' && ref.startsWith(prefix) ? ref.slice(prefix.length) : undefined;
};

export default function errorFormatOn4xx(operation, options, context) {
  const document = context.document.data;
  const accepted = new Set(options.errorSchemas);
  const isErrorSchema = (schema, depth = 0) => {
    if (!schema || depth > 5) return false;
    const name = componentName(schema.$ref, 'schemas');
    if (name) return accepted.has(name) || isErrorSchema(document.components?.schemas?.[name], depth + 1);
    return (schema.allOf ?? []).some((s) => isErrorSchema(s, depth + 1));
  };
  const responses = operation?.responses ?? {};
  const ok = Object.entries(responses).some(([status, response]) => {
    if (!/^4\d\d$|^4XX$/.test(status)) return false;
    const name = componentName(response?.$ref, 'responses');
    const resolved = name ? document.components?.responses?.[name] : response;
    return isErrorSchema(resolved?.content?.['application/json']?.schema);
  });
  return ok ? [] : [{ message: `No 4XX response uses the error format (${[...accepted].join(' or ')}).` }];
}
