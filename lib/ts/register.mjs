// `node --import=#ts file.ts`: runs the harness's TypeScript (package.json "imports" maps #ts here;
// the `=` keeps a shell from reading `#ts` as a comment). See hooks.mjs for how and why.
import { register } from 'node:module';

process.setSourceMapsEnabled(true);
register('./hooks.mjs', import.meta.url);
