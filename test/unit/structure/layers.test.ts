import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { cruise, type IForbiddenRuleType } from 'dependency-cruiser';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/layers/${name}`, import.meta.url));

/** What `npm run typecheck` reports for one file checked under one runtime's tsconfig. */
function typeErrors(config: string, file: string): string[] {
  const read = ts.getParsedCommandLineOfConfigFile(`${root}${config}`, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  if (!read) throw new Error(`${config} does not parse`);
  const program = ts.createProgram([file], { ...read.options, composite: false, noEmit: true });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
}

describe('each runtime sees only its own globals', { timeout: 60_000 }, () => {
  it('the renderer has no Buffer', () => {
    expect(typeErrors('tsconfig.renderer.json', fixture('rendererBuffer.ts'))).toEqual([
      expect.stringContaining("Cannot find name 'Buffer'"),
    ]);
  });

  it('a service has no window', () => {
    expect(typeErrors('tsconfig.node.json', fixture('serviceWindow.ts'))).toEqual([expect.stringContaining("Cannot find name 'window'")]);
  });

  it('the core has no fs', () => {
    expect(typeErrors('tsconfig.core.json', fixture('coreFs.ts'))).toEqual([expect.stringContaining("Cannot find module 'node:fs'")]);
  });

  it('the same files pass under a runtime that has what they use', () => {
    expect(typeErrors('tsconfig.node.json', fixture('rendererBuffer.ts'))).toEqual([]);
    expect(typeErrors('tsconfig.renderer.json', fixture('serviceWindow.ts'))).toEqual([]);
  });
});

describe('the import rules of npm run lint', () => {
  const rules = (createRequire(import.meta.url)(`${root}.dependency-cruiser.cjs`) as { forbidden: IForbiddenRuleType[] }).forbidden;

  it('fail on a new import circle', async () => {
    const result = await cruise([fixture('cycle')], { ruleSet: { forbidden: rules }, validate: true });
    if (typeof result.output === 'string') throw new Error('expected the cruise result as an object');
    expect(result.output.summary.violations.map((violation) => violation.rule.name)).toEqual(['no-circular']);
  });

  it('fail on two folders that import each other, though no file circle exists', async () => {
    const result = await cruise([fixture('folderCycle')], { ruleSet: { forbidden: rules }, validate: true });
    if (typeof result.output === 'string') throw new Error('expected the cruise result as an object');
    const names = result.output.summary.violations.map((violation) => violation.rule.name);
    expect(names.length).toBeGreaterThan(0);
    expect(new Set(names)).toEqual(new Set(['no-folder-circle']));
  });
});
