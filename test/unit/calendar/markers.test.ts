import { describe, expect, it } from 'vitest';
import { findMarker } from '../../../src/core/calendar/markers';

describe('findMarker', () => {
  it.each([
    ['#3 Styrelsemöte', 3],
    ['[3] Styrelsemöte', 3],
    ['[5] Semester i Italien', 5],
    ['Styrelsemöte #3', 3],
    ['Styrelsemöte [12]', 12],
    ['Möte (#3) med styrelsen', 3],
    ['Möte (#3)', 3],
    ['#3: Styrelsemöte', 3],
    ['[3], styrelsen', 3],
    ['Styrelsemöte #3.', 3],
    ['#999 Sista', 999],
    ['#1', 1],
    ['[007] Hemligt', 7],
    ['Styrelsemöte\u00a0#3', 3],
    ['#3 och #5', 3],
    ['#0 ingen, men #4', 4],
    ['C#3 och sedan [8]', 8],
  ])('%j carries %i', (title, expected) => {
    expect(findMarker(title)).toBe(expected);
  });

  it.each([
    ['Styrelsemöte'],
    [''],
    ['#3a Styrelsemöte'],
    ['C#3 kurs'],
    ['issue # open'],
    ['##3'],
    ['#3.5 release'],
    ['[3]Styrelsemöte'],
    ['Styrelsemöte#3'],
    ['#1000 för många'],
    ['#0 noll'],
    ['[0]'],
    ['[3 ] halv'],
    ['# 3 mellanslag'],
    ['#٣ arabisk siffra'],
    ['#３ helbredd siffra'],
    ['a[3] index'],
  ])('%j carries nothing', (title) => {
    expect(findMarker(title)).toBeNull();
  });
});
