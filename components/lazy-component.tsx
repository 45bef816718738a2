// A component whose code is fetched the first time it renders, so a page's entry chunk carries
// only what it shows at once (the popup's budget, issue #2). Smaller than preact/compat's
// lazy + Suspense, which the project does not otherwise use.
import type { ComponentType, FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export type LazyComponent<P> = FunctionComponent<P> & {
  /** Starts fetching early, e.g. when Save is pressed for a panel its answer may open. */
  preload: () => Promise<unknown>;
};

export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): LazyComponent<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const preload = () =>
    (pending ??= load().then(
      (c) => (loaded = c),
      (err: unknown) => {
        pending = undefined; // showing it again tries again
        throw err;
      },
    ));

  function Lazy(props: P) {
    const [, setReady] = useState(false);
    const Loaded = loaded;
    useEffect(() => {
      // What this render showed, not what has arrived since: code that lands between the first
      // render and its effects (a preload in flight) still needs a render.
      if (Loaded) return;
      let live = true;
      preload().then(() => live && setReady(true), (err: unknown) => console.error('lazy component failed to load', err));
      return () => void (live = false);
    }, []);
    // Until the code arrives there is nothing to show (the same as before it was asked for).
    return Loaded ? <Loaded {...props} /> : null;
  }
  return Object.assign(Lazy, { preload });
}
