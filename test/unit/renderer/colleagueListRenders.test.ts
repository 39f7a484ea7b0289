// @vitest-environment happy-dom
// What the Kollegor list renders again on a scroll and on a NOTIFY: a thousand colleagues stay
// smooth only when a scroll renders the rows that come into view, and a NOTIFY its colleague's row.
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ok } from '../../../src/core/errors';
import type { ColleagueState } from '../../../src/core/presence/colleagueState';
import { useServiceNow } from '../../../src/renderer/shared/useServiceNow';
import { openTestApp } from '../../helpers/services';
import { useTempDirs } from '../../helpers/tempDir';
import { softphoneStandIn } from './softphoneStandIn';

// Every row reads the clock once per render: the calls counted are the rows rendered.
vi.mock('../../../src/renderer/shared/useServiceNow', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src/renderer/shared/useServiceNow')>();
  return { ...actual, useServiceNow: vi.fn(actual.useServiceNow) };
});
const rowsRendered = vi.mocked(useServiceNow);

window.softphone = softphoneStandIn(async () => ok(null)).softphone;
const { useAppStore } = await import('../../../src/renderer/shared/appStore');
const { useColleagueStore } = await import('../../../src/renderer/presence/colleagueStore');
const { ColleagueList } = await import('../../../src/renderer/presence/ColleagueList');

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const COLLEAGUES = 1_000;
const ROW_HEIGHT = 56;
const uriOf = (index: number) => `sip:c${index + 1}@example.se`;
const newDir = useTempDirs();
let root: Root;
let container: HTMLElement;

const rowsInPage = () => [...container.querySelectorAll('li.colleague')].map((row) => row.getAttribute('data-uri'));

async function scrollTo(top: number): Promise<void> {
  const viewport = container.querySelector('.colleagues__viewport')!;
  viewport.scrollTop = top;
  await act(async () => viewport.dispatchEvent(new Event('scroll')));
}

beforeEach(async () => {
  const state = structuredClone(openTestApp(newDir()).services.state);
  state.account.directory = Array.from({ length: COLLEAGUES }, (_, index) => ({ name: `Kollega ${index + 1}`, uri: uriOf(index) }));
  useAppStore.getState().receiveState(state);
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root.render(createElement(ColleagueList, { onCall() {}, onMessage() {}, onListenIn() {} })));
  rowsRendered.mockClear();
});

afterEach(async () => {
  await act(async () => root.unmount());
  container.remove();
});

describe('the colleague list of a thousand', () => {
  it('renders no row for a scroll within the top row, and only the rows coming into view for a scroll past it', async () => {
    const before = rowsInPage();
    expect(before.length).toBeLessThan(20);
    await scrollTo(ROW_HEIGHT / 2);
    expect(rowsRendered).not.toHaveBeenCalled();

    await scrollTo(20 * ROW_HEIGHT);
    const after = rowsInPage();
    expect(after).toContain(uriOf(20));
    expect(rowsRendered).toHaveBeenCalledTimes(after.filter((uri) => !before.includes(uri)).length);
  });

  it("renders only the colleague's row for a NOTIFY", async () => {
    const state: ColleagueState = {
      online: true,
      profileName: 'Lunch',
      activity: 'lunch',
      note: null,
      until: null,
      callState: null,
      available: false,
    };
    await act(async () => useColleagueStore.getState().apply(new Map([[uriOf(2), { state, subscription: 'active' as const }]])));
    expect(container.querySelector(`[data-uri="${uriOf(2)}"] .colleague__profile`)?.textContent).toBe('Lunch');
    expect(rowsRendered).toHaveBeenCalledTimes(1);
  });
});
