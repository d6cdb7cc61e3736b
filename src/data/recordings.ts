// Recorded runs shipped with the app (public/recordings/): fetch one from the app's own origin
// and parse it (src/core/search/recording.ts). Problems become messages naming the file.

import { parseRecording } from '../core/search/recording';
import type { SearchEvent } from '../core/search-events';

/** The recording's events and one message per problem; a file that cannot be fetched throws. */
export async function fetchRecording(path: string, fetchFn: typeof fetch = fetch): Promise<{ events: SearchEvent[]; errors: string[] }> {
  let response: Response;
  try {
    response = await fetchFn(`./${path}`);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
  } catch (err) {
    throw new Error(`Could not load the recording ${path}: ${(err as Error).message}`);
  }
  const { events, errors } = parseRecording(await response.text());
  return { events, errors: errors.map((e) => `recording ${path}: ${e}`) };
}
