// Which view is shown. The view lives in the URL hash as `view=<id>` beside the other settings
// (the `view` key of the URL contract), so links restore it and other keys are kept.

import { withUrlKey, type ViewId } from '../core/search/url-state';
import { urlHash, type UrlHash } from './url-hash.svelte';

export type { ViewId };

export interface ViewInfo {
  id: ViewId;
  label: string;
}

export class Router {
  readonly views: readonly ViewInfo[];
  private readonly hash: UrlHash;
  view: ViewId;

  constructor(views: readonly ViewInfo[], hash: UrlHash = urlHash) {
    this.views = views;
    this.hash = hash;
    this.view = $derived(this.hash.parsed.settings.view);
  }

  go(view: ViewId): void {
    this.hash.replace(withUrlKey(this.hash.text, 'view', view));
  }
}
