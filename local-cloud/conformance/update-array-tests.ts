// Documented array update commands: push (each, position, sort, slice), pop, shift, unshift,
// addToSet, pull and pullAll. Test names cite their page (see documented.ts).
import { type DocumentedCases, failure } from './documented';

const U = 'doc_u';

export const arrayUpdateCases: DocumentedCases = (fx) => {
  const start = async (value: unknown) => fx().seed(U, [{ _id: 'a', v: value, s: 'text' }]);
  const update = (data: object) => fx().db.collection(U).doc('a').update({ data });
  const value = async () => (await fx().read(U, 'a')).v;

  it('wx:command/Command.push — push([..]) appends the values (the older signature)', async () => {
    await start(['a', 'b']);
    await update({ v: fx()._.push(['c', 'd']) });
    expect(await value()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('wx:command/Command.push — each with position inserts at that index', async () => {
    await start(['a', 'b', 'c']);
    await update({ v: fx()._.push({ each: ['x', 'y'], position: 1 }) });
    expect(await value()).toEqual(['a', 'x', 'y', 'b', 'c']);
  });

  it('wx:command/Command.push — a negative position counts from the end; beyond the length it appends or prepends', async () => {
    const { _ } = fx();
    await start(['a', 'b', 'c']);
    await update({ v: _.push({ each: ['x'], position: -1 }) });
    expect(await value()).toEqual(['a', 'b', 'x', 'c']);
    await update({ v: _.push({ each: ['y'], position: 10 }) });
    await update({ v: _.push({ each: ['z'], position: -10 }) });
    expect(await value()).toEqual(['z', 'a', 'b', 'x', 'c', 'y']);
  });

  it('wx:command/Command.push — sort orders the whole array after the insert; each: [] only sorts', async () => {
    const { _ } = fx();
    await start(['c', 'a']);
    await update({ v: _.push({ each: ['b'], sort: 1 }) });
    expect(await value()).toEqual(['a', 'b', 'c']);
    await update({ v: _.push({ each: [], sort: -1 }) });
    expect(await value()).toEqual(['c', 'b', 'a']);
  });

  it('wx:command/Command.push — sort { field: -1 } orders an array of documents by that field', async () => {
    await start([{ s: 5 }, { s: 9 }]);
    await update({ v: fx()._.push({ each: [{ s: 7 }], sort: { s: -1 } }) });
    expect(await value()).toEqual([{ s: 9 }, { s: 7 }, { s: 5 }]);
  });

  it('wx:command/Command.push — slice keeps the first n (positive), the last n (negative) or none (0)', async () => {
    const { _ } = fx();
    await start([1, 2, 3]);
    await update({ v: _.push({ each: [4], slice: 2 }) });
    expect(await value()).toEqual([1, 2]);
    await update({ v: _.push({ each: [5], slice: -2 }) });
    expect(await value()).toEqual([2, 5]);
    await update({ v: _.push({ each: [6], slice: 0 }) });
    expect(await value()).toEqual([]);
  });

  it('mdb:operator/update/push — with sort and slice together, the array is sorted first, then sliced', async () => {
    await start([5, 1, 9]);
    await update({ v: fx()._.push({ each: [6, 0], sort: 1, slice: 3 }) });
    expect(await value()).toEqual([0, 1, 5]);
  });

  it('wx:command/Command.push — on a missing field push creates the array', async () => {
    const f = fx();
    await start([]);
    await update({ fresh: f._.push(['x']) });
    expect((await f.read(U, 'a')).fresh).toEqual(['x']);
  });

  it('mdb:operator/update/push — push on a field that is not an array fails', async () => {
    const f = fx();
    await start([]);
    expect(await failure(update({ s: f._.push(['x']) }))).toBeTruthy();
    expect((await f.read(U, 'a')).s).toBe('text');
  });

  it('wx:command/Command.pop — pop removes the last element', async () => {
    await start([1, 2, 3]);
    await update({ v: fx()._.pop() });
    expect(await value()).toEqual([1, 2]);
  });

  it('wx:command/Command.shift — shift removes the first element', async () => {
    await start([1, 2, 3]);
    await update({ v: fx()._.shift() });
    expect(await value()).toEqual([2, 3]);
  });

  it('wx:command/Command.unshift — unshift adds the values at the head, in order', async () => {
    await start(['c']);
    await update({ v: fx()._.unshift(['a', 'b']) });
    expect(await value()).toEqual(['a', 'b', 'c']);
  });

  it('wx:command/Command.addToSet — addToSet adds a value only when absent (then nothing changes)', async () => {
    const { _ } = fx();
    await start(['a', 'b']);
    expect((await update({ v: _.addToSet('b') })).stats.updated).toBe(0);
    await update({ v: _.addToSet('c') });
    expect(await value()).toEqual(['a', 'b', 'c']);
  });

  it('wx:command/Command.addToSet — addToSet({ each: [...] }) adds each absent value once', async () => {
    await start(['a']);
    await update({ v: fx()._.addToSet({ each: ['a', 'b', 'b', 'c'] }) });
    expect(await value()).toEqual(['a', 'b', 'c']);
  });

  it('mdb:operator/update/addToSet — an array value (without each) is added as one element', async () => {
    await start(['a']);
    await update({ v: fx()._.addToSet(['x', 'y']) });
    expect(await value()).toEqual(['a', ['x', 'y']]);
  });

  it('wx:command/Command.pull — pull(value) removes every element equal to it', async () => {
    await start(['a', 'b', 'a', 'c']);
    await update({ v: fx()._.pull('a') });
    expect(await value()).toEqual(['b', 'c']);
  });

  it('wx:command/Command.pull — pull(condition) removes the elements that match it', async () => {
    const { _ } = fx();
    await start([1, 5, 9, 3]);
    await update({ v: _.pull(_.gt(4)) });
    expect(await value()).toEqual([1, 3]);
    await update({ v: _.pull(_.in([1, 2])) });
    expect(await value()).toEqual([3]);
  });

  it('wx:command/Command.pull — on an array of documents, the condition applies to each element as a document', async () => {
    const { _ } = fx();
    await start([
      { type: 'a', area: 150, age: 1 },
      { type: 'b', area: 150, age: 5 },
      { type: 'c', area: 50, age: 1 },
    ]);
    await update({ v: _.pull({ area: _.gt(100), age: _.lt(2) }) });
    expect(await value()).toEqual([
      { type: 'b', area: 150, age: 5 },
      { type: 'c', area: 50, age: 1 },
    ]);
  });

  it('wx:command/Command.pullAll — pullAll removes every element equal to any listed value', async () => {
    await start(['a', 'b', 'c', 'a', 'd']);
    await update({ v: fx()._.pullAll(['a', 'd']) });
    expect(await value()).toEqual(['b', 'c']);
  });
};
