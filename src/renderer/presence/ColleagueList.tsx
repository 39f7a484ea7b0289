import { memo, useMemo, useState, type UIEvent } from 'react';
import type { Colleague } from '../../core/account/model';
import type { ColleagueState } from '../../core/presence/colleagueState';
import { canListenIn } from '../../core/phone/listenIn';
import { formatEndTime } from '../../core/time/format';
import { useAppStore } from '../shared/appStore';
import { useColleagueStore, type ColleagueEntry } from './colleagueStore';
import { useServiceNow } from '../shared/useServiceNow';
import { useLanguage, useTranslation } from '../shared/useTranslation';
import { ListenInStatus } from './ListenInStatus';

const ROW_HEIGHT = 56;
const VIEWPORT_HEIGHT = 448;
const OVERSCAN = 6;
/** Rows partly in view when the top one is cut: one more than fit whole. */
const ROWS_IN_VIEW = Math.ceil(VIEWPORT_HEIGHT / ROW_HEIGHT) + 1;
const NO_COLLEAGUES: Colleague[] = [];

const ICON_PATHS = {
  call: 'M6.6 10.8a15.2 15.2 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.57a1 1 0 0 1-.25 1z',
  message: 'M3 5h18v14H3z M3 5l9 7 9-7',
  bell: 'M6 16V11a6 6 0 0 1 12 0v5l2 2H4z M10 20a2 2 0 0 0 4 0',
  headphones: 'M4 15v-3a8 8 0 0 1 16 0v3 M4 15h3v5H4z M17 15h3v5h-3z',
} as const;

function Icon({ name }: { name: keyof typeof ICON_PATHS }) {
  return (
    <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      <path d={ICON_PATHS[name]} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinejoin="round" />
    </svg>
  );
}

interface ColleagueListProps {
  onCall(uri: string): void;
  onMessage(uri: string): void;
  onListenIn(colleague: Colleague): void;
}

/** The dot's colour: green for available, red for a call, orange for away or hidden, grey for offline. */
function toneOf(state: ColleagueState): string {
  if (state.callState === 'busy' || state.callState === 'ringing-in' || state.callState === 'ringing-out') return state.callState;
  if (state.available) return 'idle';
  return 'hidden';
}

function useStatusText(entry: ColleagueEntry | undefined): { profile: string; detail: string; tone: string } {
  const t = useTranslation();
  const language = useLanguage();
  const now = useServiceNow();
  const timeZone = useAppStore((store) => store.state?.timeZone ?? 'UTC');
  const state = entry?.state;
  // An active subscription with no document means the colleague publishes nothing: not signed in.
  if (!state)
    return {
      profile: entry === undefined || entry.subscription === 'pending' ? t('presence.unknown') : t('presence.offline'),
      detail: '',
      tone: 'offline',
    };
  if (!state.online) return { profile: t('presence.offline'), detail: '', tone: 'offline' };
  const activity = state.activity === null ? null : t(`presence.activity.${state.activity}`);
  const profile = state.profileName ?? activity ?? (state.available ? t('presence.available') : '');
  const parts: string[] = [];
  if (state.callState !== null) parts.push(t(`presence.callState.${state.callState}`));
  if (state.until !== null) parts.push(t('presence.until', { time: formatEndTime(state.until, now, language, timeZone) }));
  if (state.note) parts.push(state.note);
  return { profile, detail: parts.join(' · '), tone: toneOf(state) };
}

/** Memoised: a scroll renders only the rows that come into view, and a NOTIFY only its colleague's row. */
const ColleagueRow = memo(function ColleagueRow({
  colleague,
  top,
  onCall,
  onMessage,
  onListenIn,
  supervising,
}: { colleague: Colleague; top: number; supervising: boolean } & ColleagueListProps) {
  const t = useTranslation();
  const entry = useColleagueStore((store) => store.byUri[colleague.uri]);
  const watching = useColleagueStore((store) => store.watching[colleague.uri] === true);
  const toggleWatch = useColleagueStore((store) => store.toggleWatch);
  const status = useStatusText(entry);
  return (
    <li className="colleague" style={{ transform: `translateY(${top}px)` }} data-uri={colleague.uri}>
      <span className={`call-dot call-dot--${status.tone}`} aria-hidden="true" />
      <span className="colleague__text">
        <span className="colleague__name">{colleague.name}</span>
        <span className="colleague__profile">{status.profile}</span>
        <span className="colleague__detail">{status.detail}</span>
      </span>
      <button type="button" aria-label={t('presence.call', { name: colleague.name })} onClick={() => onCall(colleague.uri)}>
        <Icon name="call" />
      </button>
      <button type="button" aria-label={t('presence.message', { name: colleague.name })} onClick={() => onMessage(colleague.uri)}>
        <Icon name="message" />
      </button>
      <button
        type="button"
        aria-label={t('presence.watch', { name: colleague.name })}
        aria-pressed={watching}
        onClick={() => toggleWatch(colleague.uri)}
      >
        <Icon name="bell" />
      </button>
      {supervising && entry?.state?.callState === 'busy' && (
        <button type="button" aria-label={t('listenIn.start', { name: colleague.name })} onClick={() => onListenIn(colleague)}>
          <Icon name="headphones" />
        </button>
      )}
    </li>
  );
});

/** Only the rows in view are rendered, so a thousand colleagues scroll as smoothly as ten. */
export function ColleagueList({ onCall, onMessage, onListenIn }: ColleagueListProps) {
  const t = useTranslation();
  const supervising = useAppStore((store) => (store.state ? canListenIn(store.state.account) : false));
  const directory = useAppStore((store) => store.state?.account.directory ?? NO_COLLEAGUES);
  const announcement = useColleagueStore((store) => store.announcement);
  const [filter, setFilter] = useState('');
  // The first row in view, not the scroll offset: a scroll within a row changes nothing to render.
  const [topRow, setTopRow] = useState(0);
  const shown = useMemo(() => {
    const needle = filter.trim().toLocaleLowerCase('sv');
    return needle === '' ? directory : directory.filter((colleague) => colleague.name.toLocaleLowerCase('sv').includes(needle));
  }, [directory, filter]);
  const first = Math.max(0, topRow - OVERSCAN);
  const last = Math.min(shown.length, topRow + ROWS_IN_VIEW + OVERSCAN);
  const announcedName = directory.find((colleague) => colleague.uri === announcement)?.name;

  return (
    <section aria-labelledby="colleagues-heading" className="colleagues">
      <h2 id="colleagues-heading">{t('presence.heading')}</h2>
      <p role="status" className="colleagues__announcement">
        {announcedName ? t('presence.nowAvailable', { name: announcedName }) : ''}
      </p>
      <ListenInStatus />
      <label className="colleagues__filter">
        {t('presence.filter')}
        <input type="search" value={filter} onChange={(event) => setFilter(event.target.value)} />
      </label>
      {shown.length === 0 ? (
        <p>{t('presence.empty')}</p>
      ) : (
        <div
          className="colleagues__viewport"
          style={{ height: VIEWPORT_HEIGHT }}
          onScroll={(event: UIEvent<HTMLDivElement>) => setTopRow(Math.floor(event.currentTarget.scrollTop / ROW_HEIGHT))}
        >
          <ul aria-label={t('presence.heading')} style={{ height: shown.length * ROW_HEIGHT }}>
            {shown.slice(first, last).map((colleague, index) => (
              <ColleagueRow
                key={colleague.uri}
                colleague={colleague}
                top={(first + index) * ROW_HEIGHT}
                onCall={onCall}
                onMessage={onMessage}
                onListenIn={onListenIn}
                supervising={supervising}
              />
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
