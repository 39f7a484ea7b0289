import { describe, expect, it } from 'vitest';
import { readShellRequest } from '../../../electron/web/shellRequest';

const frame = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));

describe("the browser shell's WebSocket frames", () => {
  it('a well-formed request is read as it is', () => {
    expect(readShellRequest(frame({ id: 7, channel: 'state:get', payload: null }))).toEqual({
      ok: true,
      value: { id: 7, channel: 'state:get', payload: null },
    });
  });

  it.each([
    ['a number as channel', { id: 1, channel: 42, payload: null }, 1, 'channel'],
    ['an object as channel', { id: 2, channel: { startsWith: 1 }, payload: null }, 2, 'channel'],
    ['no channel', { id: 3, payload: null }, 3, 'channel'],
    ['a channel of 10 MB', { id: 4, channel: 'x'.repeat(10_000_000), payload: null }, 4, 'channel'],
    ['an extra field', { id: 5, channel: 'state:get', payload: null, extra: true }, 5, '(root)'],
    ['a fractional id', { id: 1.5, channel: 'state:get', payload: null }, null, 'id'],
    ['an array', [1, 'state:get'], null, '(root)'],
    ['null', null, null, '(root)'],
  ])('%s is refused with shell-frame-invalid, answered to its id when it has a usable one', (_label, value, id, field) => {
    const read = readShellRequest(frame(value));
    expect(read).toMatchObject({ ok: false, id, error: { code: 'shell-frame-invalid', field } });
    if (!read.ok) expect(read.error.message.length).toBeLessThanOrEqual(200);
  });

  it('text that is not JSON is refused with shell-frame-not-json', () => {
    expect(readShellRequest(frame('{"id": 1, "channel"'))).toMatchObject({ ok: false, id: null, error: { code: 'shell-frame-not-json' } });
  });
});
