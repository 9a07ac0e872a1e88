// k6 provides console (log, warn, error …) but @types/k6 does not declare it, and the load
// tsconfig leaves out the DOM and Node typings on purpose.
declare const console: {
  log(...data: unknown[]): void;
  info(...data: unknown[]): void;
  warn(...data: unknown[]): void;
  error(...data: unknown[]): void;
  debug(...data: unknown[]): void;
};
