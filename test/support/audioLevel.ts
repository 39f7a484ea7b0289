import { execFileSync } from 'node:child_process';

export interface AudioLevel {
  seconds: number;
  rmsAmplitude: number;
  maximumAmplitude: number;
}

/** Length and level of a sound file, as `sox FILE -n stat` measures them (amplitudes 0…1). */
export function audioLevel(file: string): AudioLevel {
  // sox writes its statistics to stderr; execFileSync returns only stdout, so merge them.
  const report = execFileSync('sh', ['-c', 'sox "$0" -n stat 2>&1', file], { encoding: 'utf8' });
  const value = (label: string) => {
    const match = new RegExp(`^${label}:\\s+(-?[\\d.]+)`, 'm').exec(report);
    if (!match) throw new Error(`sox stat of ${file} has no "${label}":\n${report}`);
    return Number(match[1]);
  };
  return {
    seconds: value('Length \\(seconds\\)'),
    rmsAmplitude: value('RMS\\s+amplitude'),
    maximumAmplitude: value('Maximum amplitude'),
  };
}
