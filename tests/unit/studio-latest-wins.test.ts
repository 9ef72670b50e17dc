import { describe, expect, it } from 'vitest';
import { LatestWins } from '../../src/app/latest-wins.ts';

describe('LatestWins', () => {
  it('sends at most one request at a time and only the newest queued one afterwards', () => {
    const sent: Array<[number, string]> = [];
    const queue = new LatestWins<string>((id, payload) => sent.push([id, payload]));
    queue.request('a');
    queue.request('b');
    queue.request('c');
    expect(sent).toEqual([[1, 'a']]);
    expect(queue.isIdle()).toBe(false);
    // A stale id settles nothing.
    expect(queue.settle(7)).toBeNull();
    expect(queue.settle(1)).toBe('a');
    // 'b' was superseded by 'c' before it was ever sent.
    expect(sent).toEqual([
      [1, 'a'],
      [2, 'c'],
    ]);
    expect(queue.settle(2)).toBe('c');
    expect(queue.isIdle()).toBe(true);
  });

  it('forgets everything on reset', () => {
    const sent: number[] = [];
    const queue = new LatestWins<number>((id) => sent.push(id));
    queue.request(1);
    queue.request(2);
    queue.reset();
    expect(queue.isIdle()).toBe(true);
    expect(queue.settle(1)).toBeNull();
    queue.request(3);
    expect(sent).toEqual([1, 2]);
  });
});
