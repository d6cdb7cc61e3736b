// A recorded run: the search's event stream (../search-events.ts) as JSON lines, one event per
// line, as `npm run search -- --record FILE` writes it and the page replays it into the same
// views. Parsing checks each line and names the line of every problem; it never throws.

import type { SearchEvent, SearchEventType } from '../search-events';

const EVENT_TYPES: readonly SearchEventType[] = [
  'recording', 'backend', 'status', 'start', 'progress', 'backbone', 'fusion-epoch', 'pair', 'generation', 'finished',
  'baseline-start', 'baseline-progress', 'baseline-generation', 'baseline-finished',
];

/** The field each event type must carry (besides `type`). */
const REQUIRED: Record<SearchEventType, string[]> = {
  recording: ['info'],
  backend: ['report'],
  status: ['status'],
  start: ['start'],
  progress: ['progress'],
  backbone: ['backbone'],
  'fusion-epoch': ['context', 'epoch'],
  pair: ['context', 'entryId', 'candidates'],
  generation: ['delta', 'memory'],
  finished: ['totals'],
  'baseline-start': ['evaluations'],
  'baseline-progress': ['evaluation', 'evaluations'],
  'baseline-generation': ['record'],
  'baseline-finished': ['complete', 'archive'],
};

/** Events as JSON lines; `dropCheckpoints` leaves out the per-generation checkpoints (replay does not need them). */
export function formatRecording(events: readonly SearchEvent[], dropCheckpoints = false): string {
  return events
    .map((e) => {
      if (dropCheckpoints && e.type === 'generation' && e.checkpoint) {
        const { checkpoint: _dropped, ...rest } = e;
        return JSON.stringify(rest);
      }
      return JSON.stringify(e);
    })
    .join('\n') + '\n';
}

export interface ParsedRecording {
  events: SearchEvent[];
  /** One message per bad line ("line 3: ..."); those lines are skipped. */
  errors: string[];
}

export function parseRecording(text: string): ParsedRecording {
  const events: SearchEvent[] = [];
  const errors: string[] = [];
  String(text ?? '')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        errors.push(`line ${i + 1}: not JSON`);
        return;
      }
      const type = (value as { type?: unknown })?.type;
      if (typeof type !== 'string' || !(EVENT_TYPES as readonly string[]).includes(type)) {
        errors.push(`line ${i + 1}: unknown event type ${JSON.stringify(type)}`);
        return;
      }
      const missing = REQUIRED[type as SearchEventType].filter((k) => (value as Record<string, unknown>)[k] === undefined);
      if (missing.length > 0) {
        errors.push(`line ${i + 1}: ${type} event without ${missing.join(', ')}`);
        return;
      }
      events.push(value as SearchEvent);
    });
  if (events.length > 0 && !events.some((e) => e.type === 'start')) errors.push('the recording has no start event');
  return { events, errors };
}
