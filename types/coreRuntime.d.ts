/**
 * The core runs in Node, in Chromium and in Electron's preload alike, so it may use only what all
 * of them give. These are the WHATWG globals it needs; nothing else of the DOM or of Node is
 * visible to tsconfig.core.json.
 */
interface URLSearchParams {
  get(name: string): string | null;
  has(name: string): boolean;
  toString(): string;
}

interface URL {
  hash: string;
  host: string;
  hostname: string;
  href: string;
  readonly origin: string;
  password: string;
  pathname: string;
  port: string;
  protocol: string;
  search: string;
  readonly searchParams: URLSearchParams;
  username: string;
  toString(): string;
}

declare const URL: {
  prototype: URL;
  new (url: string, base?: string | URL): URL;
};

interface TextEncoder {
  encode(input?: string): Uint8Array;
}

declare const TextEncoder: {
  prototype: TextEncoder;
  new (): TextEncoder;
};

declare function structuredClone<T>(value: T): T;
