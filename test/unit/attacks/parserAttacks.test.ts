import { afterAll, describe, it } from 'vitest';
import { assertNoFault } from '../../helpers/attacks/judgeCase';
import { PARSER_TARGETS, settingsFileTarget } from '../../helpers/attacks/parserAttacks';

/** A bounded count per parser for every run; `npm run fuzz` runs the same attacks far longer. */
const RUNS_PER_PARSER = 100;
/** Each settings case writes and reads a real file. */
const RUNS_OF_SETTINGS_FILES = 40;

describe('generated attacks on the parsers of what comes from outside', () => {
  for (const target of PARSER_TARGETS) {
    it(`${target.name}: ${RUNS_PER_PARSER} valid and broken inputs each give a result or a known code, never a throw or a hang`, async () => {
      await assertNoFault(target.input, target.run, RUNS_PER_PARSER);
    }, 60_000);
  }

  const settingsFile = settingsFileTarget();
  afterAll(() => settingsFile.dispose());
  it(`settings files: ${RUNS_OF_SETTINGS_FILES} valid and broken files each load as settings the app can show, with a notice when they were repaired or replaced`, async () => {
    await assertNoFault(settingsFile.input, settingsFile.run, RUNS_OF_SETTINGS_FILES);
  }, 60_000);
});
