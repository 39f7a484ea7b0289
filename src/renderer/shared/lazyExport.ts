import { lazy } from 'react';

type LazyComponent = Awaited<ReturnType<Parameters<typeof lazy>[0]>>['default'];

/** A component a module exports by name, loaded as its own chunk the first time it renders. */
export function lazyExport<K extends string, C extends LazyComponent>(load: () => Promise<Record<K, C>>, name: K) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}
