// The glossary behind the app's term tooltips: each term used across the views, a definition in
// plain words and the lesson that covers it (../core/lessons/catalogue.ts numbers).

export interface GlossaryEntry {
  term: string;
  definition: string;
  /** The lesson that explains it (1-based). */
  lesson: number;
}

export const GLOSSARY = {
  supernet: {
    term: 'supernet',
    definition: 'One trained network that contains every candidate backbone: the subnets share its weights, so a candidate is scored without training it.',
    lesson: 3,
  },
  subnet: {
    term: 'subnet',
    definition: 'A backbone cut out of the supernet by a genome: a kernel size and an expand ratio per block and a depth, using the supernet\u2019s weights.',
    lesson: 2,
  },
  genome: {
    term: 'genome',
    definition: 'The genes that name one subnet, written like k5557e3643d2: four kernel sizes, four expand ratios, then the depth.',
    lesson: 2,
  },
  backbone: {
    term: 'backbone',
    definition: 'The network that turns one modality (the image, or the audio) into features; the fusion network combines the two.',
    lesson: 1,
  },
  fusion: {
    term: 'fusion network',
    definition: 'Cells that combine image and audio features with operators such as Sum or ConcatFC; the inner tier searches which features and operators.',
    lesson: 2,
  },
  pareto: {
    term: 'Pareto front',
    definition: 'The networks no other network beats on every objective at once: each is a different best trade-off between error, latency and energy.',
    lesson: 5,
  },
  dominance: {
    term: 'dominates',
    definition: 'A network dominates another when it is no worse on every objective and strictly better on at least one.',
    lesson: 5,
  },
  hypervolume: {
    term: 'hypervolume',
    definition: 'The volume of objective space a front dominates, up to a fixed reference point; it grows as the front gets better and wider.',
    lesson: 5,
  },
  nsga2: {
    term: 'NSGA-II',
    definition: 'The evolutionary algorithm of the outer tier: sort by non-domination rank, break ties by crowding distance, breed the best by crossover and mutation.',
    lesson: 6,
  },
  crowding: {
    term: 'crowding distance',
    definition: 'How far a network is from its neighbours on the same rank; NSGA-II prefers lonely points to keep the front spread out.',
    lesson: 6,
  },
  darts: {
    term: 'DARTS',
    definition: 'Differentiable architecture search: every choice becomes a softmax-weighted mix, so gradient descent can tune the choice itself.',
    lesson: 7,
  },
  alphaBetaGamma: {
    term: 'α / β / γ',
    definition: 'The architecture weights of the fusion search: α picks which features a cell reads, β which operands each step fuses, γ which operator each step uses.',
    lesson: 7,
  },
  bilevel: {
    term: 'bilevel optimisation',
    definition: 'Two alternating descents: the network weights on the training split, the architecture weights (α, β, γ) on the validation split.',
    lesson: 7,
  },
  discretisation: {
    term: 'discretisation',
    definition: 'Turning the mixed fusion network into a plain one: per choice, keep the option with the largest architecture weight.',
    lesson: 8,
  },
  lut: {
    term: 'LUT',
    definition: 'Lookup table: the latency (ms) and energy (mJ) of every layer, measured once on the board; a network costs the sum of its layers.',
    lesson: 9,
  },
  lambda: {
    term: 'λ',
    definition: 'The weight of the hardware cost in the inner search\u2019s loss: 0 searches for accuracy only, larger values prefer cheaper fusion operators.',
    lesson: 9,
  },
  bnRecalibration: {
    term: 'BN recalibration',
    definition: 'Re-estimating a subnet\u2019s BatchNorm statistics on training batches before scoring it: shared statistics do not fit any one subnet.',
    lesson: 4,
  },
  validation: {
    term: 'validation split',
    definition: 'Held-out samples the search may look at to choose; the test split is only read to report accuracy of what was chosen.',
    lesson: 8,
  },
} as const satisfies Record<string, GlossaryEntry>;

export type GlossaryKey = keyof typeof GLOSSARY;
