// What the webmail content script gets as `ctx` instead of WXT's ContentScriptContext (swapped in
// by a build alias in wxt.config.ts, for this entrypoint only). WXT's context, on every page load,
// dispatches a "script started" event through the page's document, listens for newer copies of
// itself and builds a location watcher: about 0.5 ms of the 5 ms budget, for cases this script never
// meets. Chrome injects declared content scripts only when a page loads, and LeadClip never injects
// this one programmatically, so two copies never share a page. All main() needs is an abort signal.
export class ContentScriptContext {
  private readonly controller = new AbortController();

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  abort(reason?: unknown): void {
    this.controller.abort(reason);
  }
}
