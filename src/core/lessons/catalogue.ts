// The Learn panel's lessons, in teaching order: their numbers (the `lesson=N` URL key), titles
// and the parts of the live views each one points at. Pure data; the lessons' text, figures and
// hooks live in src/lessons/, one module per lesson, keyed by these numbers.

/** Parts of the Search view a lesson can highlight (each carries `data-lesson-target`). */
export const LESSON_TARGETS = [
  'run-panel',
  'timeline',
  'unimodal-scatters',
  'inner-losses',
  'inner-weights',
  'inner-genotypes',
  'inner-candidates',
  'pareto-chart',
  'hypervolume-chart',
  'arch-diagram',
] as const;
export type LessonTarget = (typeof LESSON_TARGETS)[number];

export interface LessonInfo {
  /** 1-based, as in the URL (`lesson=3`). */
  number: number;
  title: string;
  /** What the lesson highlights in the live views while it is open. */
  targets: readonly LessonTarget[];
}

export const LESSONS: readonly LessonInfo[] = [
  { number: 1, title: 'The problem: one network, two senses, one board', targets: ['run-panel'] },
  { number: 2, title: 'The search space', targets: ['unimodal-scatters'] },
  { number: 3, title: 'Supernets and weight sharing', targets: ['arch-diagram'] },
  { number: 4, title: 'BatchNorm recalibration', targets: ['unimodal-scatters'] },
  { number: 5, title: 'Objectives and Pareto optimality', targets: ['pareto-chart', 'hypervolume-chart'] },
  { number: 6, title: 'NSGA-II: ranks, crowding, crossover and mutation', targets: ['pareto-chart', 'timeline'] },
  { number: 7, title: 'Bilevel optimisation (DARTS)', targets: ['inner-losses', 'inner-weights'] },
  { number: 8, title: 'Discretisation and retraining', targets: ['inner-genotypes', 'inner-candidates'] },
  { number: 9, title: 'Hardware cost from lookup tables', targets: ['arch-diagram', 'inner-candidates'] },
  { number: 10, title: 'What the paper reported, and what differs here', targets: ['pareto-chart'] },
];

export const LESSON_COUNT = LESSONS.length;

/** The lesson an "Explain this" button on a part of the live views opens. */
export const EXPLAINED_BY: Readonly<Record<LessonTarget, number>> = {
  'run-panel': 1,
  timeline: 6,
  'unimodal-scatters': 2,
  'inner-losses': 7,
  'inner-weights': 7,
  'inner-genotypes': 8,
  'inner-candidates': 8,
  'pareto-chart': 5,
  'hypervolume-chart': 5,
  'arch-diagram': 3,
};

export function lessonInfo(n: number): LessonInfo | null {
  return LESSONS.find((l) => l.number === n) ?? null;
}
