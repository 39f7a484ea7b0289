import { afterEach, describe, expect, it, vi } from 'vitest';
import { Listeners } from '../../../electron/services/listeners';

describe('Listeners', () => {
  afterEach(() => vi.restoreAllMocks());

  it('tells every listener, in the order they came, until one is removed', () => {
    const listeners = new Listeners<number>('test');
    const heard: string[] = [];
    listeners.add((news) => heard.push(`first ${news}`));
    const removeSecond = listeners.add((news) => heard.push(`second ${news}`));
    listeners.tell(1);
    removeSecond();
    listeners.tell(2);
    expect(heard).toEqual(['first 1', 'second 1', 'first 2']);
    expect(listeners.size).toBe(1);
  });

  it('logs a listener that throws, and the others and the teller go on', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const listeners = new Listeners<string>('state');
    const heard: string[] = [];
    listeners.add(() => {
      throw new Error('window closed');
    });
    listeners.add((news) => heard.push(news));
    expect(() => listeners.tell('changed')).not.toThrow();
    expect(heard).toEqual(['changed']);
    expect(logged).toHaveBeenCalledWith('A state listener failed:', expect.objectContaining({ message: 'window closed' }));
  });
});
