import { describe, expect, it } from 'vitest';
import { incomingShortcut } from '../../../src/core/phone/incomingShortcuts';

const press = (
  key: string,
  change: Partial<{ ctrlKey: boolean; shiftKey: boolean; altKey: boolean; metaKey: boolean; repeat: boolean }> = {},
) => ({
  key,
  ctrlKey: true,
  shiftKey: true,
  altKey: false,
  metaKey: false,
  ...change,
});

describe('incomingShortcut', () => {
  it('answers with Ctrl+Shift+S and declines with Ctrl+Shift+D', () => {
    expect(incomingShortcut(press('S'))).toBe('answer');
    expect(incomingShortcut(press('s'))).toBe('answer');
    expect(incomingShortcut(press('D'))).toBe('decline');
  });

  it('ignores the letters alone, other modifiers, other keys and auto-repeat', () => {
    expect(incomingShortcut(press('s', { ctrlKey: false, shiftKey: false }))).toBeNull();
    expect(incomingShortcut(press('s', { shiftKey: false }))).toBeNull();
    expect(incomingShortcut(press('s', { altKey: true }))).toBeNull();
    expect(incomingShortcut(press('s', { metaKey: true }))).toBeNull();
    expect(incomingShortcut(press('A'))).toBeNull();
    expect(incomingShortcut(press('S', { repeat: true }))).toBeNull();
  });
});
