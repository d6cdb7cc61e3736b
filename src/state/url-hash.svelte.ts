// The location hash as shared state: parsed once by the URL contract
// (src/core/search/url-state.ts) at start-up and again on each `hashchange`; the router and the
// Search view's settings read the same parse. Writes go through `replace` (history.replaceState,
// no new history entry). Subscribers hear about changes made outside the app (a pasted link, the
// back button); each subscription returns its own removal, so a view that goes away leaves no
// listener behind.

import { parseUrlState, type ParsedUrlState } from '../core/search/url-state';

/** What UrlHash needs of `window` (tests pass their own). */
export interface HashHost {
  readonly hash: string;
  replaceHash(text: string): void;
  onHashChange(listener: () => void): () => void;
}

function windowHost(): HashHost {
  if (typeof location === 'undefined' || typeof addEventListener !== 'function') {
    let hash = '';
    return { get hash() { return hash; }, replaceHash: (t) => (hash = t ? `#${t}` : ''), onHashChange: () => () => {} };
  }
  return {
    get hash() {
      return location.hash;
    },
    replaceHash: (text) => history.replaceState(null, '', `#${text}`),
    onHashChange(listener) {
      addEventListener('hashchange', listener);
      return () => removeEventListener('hashchange', listener);
    },
  };
}

export class UrlHash {
  parsed: ParsedUrlState;
  private readonly listeners = new Set<(parsed: ParsedUrlState) => void>();

  constructor(private readonly host: HashHost = windowHost()) {
    this.parsed = $state.raw(parseUrlState(host.hash));
    host.onHashChange(() => {
      this.parsed = parseUrlState(this.host.hash);
      for (const listener of [...this.listeners]) listener(this.parsed);
    });
  }

  /** The raw hash (with `#`), for a parse with extra options. */
  get text(): string {
    return this.host.hash;
  }

  /** Writes the hash text (without `#`); subscribers are not called (the change is ours). */
  replace(text: string): void {
    this.host.replaceHash(text);
    this.parsed = parseUrlState(this.host.hash);
  }

  /** Calls `listener` after each outside change of the hash; returns the unsubscribe. */
  subscribe(listener: (parsed: ParsedUrlState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** How many subscriptions are live (a view that is gone must leave none). */
  get subscriberCount(): number {
    return this.listeners.size;
  }
}

/** The page's hash. */
export const urlHash = new UrlHash();
