import { generatedPlan, checkGeneratedBudget } from '/work/main/fixtures/generated-plan.ts';
for (const api of ['sovera', 'core', 'api-layer'] as const) { console.log(api, generatedPlan(api)); try { console.log(checkGeneratedBudget(api, {})); } catch (e) { console.log('REFUSED', (e as Error).message); } }
