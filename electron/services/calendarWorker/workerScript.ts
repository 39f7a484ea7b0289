/** What `new Worker` is given: a file to run, or (from source) code that loads the TypeScript file through tsx. */
export interface WorkerScript {
  script: string | URL;
  eval: boolean;
}

/**
 * From source (tsx, vitest) the worker is the TypeScript file beside this one, loaded through tsx;
 * in a build, electron-vite emits it as calendarParseWorker.js beside the main bundle.
 */
export function parseWorkerScript(): WorkerScript {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const source = new URL('./parseWorker.ts', here).href;
    const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`;
    return { script: boot, eval: true };
  }
  return { script: new URL('./calendarParseWorker.js', here), eval: false };
}
