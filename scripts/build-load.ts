// `npm run load:build`: bundles every load/*.k6.ts into dist/load/*.js for k6 (see load/build/bundle.ts).
import { buildLoadBundles } from '../load/build/bundle.ts';

console.log('Building k6 bundles into dist/load/');
try {
  const info = await buildLoadBundles({ log: (line) => console.log(line) });
  for (const [api, built] of Object.entries(info.apis)) {
    console.log(`${api}: validators for ${Object.keys(built.operations).length} operations of ${built.spec} (formats: ${built.formats.join(', ') || 'none'})`);
  }
  console.log('Test data: fixtures/load-data.json');
} catch (error) {
  console.error(`load:build failed: ${(error as Error).message}`);
  process.exit(1);
}
