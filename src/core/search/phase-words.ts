// The outer tier's phases in words, for the progress line and the timeline.

export const PHASE_WORDS: Record<string, string> = {
  'unimodal evaluation': 'Scoring each backbone alone (BN recalibration, validation accuracy)',
  selection: 'Keeping the best backbones per modality and pairing them',
  'fusion search': 'Searching how to fuse each backbone pair (inner DARTS tier)',
  'multimodal selection': 'Keeping the best multimodal networks (rank + crowding)',
  breeding: 'Breeding the next generation (crossover + mutation)',
  finished: 'Finished',
};
