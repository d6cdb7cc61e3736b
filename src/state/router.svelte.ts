// Which view is shown. The view lives in the URL hash as `view=<id>` beside the other
// settings (`key=value` pairs joined by `&`), so links restore it and other keys are kept.
export type ViewId = 'search' | 'devices' | 'data';

export interface ViewInfo {
  id: ViewId;
  label: string;
}

function hashParams(): URLSearchParams {
  return new URLSearchParams(location.hash.replace(/^#/, ''));
}

export class Router {
  view = $state<ViewId>('devices');

  constructor(
    readonly views: readonly ViewInfo[],
    readonly defaultView: ViewId,
  ) {
    this.view = this.readView();
    addEventListener('hashchange', () => (this.view = this.readView()));
  }

  private readView(): ViewId {
    const wanted = hashParams().get('view');
    return this.views.find((v) => v.id === wanted)?.id ?? this.defaultView;
  }

  go(view: ViewId): void {
    const params = hashParams();
    params.set('view', view);
    history.replaceState(null, '', `#${params.toString()}`);
    this.view = view;
  }
}
