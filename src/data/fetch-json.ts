// Fetches one JSON file for the data loaders, with errors that name the URL and say what went
// wrong: the fetch itself failed, the server answered with an HTTP error (e.g. 404 when a file
// was never shipped or built), or the body is not JSON. No DOM; usable from a worker.

/**
 * The parsed body of `url`. Rejects with "Could not fetch <url>: <reason>",
 * "Could not fetch <url>: HTTP <status>" or "<url> is not valid JSON".
 */
export async function fetchJson(url: string, fetchFn: typeof fetch): Promise<unknown> {
  let response: Response;
  try {
    response = await fetchFn(url);
  } catch (err) {
    throw new Error(`Could not fetch ${url}: ${(err as Error).message}`);
  }
  if (!response.ok) throw new Error(`Could not fetch ${url}: HTTP ${response.status}`);
  try {
    return await response.json();
  } catch {
    throw new Error(`${url} is not valid JSON`);
  }
}

