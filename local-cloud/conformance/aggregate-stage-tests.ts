// Documented aggregation stages: match, project, addFields, group and its accumulators, sort,
// skip, limit, count, sortByCount, replaceRoot, sample and bucket (lookup and unwind are in
// aggregate-join-tests.ts). Test names cite their page (see documented.ts).
import { type DocumentedCases, failure } from './documented';

const A = 'doc_a';

const people = [
  { _id: 'p1', name: 'An', city: 'sh', age: 19, secret: 's1', o: { x: 1, y: 2 } },
  { _id: 'p2', name: 'Bo', city: 'bj', age: 21, secret: 's2', o: { x: 2, y: 3 } },
  { _id: 'p3', name: 'Cy', city: 'sh', age: 23, secret: 's3', o: { x: 3, y: 4 } },
  { _id: 'p4', name: 'Di', city: 'gz', age: 25, secret: 's4', o: { x: 4, y: 5 } },
];

export const projectionStageCases: DocumentedCases = (fx) => {
  it('wx:aggregate/Aggregate.match — match filters with query commands, as where() does', async () => {
    const f = fx();
    await f.seed(A, people);
    const { list } = await f
      .pipeline(A)
      .match({ city: 'sh', age: f._.gt(20) })
      .end();
    expect(list.map((d) => d._id)).toEqual(['p3']);
  });

  it('wx:aggregate/Aggregate.project — 1 includes a field (with _id unless _id: 0)', async () => {
    const f = fx();
    await f.seed(A, people);
    const { list } = await f.pipeline(A).match({ _id: 'p1' }).project({ name: 1 }).end();
    expect(list).toEqual([{ _id: 'p1', name: 'An' }]);
    const noId = await f.pipeline(A).match({ _id: 'p1' }).project({ _id: 0, name: 1, 'o.y': 1 }).end();
    expect(noId.list).toEqual([{ name: 'An', o: { y: 2 } }]);
  });

  it('wx:aggregate/Aggregate.project — 0 excludes a field and keeps the rest', async () => {
    const f = fx();
    await f.seed(A, people);
    const { list } = await f.pipeline(A).match({ _id: 'p1' }).project({ secret: 0, o: 0 }).end();
    expect(list).toEqual([{ _id: 'p1', name: 'An', city: 'sh', age: 19 }]);
  });

  it('wx:aggregate/Aggregate.project — a field path or an expression computes a new field', async () => {
    const f = fx();
    await f.seed(A, people);
    const { list } = await f
      .pipeline(A)
      .match({ _id: 'p2' })
      .project({ who: '$name', sum: f.$.add(['$o.x', '$o.y']) })
      .end();
    expect(list).toEqual([{ _id: 'p2', who: 'Bo', sum: 5 }]);
  });

  it('mdb:operator/aggregation/project — inclusion and exclusion cannot be mixed (except _id)', async () => {
    const f = fx();
    await f.seed(A, people);
    expect(await failure(f.pipeline(A).project({ name: 1, secret: 0 }).end())).toBeTruthy();
  });

  it('wx:aggregate/Aggregate.addFields — adds computed fields and keeps every other field', async () => {
    const f = fx();
    await f.seed(A, people);
    const { list } = await f
      .pipeline(A)
      .match({ _id: 'p1' })
      .addFields({ next: f.$.add(['$age', 1]), name: 'Renamed' })
      .end();
    expect(list).toEqual([{ ...people[0], next: 20, name: 'Renamed' }]);
  });

  it('mdb:operator/aggregation/addFields — a dot path adds a field inside an embedded document', async () => {
    const f = fx();
    await f.seed(A, people);
    const { list } = await f.pipeline(A).match({ _id: 'p1' }).addFields({ 'o.z': 9 }).end();
    expect(list[0].o).toEqual({ x: 1, y: 2, z: 9 });
  });

  it('wx:aggregate/Aggregate.replaceRoot — newRoot promotes an embedded document', async () => {
    const f = fx();
    await f.seed(A, people);
    const { list } = await f.pipeline(A).match({ _id: 'p2' }).replaceRoot({ newRoot: '$o' }).end();
    expect(list).toEqual([{ x: 2, y: 3 }]);
  });

  it('mdb:operator/aggregation/replaceRoot — a newRoot that is not a document fails', async () => {
    const f = fx();
    await f.seed(A, people);
    expect(await failure(f.pipeline(A).replaceRoot({ newRoot: '$name' }).end())).toBeTruthy();
  });
};

export const groupStageCases: DocumentedCases = (fx) => {
  it('wx:aggregate/Aggregate.group — group by a field with sum, avg, min and max', async () => {
    const f = fx();
    await f.seed(A, people);
    const { $ } = f;
    const { list } = await f
      .pipeline(A)
      .group({ _id: '$city', n: $.sum(1), avg: $.avg('$age'), min: $.min('$age'), max: $.max('$age') })
      .sort({ _id: 1 })
      .end();
    expect(list).toEqual([
      { _id: 'bj', n: 1, avg: 21, min: 21, max: 21 },
      { _id: 'gz', n: 1, avg: 25, min: 25, max: 25 },
      { _id: 'sh', n: 2, avg: 21, min: 19, max: 23 },
    ]);
  });

  it('wx:command/aggregate/AggregateCommand.first — first and last take the first and last document of each group in input order', async () => {
    const f = fx();
    await f.seed(A, people);
    const { list } = await f
      .pipeline(A)
      .sort({ age: -1 })
      .group({ _id: null, oldest: f.$.first('$name'), youngest: f.$.last('$name') })
      .end();
    expect(list).toEqual([{ _id: null, oldest: 'Di', youngest: 'An' }]);
  });

  it('wx:command/aggregate/AggregateCommand.push — push collects every value, addToSet the distinct ones', async () => {
    const f = fx();
    await f.seed(A, people);
    const { list } = await f
      .pipeline(A)
      .sort({ age: 1 })
      .group({ _id: null, names: f.$.push('$name'), cities: f.$.addToSet('$city') })
      .end();
    expect(list[0].names).toEqual(['An', 'Bo', 'Cy', 'Di']);
    expect((list[0].cities as string[]).sort()).toEqual(['bj', 'gz', 'sh']);
  });

  it('mdb:operator/aggregation/group — _id: null groups the whole input; a document _id groups by several fields', async () => {
    const f = fx();
    await f.seed(A, people);
    const all = await f
      .pipeline(A)
      .group({ _id: null, n: f.$.sum(1) })
      .end();
    expect(all.list).toEqual([{ _id: null, n: 4 }]);
    const byTwo = await f
      .pipeline(A)
      .group({ _id: { city: '$city', adult: f.$.gte(['$age', 21]) }, n: f.$.sum(1) })
      .sort({ '_id.city': 1, '_id.adult': 1 })
      .end();
    expect(byTwo.list).toEqual([
      { _id: { city: 'bj', adult: true }, n: 1 },
      { _id: { city: 'gz', adult: true }, n: 1 },
      { _id: { city: 'sh', adult: false }, n: 1 },
      { _id: { city: 'sh', adult: true }, n: 1 },
    ]);
  });

  it('mdb:operator/aggregation/sum — sum and avg ignore non-numbers; avg of no numbers is null', async () => {
    const f = fx();
    await f.seed(A, [
      { _id: 'a', g: 1, v: 4 },
      { _id: 'b', g: 1, v: '5' },
      { _id: 'c', g: 1 },
      { _id: 'd', g: 1, v: 2 },
      { _id: 'e', g: 2, v: 'x' },
    ]);
    const { list } = await f
      .pipeline(A)
      .group({ _id: '$g', sum: f.$.sum('$v'), avg: f.$.avg('$v') })
      .sort({ _id: 1 })
      .end();
    expect(list).toEqual([
      { _id: 1, sum: 6, avg: 3 },
      { _id: 2, sum: 0, avg: null },
    ]);
  });

  it('mdb:operator/aggregation/min — min and max ignore null and missing values', async () => {
    const f = fx();
    await f.seed(A, [{ _id: 'a', v: 4 }, { _id: 'b', v: null }, { _id: 'c' }, { _id: 'd', v: 9 }]);
    const { list } = await f
      .pipeline(A)
      .group({ _id: null, min: f.$.min('$v'), max: f.$.max('$v') })
      .end();
    expect(list).toEqual([{ _id: null, min: 4, max: 9 }]);
  });

  it('mdb:operator/aggregation/group — documents without the group field form the null group', async () => {
    const f = fx();
    await f.seed(A, [{ _id: 'a', k: 'x' }, { _id: 'b' }, { _id: 'c', k: null }]);
    const { list } = await f
      .pipeline(A)
      .group({ _id: '$k', n: f.$.sum(1) })
      .sort({ _id: 1 })
      .end();
    expect(list).toEqual([
      { _id: null, n: 2 },
      { _id: 'x', n: 1 },
    ]);
  });

  it('wx:aggregate/Aggregate.sortByCount — groups by the expression and sorts by count, descending', async () => {
    const f = fx();
    await f.seed(A, [{ category: 'Web' }, { category: 'Web' }, { category: 'Life' }]);
    const { list } = await f.pipeline(A).sortByCount('$category').end();
    expect(list).toEqual([
      { _id: 'Web', count: 2 },
      { _id: 'Life', count: 1 },
    ]);
  });

  it('wx:aggregate/Aggregate.sortByCount — after unwind it counts array elements', async () => {
    const f = fx();
    await f.seed(A, [{ tags: ['JavaScript', 'C#'] }, { tags: ['Go', 'C#'] }, { tags: ['Go', 'Python', 'JavaScript'] }]);
    const { list } = await f.pipeline(A).unwind('$tags').sortByCount('$tags').end();
    expect(list.slice(0, 3).map((d) => d.count)).toEqual([2, 2, 2]);
    expect(
      list
        .slice(0, 3)
        .map((d) => d._id)
        .sort(),
    ).toEqual(['C#', 'Go', 'JavaScript']);
    expect(list[3]).toEqual({ _id: 'Python', count: 1 });
  });

  it('wx:aggregate/Aggregate.bucket — buckets by boundaries with a default bucket; empty buckets are not output', async () => {
    const f = fx();
    await f.seed(A, [
      { _id: '1', price: 10 },
      { _id: '2', price: 50 },
      { _id: '3', price: 20 },
      { _id: '4', price: 80 },
      { _id: '5', price: 200 },
    ]);
    const { list } = await f
      .pipeline(A)
      .bucket({ groupBy: '$price', boundaries: [0, 50, 100, 150], default: 'other', output: { count: f.$.sum(1), ids: f.$.push('$_id') } })
      .end();
    expect(list).toEqual([
      { _id: 0, count: 2, ids: ['1', '3'] },
      { _id: 50, count: 2, ids: ['2', '4'] },
      { _id: 'other', count: 1, ids: ['5'] },
    ]);
  });

  it('mdb:operator/aggregation/bucket — a value outside the boundaries without a default fails', async () => {
    const f = fx();
    await f.seed(A, [{ price: 10 }, { price: 500 }]);
    expect(
      await failure(
        f
          .pipeline(A)
          .bucket({ groupBy: '$price', boundaries: [0, 100] })
          .end(),
      ),
    ).toBeTruthy();
  });
};

export const flowStageCases: DocumentedCases = (fx) => {
  it('wx:aggregate/Aggregate.sort — sorts by several keys in order', async () => {
    const f = fx();
    await f.seed(A, people);
    const { list } = await f.pipeline(A).sort({ city: -1, age: -1 }).end();
    expect(list.map((d) => d._id)).toEqual(['p3', 'p1', 'p4', 'p2']);
  });

  it('wx:aggregate/Aggregate.skip — skip then limit', async () => {
    const f = fx();
    await f.seed(A, people);
    const { list } = await f.pipeline(A).sort({ age: 1 }).skip(1).limit(2).end();
    expect(list.map((d) => d._id)).toEqual(['p2', 'p3']);
  });

  it('wx:aggregate/Aggregate.count — count(field) outputs one document with the number of inputs', async () => {
    const f = fx();
    await f.seed(A, people);
    expect((await f.pipeline(A).match({ city: 'sh' }).count('total').end()).list).toEqual([{ total: 2 }]);
  });

  it('mdb:operator/aggregation/count — count of an empty input outputs no document', async () => {
    const f = fx();
    await f.seed(A, people);
    expect((await f.pipeline(A).match({ city: 'none' }).count('total').end()).list).toEqual([]);
  });

  it('wx:aggregate/Aggregate.sample — sample({size}) returns that many distinct documents of the input', async () => {
    const f = fx();
    await f.seed(A, people);
    const { list } = await f.pipeline(A).sample({ size: 2 }).end();
    expect(list).toHaveLength(2);
    expect(new Set(list.map((d) => d._id)).size).toBe(2);
    for (const d of list) expect(people).toContainEqual(d);
    expect((await f.pipeline(A).sample({ size: 10 }).end()).list).toHaveLength(4);
  });
};
