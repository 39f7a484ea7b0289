import { describe, expect, it } from 'vitest';
import { QuitSequence } from '../../../electron/adapters/quitSequence';
import { RendererRestarts } from '../../../electron/adapters/rendererRestarts';
import { openTestApp } from '../../helpers/services';
import { useTempDirs } from '../../helpers/tempDir';

const newDir = useTempDirs();
const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

function beforeQuitEvent() {
  const event = { prevented: 0, preventDefault: () => void event.prevented++ };
  return event;
}

/** Quit runs the sequence the way Electron does: `app.quit()` fires `before-quit` again. */
function quitSequenceOn(app: ReturnType<typeof openTestApp>) {
  const quits: string[] = [];
  const sequence: QuitSequence = new QuitSequence(
    () => app.services.prepareToQuit(),
    () => {
      const again = beforeQuitEvent();
      sequence.onBeforeQuit(again);
      quits.push(again.prevented === 0 ? 'quit' : 'held');
    },
  );
  return { sequence, quits };
}

describe('the quit sequence', () => {
  it('holds the quit until the renderer has signed off, then quits once', async () => {
    const app = openTestApp(newDir());
    const asked: string[] = [];
    app.services.onQuitting(() => asked.push('sign off'));
    const { sequence, quits } = quitSequenceOn(app);

    const first = beforeQuitEvent();
    sequence.onBeforeQuit(first);
    expect(first.prevented).toBe(1);
    expect(sequence.quitting).toBe(true);
    expect(asked).toEqual(['sign off']);
    await flush();
    expect(quits).toEqual([]);

    // A second Cmd+Q while signing off waits for the same sign-off.
    const second = beforeQuitEvent();
    sequence.onBeforeQuit(second);
    expect(second.prevented).toBe(1);
    expect(asked).toEqual(['sign off']);

    expect(app.services.invoke('app:ready-to-quit', null).ok).toBe(true);
    await flush();
    expect(quits).toEqual(['quit']);
  });

  it('quits after the grace period when the renderer cannot answer', async () => {
    const app = openTestApp(newDir());
    app.services.onQuitting(() => undefined);
    const { sequence, quits } = quitSequenceOn(app);
    sequence.onBeforeQuit(beforeQuitEvent());
    app.clock.advance(2_999);
    await flush();
    expect(quits).toEqual([]);
    app.clock.advance(1);
    await flush();
    expect(quits).toEqual(['quit']);
  });

  it('quits at once when no renderer listens', async () => {
    const app = openTestApp(newDir());
    const { sequence, quits } = quitSequenceOn(app);
    sequence.onBeforeQuit(beforeQuitEvent());
    await flush();
    expect(quits).toEqual(['quit']);
  });
});

describe('renderer restarts after a crash', () => {
  it('reload up to the limit within the window, then stop until the user tries again', () => {
    const restarts = new RendererRestarts(3, 5 * 60_000);
    const minute = 60_000;
    expect([0, minute, 2 * minute].map((at) => restarts.allowReload(at))).toEqual([true, true, true]);
    expect(restarts.allowReload(3 * minute)).toBe(false);
    restarts.reset();
    expect(restarts.allowReload(3 * minute + 1)).toBe(true);
  });

  it('forget crashes older than the window', () => {
    const minute = 60_000;
    const restarts = new RendererRestarts(3, 5 * minute);
    for (const at of [0, minute, 2 * minute]) expect(restarts.allowReload(at)).toBe(true);
    // The crash at 0 has left the window: three in the last five minutes is still within the limit.
    expect(restarts.allowReload(5 * minute)).toBe(true);
    expect(restarts.allowReload(5 * minute + 1)).toBe(false);
  });
});
