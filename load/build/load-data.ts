// Test users for the k6 pool, generated with faker in Node at build time (faker stays out of
// the bundles). Seeded, so the file is stable between builds; k6 makes each email unique per
// run. No secrets: names and example.com addresses only.
import { faker } from '@faker-js/faker/locale/en'; // one locale: importing every locale costs ~300 ms per worker start
import { naturalUser } from '../../fixtures/sovera-data.ts';
import type { NaturalUserInput } from '../../scenarios/sovera.ts';

export const LOAD_DATA_SEED = 20_240_601;
export const LOAD_DATA_USERS = 500;

export function generateLoadData(count = LOAD_DATA_USERS, seed = LOAD_DATA_SEED): NaturalUserInput[] {
  faker.seed(seed);
  return Array.from({ length: count }, () => naturalUser({ currency: 'USD' }));
}
