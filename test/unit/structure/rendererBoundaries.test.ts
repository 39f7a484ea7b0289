import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** The rules npm run lint reports for this code, as if it were the file at `path` (a file that exists, so the type-aware rules find its program). */
async function ruleIds(code: string, path: string): Promise<(string | null)[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${path}` });
  return result!.messages.map((message) => message.ruleId);
}

describe('the renderer boundaries of npm run lint', { timeout: 60_000 }, () => {
  it('refuse window.softphone and window.softphoneDebug outside the contract client', async () => {
    const code = "export const a = window.softphone.invoke('state:get', null);\nexport const b = window.softphoneDebug;\n";
    expect(await ruleIds(code, 'src/renderer/phone/callMedia.ts')).toEqual(['no-restricted-properties', 'no-restricted-properties']);
    expect(await ruleIds(code, 'src/renderer/contract/client.ts')).toEqual([]);
  });

  it('refuse a bare softphone global outside the contract client', async () => {
    expect(await ruleIds("export const a = softphone.invoke('state:get', null);\n", 'src/renderer/shell/Notices.tsx')).toEqual([
      'no-restricted-globals',
    ]);
  });

  it('refuse setState on a store outside its own module', async () => {
    const code = "import { usePhoneStore } from './phoneStore';\nexport const clear = () => usePhoneStore.setState({ error: null });\n";
    expect(await ruleIds(code, 'src/renderer/phone/callMedia.ts')).toEqual(['no-restricted-syntax']);
    expect(await ruleIds(code, 'src/renderer/phone/linkCallStore.ts')).toEqual([]);
  });
});
