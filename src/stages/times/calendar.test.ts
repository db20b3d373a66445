import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addMonths, isoWeek, narrow, narrowMonth, seasonInterval, weekStart, weekValue } from './calendar.js';

describe('times calendar', () => {
  it('numbers ISO weeks across year ends (the week belongs to the year of its Thursday)', () => {
    assert.deepEqual(isoWeek('2024-10-28'), { year: 2024, week: 44 });
    assert.equal(weekValue('2024-12-30'), '2025-W01');
    assert.equal(weekValue('2021-01-03'), '2020-W53');
    assert.equal(weekValue('2026-01-01'), '2026-W01');
    assert.equal(weekStart('2024-11-03'), '2024-10-28');
  });

  it('adds months with the day clamped to the target month', () => {
    assert.equal(addMonths('2024-03-31', -1), '2024-02-29');
    assert.equal(addMonths('2024-10-28', -12), '2023-10-28');
    assert.equal(addMonths('2024-01-15', -2), '2023-11-15');
  });

  it('narrows intervals to their early, middle and late parts', () => {
    assert.deepEqual(narrowMonth(2024, 2, 'END'), { from: '2024-02-21', to: '2024-02-29' });
    assert.deepEqual(narrow({ from: '2024-10-28', to: '2024-11-03' }, 'START'), {
      from: '2024-10-28',
      to: '2024-10-29',
    });
  });

  it('runs winter from December into the next year', () => {
    assert.deepEqual(seasonInterval(2023, 'WI'), { from: '2023-12-01', to: '2024-02-29' });
  });
});
