// Conformance from the documentation: each case is one documented behaviour of WeChat's cloud
// database (its server SDK reference and guide) or of MongoDB (whose semantics the cloud
// database follows), exercised through WeChat's own SDK API only. Expected values are
// written by hand from the cited page, never computed by the code under test.
//
// A test name starts with where its behaviour is documented:
//   wx:PATH     https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/database/PATH.html
//   wxguide:P   https://developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/database/P.html
//   mdb:PATH    https://www.mongodb.com/docs/manual/reference/PATH/
//   mdbt:PATH   https://www.mongodb.com/docs/manual/tutorial/PATH/
//   mdbc:PATH   https://www.mongodb.com/docs/manual/core/PATH/
//   sdk:        what WeChat's SDK itself does before anything reaches the server (its checks,
//               or the shape it sends when it cannot express a documented form).
import type { IndexPlan } from '../../server/db/index-spec';
import type { Db, DbCommand, DocData, QueryOperand, UpdateOperand } from '../../server/db/types';

/** The collections the documented cases use (no indexes: semantics, not planning). */
export const documentedIndexes: IndexPlan = { doc_q: [], doc_u: [], doc_a: [], doc_b: [], doc_tx: [] };

/** db.command with the commands Sprout's narrow type leaves out. */
export type Cmd = DbCommand & {
  mod(...args: unknown[]): QueryOperand;
  rename(to: string): UpdateOperand;
  /** Projection operators for field(): { arr: _.project.slice(n) }. */
  project: { slice(spec: unknown): object; elemMatch(condition: object): object };
};

export type Expr = Record<string, unknown>;
/** db.command.aggregate: every operator takes one parameter (the SDK keeps only the first). */
export type Agg = Record<string, (...args: unknown[]) => Expr>;

/** The aggregate builder of WeChat's SDK, with the stages Sprout's narrow type leaves out. */
export interface Pipeline {
  match(query: object): Pipeline;
  project(spec: object): Pipeline;
  addFields(spec: object): Pipeline;
  group(spec: object): Pipeline;
  sort(spec: Record<string, 1 | -1>): Pipeline;
  skip(n: number): Pipeline;
  limit(n: number): Pipeline;
  count(field: string): Pipeline;
  unwind(spec: string | object): Pipeline;
  lookup(spec: object): Pipeline;
  sortByCount(expr: unknown): Pipeline;
  replaceRoot(spec: object): Pipeline;
  sample(spec: { size: number }): Pipeline;
  bucket(spec: object): Pipeline;
  end(): Promise<{ list: DocData[] }>;
}

export interface DocumentedHarness {
  db: Db;
  close?: () => void;
}

/** What every documented case uses: the database and small helpers over it. */
export class Fixture {
  constructor(readonly db: Db) {}

  get _(): Cmd {
    return this.db.command as Cmd;
  }

  get $(): Agg {
    return this.db.command.aggregate as Agg;
  }

  async seed(collection: string, docs: object[]): Promise<void> {
    for (const data of docs) await this.db.collection(collection).add({ data });
  }

  /** Ids of the documents a where() matches, sorted (the order is not what is tested). */
  async ids(collection: string, query: object): Promise<string[]> {
    const { data } = await this.db.collection(collection).where(query).limit(1000).get();
    return data.map((d) => d._id).sort();
  }

  async read(collection: string, id: string): Promise<DocData> {
    return (await this.db.collection(collection).doc(id).get()).data;
  }

  pipeline(collection: string): Pipeline {
    return this.db.collection(collection).aggregate() as unknown as Pipeline;
  }
}

/** A field() projection with projection operators (Sprout's narrow type takes booleans only). */
export const projection = (spec: Record<string, unknown>) => spec as Record<string, boolean>;

/** The message of the error a call fails with; fails the test when the call succeeds. */
export async function failure(call: Promise<unknown>): Promise<string> {
  let result: unknown;
  try {
    result = await call;
  } catch (e) {
    if (e instanceof Error) return e.message;
    if (e && typeof e === 'object' && 'errMsg' in e) return String((e as { errMsg: unknown }).errMsg);
    return String(e);
  }
  throw new Error(`expected the call to fail; it returned ${JSON.stringify(result)}`);
}

/** Registers a group of documented cases; `fx()` gives the fixture of the running test. */
export type DocumentedCases = (fx: () => Fixture) => void;

export function documentedSuite(name: string, open: () => Promise<DocumentedHarness>, groups: Record<string, DocumentedCases>): void {
  describe(`documented behaviour: ${name}`, () => {
    let fixture: Fixture;
    let harness: DocumentedHarness | undefined;
    beforeEach(async () => {
      harness = await open();
      fixture = new Fixture(harness.db);
    });
    afterEach(() => harness?.close?.());
    for (const [title, cases] of Object.entries(groups)) describe(title, () => cases(() => fixture));
  });
}
