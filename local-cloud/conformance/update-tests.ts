// Documented update behaviour: field commands (set, remove, inc, mul, min, max, rename), nested
// merge vs replace, array index paths, stats, set() and what the SDK refuses. Test names cite
// their page (see documented.ts); array commands are in update-array-tests.ts.
import { type DocumentedCases, failure } from './documented';

const U = 'doc_u';

export const fieldUpdateCases: DocumentedCases = (fx) => {
  const base = { _id: 'a', n: 5, s: 'x', o: { x: 1, y: 2 }, tags: ['a', 'b', 'c'], items: [{ qty: 1 }, { qty: 2 }] };
  const update = (data: object) => fx().db.collection(U).doc('a').update({ data });

  it('wx:document/Document.update — update sets the given fields and keeps the others', async () => {
    const f = fx();
    await f.seed(U, [base]);
    await update({ s: 'y', added: true });
    expect(await f.read(U, 'a')).toEqual({ ...base, s: 'y', added: true });
  });

  it('wx:command/Command.set — a plain nested object merges into the embedded document', async () => {
    const f = fx();
    await f.seed(U, [base]);
    await update({ o: { y: 3, z: 4 } });
    expect((await f.read(U, 'a')).o).toEqual({ x: 1, y: 3, z: 4 });
  });

  it('wx:command/Command.set — set(object) replaces the embedded document', async () => {
    const f = fx();
    await f.seed(U, [base]);
    await update({ o: f._.set({ z: 4 }) });
    expect((await f.read(U, 'a')).o).toEqual({ z: 4 });
  });

  it('wx:command/Command.remove — remove() deletes a field, also by dot path', async () => {
    const f = fx();
    await f.seed(U, [base]);
    await update({ s: f._.remove(), 'o.y': f._.remove() });
    const doc = await f.read(U, 'a');
    expect('s' in doc).toBe(false);
    expect(doc.o).toEqual({ x: 1 });
  });

  it('wx:command/Command.inc — inc adds (or subtracts); a missing field is created with the amount', async () => {
    const f = fx();
    await f.seed(U, [base]);
    await update({ n: f._.inc(-2), fresh: f._.inc(7) });
    const doc = await f.read(U, 'a');
    expect([doc.n, doc.fresh]).toEqual([3, 7]);
  });

  it('mdb:operator/update/inc — inc on a non-numeric value fails and changes nothing', async () => {
    const f = fx();
    await f.seed(U, [base]);
    expect(await failure(update({ s: f._.inc(1), n: f._.inc(1) }))).toBeTruthy();
    expect((await f.read(U, 'a')).n).toBe(5);
  });

  it('wx:command/Command.mul — mul multiplies; a missing field is created as 0 (mdb:operator/update/mul)', async () => {
    const f = fx();
    await f.seed(U, [base]);
    await update({ n: f._.mul(3), fresh: f._.mul(5) });
    const doc = await f.read(U, 'a');
    expect([doc.n, doc.fresh]).toEqual([15, 0]);
  });

  it('wx:command/Command.min — min lowers a value only; a missing field takes the value (mdb:operator/update/min)', async () => {
    const f = fx();
    await f.seed(U, [base]);
    await update({ n: f._.min(9), fresh: f._.min(4) });
    expect((await f.read(U, 'a')).n).toBe(5);
    await update({ n: f._.min(2) });
    const doc = await f.read(U, 'a');
    expect([doc.n, doc.fresh]).toEqual([2, 4]);
  });

  it('wx:command/Command.max — max raises a value only', async () => {
    const f = fx();
    await f.seed(U, [base]);
    await update({ n: f._.max(1) });
    expect((await f.read(U, 'a')).n).toBe(5);
    await update({ n: f._.max(8) });
    expect((await f.read(U, 'a')).n).toBe(8);
  });

  it('mdb:operator/update/max — max compares values of different types in BSON order (a string is above a number)', async () => {
    const f = fx();
    await f.seed(U, [base]);
    await update({ n: f._.max('x') });
    expect((await f.read(U, 'a')).n).toBe('x');
  });

  it('mdb:operator/update/inc — a decimal amount adds as a double', async () => {
    const f = fx();
    await f.seed(U, [base]);
    await update({ n: f._.inc(0.5) });
    expect((await f.read(U, 'a')).n).toBe(5.5);
  });

  it('mdb:operator/update/unset — removing a field that does not exist changes nothing', async () => {
    const f = fx();
    await f.seed(U, [base]);
    expect((await update({ nope: f._.remove() })).stats.updated).toBe(0);
  });

  it('mdb:operator/update/min — min compares dates', async () => {
    const f = fx();
    await f.seed(U, [{ _id: 'a', at: new Date('2026-05-01T00:00:00Z') }]);
    await update({ at: f._.min(new Date('2026-01-01T00:00:00Z')) });
    expect((await f.read(U, 'a')).at).toEqual(new Date('2026-01-01T00:00:00Z'));
  });

  it('wx:command/Command.rename — rename a top-level field and a nested one (dot path)', async () => {
    const f = fx();
    await f.seed(U, [base]);
    await update({ n: f._.rename('count'), 'o.x': f._.rename('o.z') });
    const doc = await f.read(U, 'a');
    expect([doc.n, doc.count, doc.o]).toEqual([undefined, 5, { y: 2, z: 1 }]);
  });

  it('mdb:operator/update/rename — renaming a missing field changes nothing; renaming onto a field replaces it', async () => {
    const f = fx();
    await f.seed(U, [base]);
    expect((await update({ nope: f._.rename('other') })).stats.updated).toBe(0);
    await update({ n: f._.rename('s') });
    const doc = await f.read(U, 'a');
    expect([doc.n, doc.s]).toEqual([undefined, 5]);
  });

  it('wxguide:update — an array index in the path updates one element', async () => {
    const f = fx();
    await f.seed(U, [base]);
    await update({ 'tags.1': 'B', 'items.1.qty': f._.inc(5) });
    const doc = await f.read(U, 'a');
    expect(doc.tags).toEqual(['a', 'B', 'c']);
    expect(doc.items).toEqual([{ qty: 1 }, { qty: 7 }]);
  });

  it('wx:command/Command.set — set(object) at an array index path replaces that element', async () => {
    const f = fx();
    await f.seed(U, [base]);
    await update({ 'items.0': f._.set({ qty: 9, note: 'x' }) });
    expect((await f.read(U, 'a')).items).toEqual([{ qty: 9, note: 'x' }, { qty: 2 }]);
  });

  it('mdb:operator/update/set — a dot path through missing fields creates the embedded documents', async () => {
    const f = fx();
    await f.seed(U, [base]);
    await update({ 'p.q.r': 1 });
    expect((await f.read(U, 'a')).p).toEqual({ q: { r: 1 } });
  });

  it('wxguide:update — commands inside a nested object apply to the nested field', async () => {
    const f = fx();
    await f.seed(U, [base]);
    await update({ o: { x: f._.inc(10) } });
    expect((await f.read(U, 'a')).o).toEqual({ x: 11, y: 2 });
  });
};

export const documentWriteCases: DocumentedCases = (fx) => {
  it('wx:collection/Collection.add — add with serverDate() stores the server time as a date; offset moves it', async () => {
    const f = fx();
    const { _id } = await f.db.collection(U).add({ data: { at: f.db.serverDate(), later: f.db.serverDate({ offset: 3_600_000 }) } });
    const doc = await f.read(U, _id);
    expect(doc.at).toBeInstanceOf(Date);
    expect((doc.later as Date).getTime() - (doc.at as Date).getTime()).toBe(3_600_000);
  });

  it('wx:Database.serverDate — update with serverDate() stores a date', async () => {
    const f = fx();
    await f.seed(U, [{ _id: 'a' }]);
    await f.db
      .collection(U)
      .doc('a')
      .update({ data: { at: f.db.serverDate() } });
    expect((await f.read(U, 'a')).at).toBeInstanceOf(Date);
  });

  it('wx:document/Document.set — set() replaces the whole document and keeps its _id', async () => {
    const f = fx();
    await f.seed(U, [{ _id: 'a', n: 1, s: 'x' }]);
    const res = await f.db
      .collection(U)
      .doc('a')
      .set({ data: { t: true } });
    expect(res.stats.updated).toBe(1);
    expect(await f.read(U, 'a')).toEqual({ _id: 'a', t: true });
  });

  it('wx:document/Document.set — set() creates the document when it does not exist', async () => {
    const f = fx();
    const res = await f.db
      .collection(U)
      .doc('new')
      .set({ data: { t: 1 } });
    expect(res.stats.created).toBe(1);
    expect(await f.read(U, 'new')).toEqual({ _id: 'new', t: 1 });
  });

  it('sdk: set() with an update command in its data is refused', async () => {
    const f = fx();
    await f.seed(U, [{ _id: 'a', n: 1 }]);
    expect(
      await failure(
        f.db
          .collection(U)
          .doc('a')
          .set({ data: { n: f._.inc(1) } }),
      ),
    ).toBeTruthy();
    expect((await f.read(U, 'a')).n).toBe(1);
  });

  it('sdk: updating _id is refused', async () => {
    const f = fx();
    await f.seed(U, [{ _id: 'a', n: 1 }]);
    expect(
      await failure(
        f.db
          .collection(U)
          .doc('a')
          .update({ data: { _id: 'b' } }),
      ),
    ).toBeTruthy();
    expect(await f.read(U, 'a')).toEqual({ _id: 'a', n: 1 });
  });

  it('wx:document/Document.update — updating a missing document updates nothing and creates nothing', async () => {
    const f = fx();
    const res = await f.db
      .collection(U)
      .doc('none')
      .update({ data: { n: 1 } });
    expect(res.stats.updated).toBe(0);
    expect((await f.db.collection(U).count()).total).toBe(0);
  });

  it('wx:collection/Collection.update — where().update() counts only the documents it changed', async () => {
    const f = fx();
    await f.seed(U, [
      { _id: 'a', g: 1, v: 0 },
      { _id: 'b', g: 1, v: 1 },
      { _id: 'c', g: 2, v: 0 },
    ]);
    const col = f.db.collection(U);
    expect((await col.where({ g: 1 }).update({ data: { v: 1 } })).stats.updated).toBe(1);
    expect((await col.where({ g: 1 }).update({ data: { v: 1 } })).stats.updated).toBe(0);
    expect((await col.where({ v: 1 }).update({ data: { w: f._.remove() } })).stats.updated).toBe(0);
  });

  it('wx:collection/Collection.remove — where().remove() removes every match and reports how many', async () => {
    const f = fx();
    await f.seed(U, [
      { _id: 'a', g: 1 },
      { _id: 'b', g: 1 },
      { _id: 'c', g: 2 },
    ]);
    expect((await f.db.collection(U).where({ g: 1 }).remove()).stats.removed).toBe(2);
    expect((await f.db.collection(U).count()).total).toBe(1);
  });
};
