/**
 * The listeners to one kind of news. One that throws (a closed window, a socket gone) is logged,
 * and the others, and whoever told the news, still go on.
 */
export class Listeners<T> {
  readonly #listeners = new Set<(news: T) => void>();

  constructor(private readonly kind: string) {}

  get size(): number {
    return this.#listeners.size;
  }

  /** Adds `listener`; the function returned removes it. */
  add(listener: (news: T) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  tell(news: T): void {
    for (const listener of this.#listeners) {
      try {
        listener(news);
      } catch (error) {
        console.error(`A ${this.kind} listener failed:`, error);
      }
    }
  }

  clear(): void {
    this.#listeners.clear();
  }
}
