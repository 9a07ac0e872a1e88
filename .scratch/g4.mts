import { contractFor } from '/work/main/lib/contract.ts';
const c = contractFor('api-layer');
console.log(JSON.stringify(c.operation('updateVirtualCardLimits').requestBody!.schemas['application/json'].properties.daily));
console.log(c.checkRequest('updateVirtualCardLimits', { path: { cardId: 'vc_001' }, body: { daily: 10.5, monthly: 20 }, contentType: 'application/json', authorized: true }));
