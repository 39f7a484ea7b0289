import { ok, type Result } from '../../core/errors';
import type { Language } from '../../core/i18n/language';
import { contract } from '../contract/client';

/** The text spoken by the computer's own speech engine (main runs it), as WAV bytes. */
export async function requestSpeech(text: string, language: Language): Promise<Result<ArrayBuffer>> {
  const rendered = await contract.invoke('speech:render', { text, language });
  if (!rendered.ok) return rendered;
  const binary = atob(rendered.value.wavBase64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return ok(bytes.buffer);
}
