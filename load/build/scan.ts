// Checks a built k6 bundle for what k6 rejects or must never carry: syntax past ES2017, imports
// other than k6 and k6/*, Node built-ins, regexes k6's engine refuses (\u{...}, lookbehind,
// unicode property escapes, u/v/s flags, named groups), faker, inline source maps, oversize.
// Uses esprima (ES2017 parser: rejects object spread, optional chaining, async generators, …).
import * as esprima from 'esprima';

// Loose node view: the walk reads fields by name across node types.
interface EsprimaNode { type: string; [key: string]: unknown }
import { k6RegexProblem } from './validators.ts';

export const MAX_BUNDLE_BYTES = 300 * 1024;

export interface BundleScan {
  problems: string[];
  /** Module specifiers the bundle imports. */
  imports: string[];
  /** Names the bundle exports. */
  exports: string[];
}

export function scanBundle(code: string): BundleScan {
  const problems: string[] = [];
  const imports: string[] = [];
  const exports: string[] = [];
  const bytes = Buffer.byteLength(code);
  if (bytes > MAX_BUNDLE_BYTES) problems.push(`${(bytes / 1024).toFixed(1)} KB, over the ${MAX_BUNDLE_BYTES / 1024} KB limit`);
  if (/\\u\{/.test(code)) problems.push('contains a \\u{...} escape (k6: "Invalid regular expression (regexp2)" when in a regex)');
  if (/sourceMappingURL=data:/.test(code)) problems.push('carries an inline source map');
  if (/@faker-js|\bfaker\b/i.test(code)) problems.push('carries faker (test data belongs in load-data.json)');
  if (/\b(?:process\.(?:env|argv|exit|cwd)|Buffer\.from|__dirname|__filename)\b/.test(code)) problems.push('uses a Node global (process, Buffer, __dirname)');

  let ast: EsprimaNode;
  try {
    ast = esprima.parseModule(code, { tolerant: false }) as unknown as EsprimaNode;
  } catch (error) {
    const e = error as { description?: string; lineNumber?: number; index?: number };
    const at = e.index === undefined ? '' : `: …${code.slice(Math.max(0, e.index - 40), e.index + 40).replace(/\s+/g, ' ')}…`;
    problems.push(`does not parse as ES2017 (${e.description ?? (error as Error).message}, line ${e.lineNumber ?? '?'}${at})`);
    return { problems, imports, exports };
  }

  const checkSpecifier = (specifier: string, how: string) => {
    imports.push(specifier);
    if (specifier !== 'k6' && !specifier.startsWith('k6/')) problems.push(`${how} "${specifier}": only k6 and k6/* may stay external`);
  };
  const checkRegex = (pattern: string, flags: string, where: string) => {
    const problem = k6RegexProblem(pattern, flags) ?? (/[s]/.test(flags) ? `flag "${flags}"` : undefined) ?? (/\(\?<[A-Za-z_$]/.test(pattern) ? 'named group' : undefined);
    if (problem) problems.push(`${where} /${pattern.slice(0, 60)}${pattern.length > 60 ? '…' : ''}/${flags} uses a ${problem}, which k6 rejects`);
  };

  walk(ast, (node) => {
    switch (node.type) {
      case 'ImportDeclaration':
        checkSpecifier(String((node.source as EsprimaNode).value), 'imports');
        break;
      case 'ExportAllDeclaration':
        checkSpecifier(String((node.source as EsprimaNode).value), 're-exports');
        break;
      case 'ExportNamedDeclaration': {
        if (node.source) checkSpecifier(String((node.source as EsprimaNode).value), 're-exports');
        for (const s of (node.specifiers as EsprimaNode[]) ?? []) exports.push(String((s.exported as EsprimaNode).name));
        const declaration = node.declaration as EsprimaNode | null;
        if (declaration?.type === 'FunctionDeclaration') exports.push(String((declaration.id as EsprimaNode).name));
        if (declaration?.type === 'VariableDeclaration') {
          for (const d of declaration.declarations as EsprimaNode[]) exports.push(String((d.id as EsprimaNode).name));
        }
        break;
      }
      case 'ExportDefaultDeclaration':
        exports.push('default');
        break;
      case 'CallExpression':
      case 'NewExpression': {
        const callee = node.callee as EsprimaNode;
        const [first, second] = (node.arguments as EsprimaNode[]) ?? [];
        if (callee.type === 'Identifier' && callee.name === 'require' && first?.type === 'Literal') checkSpecifier(String(first.value), 'requires');
        if (callee.type === 'Identifier' && callee.name === 'RegExp' && first?.type === 'Literal' && typeof first.value === 'string') {
          checkRegex(first.value, second?.type === 'Literal' && typeof second.value === 'string' ? second.value : '', 'RegExp');
        }
        break;
      }
      case 'Literal': {
        const regex = node.regex as { pattern: string; flags: string } | undefined;
        if (regex) checkRegex(regex.pattern, regex.flags, 'regex');
        break;
      }
      default:
        break;
    }
  });
  return { problems, imports: [...new Set(imports)], exports };
}

function walk(node: unknown, visit: (node: EsprimaNode) => void): void {
  if (Array.isArray(node)) { for (const child of node) walk(child, visit); return; }
  if (!node || typeof node !== 'object') return;
  const n = node as EsprimaNode;
  if (typeof n.type === 'string') visit(n);
  for (const key of Object.keys(n)) {
    if (key === 'loc' || key === 'range') continue;
    const value = n[key];
    if (value && typeof value === 'object') walk(value, visit);
  }
}
