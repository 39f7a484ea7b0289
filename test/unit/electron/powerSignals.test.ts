import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ActivitySignal } from '../../../src/core/automation/activity';
import { watchUserActivity, type PowerMonitorLike } from '../../../electron/adapters/powerSignals';
import { ManualClock } from '../../helpers/manualClock';
import { openTestApp } from '../../helpers/services';
import { useTempDirs } from '../../helpers/tempDir';

const newDir = useTempDirs();

/** A hand-written stand-in for Electron's powerMonitor: the binary cannot run here. */
class StandInPowerMonitor implements PowerMonitorLike {
  idleSeconds = 0;
  readonly #listeners = new Map<string, (() => void)[]>();
  getSystemIdleTime(): number {
    return this.idleSeconds;
  }
  on(event: string, listener: () => void): this {
    this.#listeners.set(event, [...(this.#listeners.get(event) ?? []), listener]);
    return this;
  }
  emit(event: string): void {
    for (const listener of this.#listeners.get(event) ?? []) listener();
  }
}

afterEach(() => vi.useRealTimers());

describe('powerMonitor to the services (stand-in powerMonitor, since the Electron binary cannot run here)', () => {
  it('translates lock, unlock, suspend and resume, and polls the idle time', () => {
    vi.useFakeTimers();
    const monitor = new StandInPowerMonitor();
    const reported: ActivitySignal[] = [];
    const stop = watchUserActivity(monitor, (signal) => reported.push(signal), 15_000);
    for (const event of ['lock-screen', 'unlock-screen', 'suspend', 'resume']) monitor.emit(event);
    monitor.idleSeconds = 42.7;
    vi.advanceTimersByTime(15_000);
    stop();
    vi.advanceTimersByTime(60_000);
    expect(reported).toEqual([
      { kind: 'locked' },
      { kind: 'unlocked' },
      { kind: 'suspended' },
      { kind: 'resumed' },
      { kind: 'idle', idleSeconds: 42 },
    ]);
  });

  it('carries the polled idle time through to Tillfälligt ute and back', () => {
    vi.useFakeTimers();
    const app = openTestApp(newDir(), new ManualClock('2026-11-25T10:00:00+01:00'));
    const update = { workingHours: app.services.state.workingHours, ...structuredClone(app.services.state.automation) };
    update.away.enabled = true;
    expect(app.services.invoke('automation:update', update).ok).toBe(true);
    const monitor = new StandInPowerMonitor();
    const stop = watchUserActivity(monitor, (signal) => app.services.presenceSignals.userActivity(signal), 15_000);
    monitor.idleSeconds = 10 * 60;
    vi.advanceTimersByTime(15_000);
    expect(app.services.state.active.profileId).toBe('temporarily-out');
    monitor.idleSeconds = 0;
    vi.advanceTimersByTime(15_000);
    expect(app.services.state.active.profileId).toBe('available');
    stop();
  });
});
