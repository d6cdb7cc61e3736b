// ThemeState follows the system colour scheme until the user toggles, keeps the choice in localStorage, and writes the effective theme as data-theme on <html>.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cdp } from 'vitest/browser';
import type {} from '@vitest/browser-playwright'; // types cdp().send
import { flushSync } from 'svelte';
import { ThemeState, theme as appTheme } from '../../../src/state/theme.svelte';

const KEY = 'hnas-theme';

/** A stand-in for matchMedia('(prefers-color-scheme: dark)') whose answer the test sets. */
function fakeSystem(dark: boolean) {
  const listeners: ((e: { matches: boolean }) => void)[] = [];
  const query = {
    get matches() {
      return dark;
    },
    addEventListener: (_type: string, l: (e: { matches: boolean }) => void) => listeners.push(l),
  };
  vi.stubGlobal('matchMedia', (q: string) => {
    expect(q).toBe('(prefers-color-scheme: dark)');
    return query;
  });
  return {
    listeners,
    set(value: boolean) {
      dark = value;
      for (const l of listeners) l({ matches: value });
      flushSync();
    },
  };
}

const shown = () => document.documentElement.getAttribute('data-theme');

beforeEach(() => {
  localStorage.clear();
  document.documentElement.removeAttribute('data-theme');
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  localStorage.clear();
});

describe('ThemeState', () => {
  it('follows a light system setting when nothing is stored', () => {
    fakeSystem(false);
    const t = new ThemeState();
    expect(t.choice).toBe('system');
    expect(t.systemDark).toBe(false);
    expect(t.effective).toBe('light');
    expect(shown()).toBe('light');
  });

  it('follows a dark system setting, and changes of it while on "system"', () => {
    const system = fakeSystem(true);
    const t = new ThemeState();
    expect(t.effective).toBe('dark');
    expect(shown()).toBe('dark');
    expect(system.listeners).toHaveLength(1);
    system.set(false);
    expect(t.systemDark).toBe(false);
    expect(t.effective).toBe('light');
    expect(shown()).toBe('light');
    system.set(true);
    expect(t.effective).toBe('dark');
    expect(shown()).toBe('dark');
  });

  it('toggles to the opposite of what is shown, stores the choice, and applies it', () => {
    fakeSystem(false);
    const t = new ThemeState();
    t.toggle();
    expect(t.choice).toBe('dark');
    expect(t.effective).toBe('dark');
    expect(localStorage.getItem(KEY)).toBe('dark');
    expect(shown()).toBe('dark');
    t.toggle();
    expect(t.choice).toBe('light');
    expect(t.effective).toBe('light');
    expect(localStorage.getItem(KEY)).toBe('light');
    expect(shown()).toBe('light');
  });

  it('from a dark system, the first toggle picks light', () => {
    fakeSystem(true);
    const t = new ThemeState();
    t.toggle();
    expect(t.choice).toBe('light');
    expect(shown()).toBe('light');
  });

  it('an explicit choice wins over the system setting, and survives system changes', () => {
    const system = fakeSystem(false);
    const t = new ThemeState();
    t.toggle(); // dark
    system.set(false);
    expect(t.effective).toBe('dark');
    expect(shown()).toBe('dark');
    system.set(true);
    system.set(false);
    expect(t.effective).toBe('dark');
    expect(t.systemDark).toBe(false);
  });

  it('restores a stored choice on the next page load', () => {
    fakeSystem(true);
    new ThemeState().toggle(); // dark system → light, stored
    const next = new ThemeState();
    expect(next.choice).toBe('light');
    expect(next.effective).toBe('light');
    expect(shown()).toBe('light');
    localStorage.setItem(KEY, 'dark');
    fakeSystem(false);
    expect(new ThemeState().effective).toBe('dark');
  });

  it('ignores a stored value that is not light or dark', () => {
    localStorage.setItem(KEY, 'purple');
    fakeSystem(true);
    const t = new ThemeState();
    expect(t.choice).toBe('system');
    expect(t.effective).toBe('dark');
  });

  it('works without storage: reads as "system", and a toggle still applies to the page', () => {
    fakeSystem(false);
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('denied', 'QuotaExceededError');
    });
    const t = new ThemeState();
    expect(t.choice).toBe('system');
    expect(() => t.toggle()).not.toThrow();
    expect(setItem).toHaveBeenCalledWith(KEY, 'dark');
    expect(t.effective).toBe('dark');
    expect(shown()).toBe('dark');
  });

  it('works without matchMedia: light, and toggles', () => {
    vi.stubGlobal('matchMedia', undefined);
    const t = new ThemeState();
    expect(t.systemDark).toBe(false);
    expect(t.effective).toBe('light');
    t.toggle();
    expect(shown()).toBe('dark');
  });
});

describe('the app-wide theme in real Chromium', () => {
  it('follows an emulated prefers-color-scheme change', async () => {
    const session = cdp();
    const scheme = async (value: string) => {
      await session.send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-color-scheme', value }] });
      // The media-query change event is delivered asynchronously.
      await vi.waitFor(() => expect(matchMedia('(prefers-color-scheme: dark)').matches).toBe(value === 'dark'));
      await vi.waitFor(() => expect(appTheme.systemDark).toBe(value === 'dark'));
    };
    try {
      expect(appTheme.choice).toBe('system');
      await scheme('dark');
      expect(appTheme.effective).toBe('dark');
      expect(shown()).toBe('dark');
      await scheme('light');
      expect(appTheme.effective).toBe('light');
      expect(shown()).toBe('light');
    } finally {
      await session.send('Emulation.setEmulatedMedia', { features: [] });
    }
  });
});
