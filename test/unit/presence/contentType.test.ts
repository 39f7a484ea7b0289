import { describe, expect, it } from 'vitest';
import { hasMediaType } from '../../../src/core/presence/contentType';

describe('hasMediaType', () => {
  it('matches the type whatever its case and parameters', () => {
    expect(hasMediaType('application/pidf+xml', 'application/pidf+xml')).toBe(true);
    expect(hasMediaType(' Application/PIDF+XML ; charset=UTF-8', 'application/pidf+xml')).toBe(true);
  });

  it('refuses another type, a missing header and a type that only starts alike', () => {
    expect(hasMediaType('text/html', 'application/pidf+xml')).toBe(false);
    expect(hasMediaType('application/dialog-info+xml', 'application/pidf+xml')).toBe(false);
    expect(hasMediaType('application/pidf+xml-evil', 'application/pidf+xml')).toBe(false);
    expect(hasMediaType(null, 'application/pidf+xml')).toBe(false);
    expect(hasMediaType('', 'application/pidf+xml')).toBe(false);
  });
});
