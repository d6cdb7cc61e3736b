// UrlHash, Router and SearchState over a fake hash host: one parse per change, outside changes
// reach subscribers, our own writes do not, the router reads and writes `view` keeping other
// keys, and a disposed SearchState leaves no subscription behind (it used to leak a
// `hashchange` listener per mount of the Search view).
import { describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { UrlHash, type HashHost } from '../../../src/state/url-hash.svelte';
import { Router } from '../../../src/state/router.svelte';
import { SearchState } from '../../../src/state/search.svelte';

class FakeHost implements HashHost {
  hash = '';
  listeners = new Set<() => void>();
  replaced: string[] = [];
  constructor(initial: string) {
    this.hash = initial;
  }
  replaceHash(text: string): void {
    this.replaced.push(text);
    this.hash = `#${text}`;
  }
  onHashChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  /** The user edits the address bar. */
  navigate(hash: string): void {
    this.hash = hash;
    for (const l of this.listeners) l();
  }
}

describe('UrlHash', () => {
  it('parses at start and on each outside change; tells subscribers only about outside changes', () => {
    const host = new FakeHost('#seed=4&view=data');
    const hash = new UrlHash(host);
    expect(hash.parsed.settings).toMatchObject({ seed: 4, view: 'data' });
    const heard: number[] = [];
    const unsubscribe = hash.subscribe((p) => heard.push(p.settings.seed));
    host.navigate('#seed=7');
    expect(hash.parsed.settings.seed).toBe(7);
    hash.replace('seed=9');
    expect(hash.parsed.settings.seed).toBe(9);
    expect(heard).toEqual([7]);
    unsubscribe();
    host.navigate('#seed=11');
    expect(heard).toEqual([7]);
    expect(hash.subscriberCount).toBe(0);
    expect(host.listeners.size).toBe(1); // UrlHash's own, one for the page's lifetime
  });
});

describe('Router', () => {
  it('follows the view key and writes it back in place', () => {
    const host = new FakeHost('#seed=3&view=devices&lesson=2');
    const hash = new UrlHash(host);
    const router = new Router([{ id: 'search', label: 'Search' }, { id: 'devices', label: 'Devices' }], hash);
    expect(router.view).toBe('devices');
    router.go('search');
    flushSync();
    expect(router.view).toBe('search');
    expect(host.hash).toBe('#seed=3&view=search&lesson=2');
    host.navigate('#view=data');
    expect(router.view).toBe('data');
    host.navigate('#view=nonsense');
    expect(router.view).toBe('search');
  });
});

describe('SearchState and the hash', () => {
  it('reads its settings from the hash, follows outside edits, and unsubscribes on dispose', () => {
    const host = new FakeHost('#view=search&preset=quick&seed=5&lambda=0.3&tab=x');
    const hash = new UrlHash(host);
    const states = [new SearchState(hash), new SearchState(hash), new SearchState(hash)];
    expect(hash.subscriberCount).toBe(3);
    const state = states[0];
    expect(state.settings.seed).toBe(5);
    expect(state.settings.lambda).toBe(0.3);
    host.navigate('#preset=quick&seed=8');
    expect(state.settings.seed).toBe(8);
    state.settings.seed = 12;
    state.settingsEdited();
    expect(host.hash).toContain('seed=12');
    for (const s of states) s.dispose();
    expect(hash.subscriberCount).toBe(0);
    host.navigate('#preset=quick&seed=2');
    expect(state.settings.seed).toBe(12); // a disposed state no longer follows the hash
  });

  it('writes every edited setting into the hash, so a new page from that link has the same settings', () => {
    const host = new FakeHost('#view=search&preset=quick&lesson=4');
    const hash = new UrlHash(host);
    const a = new SearchState(hash);
    a.settings.generations = 7;
    a.settings.crossoverP = 0.55;
    a.settings.objectives = ['error', 'energy'];
    a.settings.paperFaithful = true;
    a.settingsEdited();
    expect(host.hash).toContain('generations=7');
    expect(host.hash).toContain('objectives=error%2Cenergy');
    expect(host.hash).toContain('lesson=4');
    const b = new SearchState(new UrlHash(new FakeHost(host.hash)));
    expect(JSON.parse(JSON.stringify(b.settings))).toEqual(JSON.parse(JSON.stringify(a.settings)));
    // back to the preset's value: the key leaves the link
    a.settings.generations = 2;
    a.settingsEdited();
    expect(host.hash).not.toContain('generations=');
    a.dispose();
    b.dispose();
  });
});
