/* Direction of travel and RAG by polarity, table-driven. */
import { describe, expect, it } from 'vitest';
import { directionLabel, directionOfTravel, movement, ragRating } from './direction.ts';

describe('directionOfTravel', () => {
  it.each([
    [80.0, 85.7, 'high', 'better'],
    [85.7, 80.0, 'high', 'worse'],
    [40.0, 38.3, 'low', 'better'],
    [38.3, 40.0, 'low', 'worse'],
    [85.7, 85.7, 'high', 'same'],
    [85.7, 85.7, 'low', 'same'],
    [500.0, 531.1, 'none', 'up'], // no polarity: which way it moved, never better or worse
    [531.1, 500.0, 'none', 'down'],
    [531.1, 531.1, 'none', 'same'],
    [null, 531.1, 'none', 'not_rated'],
    [null, 85.7, 'high', 'not_rated'],
    [85.7, null, 'low', 'not_rated'],
    [0.1 + 0.2, 0.3, 'high', 'same'], // compared as tenths, not as binary floats
    [-1.5, -1.4, 'high', 'better'],
  ] as const)('%s -> %s (%s) is %s', (prev, curr, polarity, expected) => {
    expect(directionOfTravel(prev, curr, polarity)).toBe(expected);
  });

  it('labels in words first, with the movement as an arrow', () => {
    expect(directionLabel('better', movement(1, 2))).toBe('Better ↑');
    expect(directionLabel('worse', movement(2, 1))).toBe('Worse ↓');
    expect(directionLabel('same', movement(2, 2))).toBe('Same →');
    expect(directionLabel('up', movement(2, 3))).toBe('Up ↑');
    expect(directionLabel('down', movement(3, 2))).toBe('Down ↓');
    expect(directionLabel('not_rated', movement(null, 3))).toBe('Not rated');
  });
});

describe('ragRating (amber within 5% of the comparator)', () => {
  it.each([
    [85.7, 76.7, 'high', 'green'], // 9.0 better, more than 3.8 (5% of 76.7)
    [85.7, 90.3, 'high', 'red'], // 4.6 worse, beyond 4.515 (5% of 90.3)
    [86.0, 90.3, 'high', 'amber'], // 4.3 worse, within 4.515
    [18.6, 17.9, 'low', 'amber'], // 0.7 worse, within 0.895
    [18.6, 16.9, 'low', 'red'], // 1.7 worse, beyond 0.845
    [65.8, 60.0, 'low', 'red'],
    [65.8, 83.4, 'low', 'green'],
    [105.0, 100.0, 'high', 'amber'], // exactly 5%: the band is inclusive
    [0.0, 0.0, 'low', 'amber'],
    [0.1, 0.0, 'low', 'red'],
    [531.1, 532.2, 'none', null],
    [null, 532.2, 'high', null],
    [85.7, null, 'high', null],
  ] as const)('%s against %s (%s)', (value, comparator, polarity, expected) => {
    expect(ragRating(value, comparator, polarity)).toBe(expected);
  });
});
