// The lessons of the Learn panel by number (../core/lessons/catalogue.ts): each module holds its
// text, its figure and its hook.

import type { Component } from 'svelte';
import type { SearchState } from '../state/search.svelte';
import type { LessonHook } from './context';
import L01, { open as open01 } from './L01Problem.svelte';
import L02, { open as open02 } from './L02SearchSpace.svelte';
import L03, { open as open03 } from './L03Supernet.svelte';
import L04, { open as open04 } from './L04BnRecalibration.svelte';
import L05, { open as open05 } from './L05Pareto.svelte';
import L06, { open as open06 } from './L06Nsga2.svelte';
import L07, { open as open07 } from './L07Darts.svelte';
import L08, { open as open08 } from './L08Discretisation.svelte';
import L09, { open as open09 } from './L09LookupTables.svelte';
import L10, { open as open10 } from './L10Paper.svelte';

export interface LessonModule {
  component: Component<{ model: SearchState }>;
  open: LessonHook;
}

export const LESSON_MODULES: Readonly<Record<number, LessonModule>> = {
  1: { component: L01, open: open01 },
  2: { component: L02, open: open02 },
  3: { component: L03, open: open03 },
  4: { component: L04, open: open04 },
  5: { component: L05, open: open05 },
  6: { component: L06, open: open06 },
  7: { component: L07, open: open07 },
  8: { component: L08, open: open08 },
  9: { component: L09, open: open09 },
  10: { component: L10, open: open10 },
};
