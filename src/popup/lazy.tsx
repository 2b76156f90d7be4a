// A component from a chunk of its own, rendered once the chunk is there (nothing before): for
// what the popup may never show, such as an error's alert, so its start-up does not carry it.
import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export type LazyComponent<P> = FunctionComponent<P> & {
  /** Loads the chunk now (a render that follows shows the component at once). */
  preload(): Promise<FunctionComponent<P>>;
};

/** `load` resolves to the component; it is called once, when first rendered or preloaded. */
export function lazy<P extends object>(load: () => Promise<FunctionComponent<P>>): LazyComponent<P> {
  let loading: Promise<FunctionComponent<P>> | undefined;
  let loaded: FunctionComponent<P> | undefined;
  const preload = () =>
    (loading ??= load().then((c) => {
      loaded = c;
      return c;
    }));
  function Lazy(props: P) {
    const [Component, setComponent] = useState<FunctionComponent<P> | undefined>(() => loaded);
    useEffect(() => {
      if (Component) return;
      let live = true;
      void preload().then((c) => live && setComponent(() => c));
      return () => {
        live = false;
      };
    }, [Component]);
    return Component ? <Component {...props} /> : null;
  }
  return Object.assign(Lazy, { preload });
}
