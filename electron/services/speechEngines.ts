import type { Language } from '../../src/core/i18n/language';

/** How one operating system's own speech engine is run as a separate program. */
export interface SpeechEngine {
  name: string;
  /** A harmless run that fails to start when the engine is not installed. */
  probe: { program: string; args: string[] };
  /** The run that writes `text` in `language` as a WAV file to `outFile`. */
  render(
    text: string,
    language: Language,
    outFile: string,
  ): { program: string; args: string[]; stdin: string | null; env: Record<string, string> };
  /** Names the voice in the cache key, so a change of voice is not served old audio. */
  voice(language: Language): string;
}

const ESPEAK_VOICES: Record<Language, string> = { sv: 'sv', en: 'en' };

/** Linux: espeak-ng (GPL, so called as a program, never linked). The text goes on stdin: a leading "-" is not an option. */
export const espeakNg: SpeechEngine = {
  name: 'espeak-ng',
  probe: { program: 'espeak-ng', args: ['--version'] },
  voice: (language) => ESPEAK_VOICES[language],
  render: (text, language, outFile) => ({
    program: 'espeak-ng',
    args: ['-v', ESPEAK_VOICES[language], '-w', outFile, '--stdin'],
    stdin: text,
    env: {},
  }),
};

// Voices every macOS installs for these languages.
const SAY_VOICES: Record<Language, string> = { sv: 'Alva', en: 'Samantha' };

/** macOS: `say`, 16-bit PCM WAV. `-f -` reads the text from stdin. */
export const macSay: SpeechEngine = {
  name: 'say',
  probe: { program: 'say', args: ['-v', '?'] },
  voice: (language) => SAY_VOICES[language],
  render: (text, language, outFile) => ({
    program: 'say',
    args: ['-v', SAY_VOICES[language], '-o', outFile, '--file-format=WAVE', '--data-format=LEI16@22050', '-f', '-'],
    stdin: text,
    env: {},
  }),
};

const CULTURES: Record<Language, string> = { sv: 'sv', en: 'en' };

// The text and file come in environment variables, which Windows keeps in Unicode; a pipe would
// pass through the console code page and lose å, ä and ö.
const WINDOWS_SCRIPT = [
  'Add-Type -AssemblyName System.Speech',
  '$s = New-Object System.Speech.Synthesis.SpeechSynthesizer',
  '$v = $s.GetInstalledVoices() | Where-Object { $_.Enabled -and $_.VoiceInfo.Culture.Name.StartsWith($env:PROFILTELEFON_SPEECH_CULTURE) } | Select-Object -First 1',
  'if ($v) { $s.SelectVoice($v.VoiceInfo.Name) }',
  '$s.SetOutputToWaveFile($env:PROFILTELEFON_SPEECH_OUT)',
  '$s.Speak($env:PROFILTELEFON_SPEECH_TEXT)',
  '$s.Dispose()',
].join('; ');

/** Windows: the installed speech voices through System.Speech, from PowerShell. */
export const windowsSpeech: SpeechEngine = {
  name: 'windows-speech',
  probe: { program: 'powershell.exe', args: ['-NoProfile', '-NonInteractive', '-Command', 'Add-Type -AssemblyName System.Speech'] },
  voice: (language) => `culture-${CULTURES[language]}`,
  render: (text, language, outFile) => ({
    program: 'powershell.exe',
    args: ['-NoProfile', '-NonInteractive', '-Command', WINDOWS_SCRIPT],
    stdin: null,
    env: { PROFILTELEFON_SPEECH_TEXT: text, PROFILTELEFON_SPEECH_OUT: outFile, PROFILTELEFON_SPEECH_CULTURE: CULTURES[language] },
  }),
};

/** The engine this operating system has, if the app knows one. */
export function speechEngineFor(platform: NodeJS.Platform): SpeechEngine | null {
  switch (platform) {
    case 'linux':
    case 'freebsd':
    case 'openbsd':
      return espeakNg;
    case 'darwin':
      return macSay;
    case 'win32':
      return windowsSpeech;
    default:
      return null;
  }
}
