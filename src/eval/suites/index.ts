/**
 * Every eval suite, in the order `sitrep eval all` runs and prints them. Imports the suites only.
 */
import type { EvalSuite } from '../suite.js';
import { attributionSuite } from './attribution.js';
import { entitiesSuite } from './entities.js';
import { cameoSuite } from './events-cameo.js';
import { ploverSuite } from './events-plover.js';
import { parseSuite } from './parse.js';
import { placesSuite } from './places.js';
import { posSuite } from './pos.js';
import { seedSuite } from './seed.js';
import { timesSuite } from './times.js';

export const SUITES: readonly EvalSuite[] = [
  seedSuite,
  timesSuite,
  entitiesSuite,
  placesSuite,
  attributionSuite,
  ploverSuite,
  cameoSuite,
  posSuite,
  parseSuite,
];

export function findSuite(name: string): EvalSuite | undefined {
  return SUITES.find((s) => s.name === name);
}
