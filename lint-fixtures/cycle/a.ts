// A deliberate cycle for src/lint.test.ts: a imports b, and b loads a back with import().
import { b } from './b';

export const a = (): string => `a then ${b}`;
