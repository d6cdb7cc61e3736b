// Light/dark theme: follows the system setting until the user picks one; the choice is kept
// in localStorage and applied as data-theme on <html>.
export type ThemeChoice = 'system' | 'light' | 'dark';

const STORAGE_KEY = 'hnas-theme';

function readStored(): ThemeChoice {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system';
  }
}

function systemPrefersDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
}

export class ThemeState {
  choice = $state<ThemeChoice>(readStored());
  systemDark = $state(systemPrefersDark());
  effective = $derived<'light' | 'dark'>(this.choice === 'system' ? (this.systemDark ? 'dark' : 'light') : this.choice);

  constructor() {
    if (typeof matchMedia === 'function') {
      matchMedia('(prefers-color-scheme: dark)').addEventListener('change', (e) => {
        this.systemDark = e.matches;
        this.apply();
      });
    }
    this.apply();
  }

  /** Switches to the opposite of what is shown now. */
  toggle(): void {
    this.choice = this.effective === 'dark' ? 'light' : 'dark';
    try {
      localStorage.setItem(STORAGE_KEY, this.choice);
    } catch {
      /* storage may be unavailable (private mode); the choice still applies to this page */
    }
    this.apply();
  }

  private apply(): void {
    document.documentElement.setAttribute('data-theme', this.effective);
  }
}

export const theme = new ThemeState();
