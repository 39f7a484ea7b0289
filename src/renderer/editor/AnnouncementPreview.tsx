import { useEffect, useState } from 'react';
import type { AppError } from '../../core/errors';
import type { ProfileFormDraft } from './editorDraft';
import { previewAnnouncement } from './previewAnnouncement';
import type { Profile } from '../../core/profiles/model';
import { contract } from '../contract/client';
import { requestSpeech } from '../phone/speech';
import { useAppStore } from '../shared/appStore';
import { useTranslation } from '../shared/useTranslation';
import { useErrorText } from '../shared/errorText';

/** The computer's speech engine, once main has looked: a name, null for none, undefined while unknown. */
function useSpeechEngine(): string | null | undefined {
  const [engine, setEngine] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    let current = true;
    void contract.invoke('speech:status', null).then((status) => {
      if (current) setEngine(status.ok ? status.value.engine : null);
    });
    return () => {
      current = false;
    };
  }, []);
  return engine;
}

async function playWav(wav: ArrayBuffer): Promise<void> {
  const context = new AudioContext();
  try {
    const source = context.createBufferSource();
    source.buffer = await context.decodeAudioData(wav);
    source.connect(context.destination);
    await new Promise<void>((resolve) => {
      source.onended = () => resolve();
      source.start();
    });
  } finally {
    void context.close();
  }
}

/** What a caller would hear now, with a button that plays it here, or plainly why it cannot be spoken. */
export function AnnouncementPreview({ draft, stored }: { draft: ProfileFormDraft; stored: Profile | undefined }) {
  const t = useTranslation();
  const errorText = useErrorText();
  const state = useAppStore((store) => store.state);
  const receivedAt = useAppStore((store) => store.receivedAt);
  const engine = useSpeechEngine();
  const [playing, setPlaying] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  if (!state) return null;
  const language = state.account.announcementLanguage;
  const textAt = (now: number) =>
    previewAnnouncement(draft, {
      ...(stored ? { previous: stored } : {}),
      profiles: state.profiles,
      numbers: state.account.numbers,
      now,
      timeZone: state.timeZone,
      workingHours: state.workingHours,
      language,
    });
  // Shown as of the app's last state; played as of the moment of the click.
  const text = textAt(state.now);

  const play = async () => {
    setError(null);
    setPlaying(true);
    const wav = await requestSpeech(textAt(state.now + Math.max(0, Date.now() - receivedAt)), language);
    if (wav.ok) {
      try {
        await playWav(wav.value);
      } catch (failure) {
        setError({ code: 'speech-engine-failed', message: (failure as Error).message });
      }
    } else {
      setError(wav.error);
    }
    setPlaying(false);
  };

  return (
    <div className="editor-field announcement-preview" data-testid="announcement-preview">
      <p className="announcement-preview__text">{t('editor.incoming.preview', { text })}</p>
      {engine === null ? (
        <p className="announcement-preview__no-speech" role="note">
          {t('editor.incoming.noSpeech')}
        </p>
      ) : (
        <button type="button" className="editor-button" aria-disabled={playing || undefined} onClick={() => !playing && void play()}>
          {playing ? t('editor.incoming.previewPlaying') : t('editor.incoming.previewPlay')}
        </button>
      )}
      <p role="status" className="announcement-preview__error">
        {error ? errorText(error) : ''}
      </p>
    </div>
  );
}
