// One small runner for every transition table (Vendure's FSM is the model). The table is data:
// code asks canMove before a conditional write and assertMove before a transaction's write, so
// an edge missing from the table cannot be taken anywhere; problems() proves every state is
// reachable from a start and every target is a known state, so a table cannot grow dead states.

export interface StateMachine<S extends string> {
  readonly name: string;
  readonly states: readonly S[];
  readonly transitions: Readonly<Record<S, readonly S[]>>;
  readonly starts: readonly S[];
  canMove(from: S, to: S): boolean;
  /** Throws on an edge the table lacks: a bug, never a user's mistake. */
  assertMove(from: S, to: S): void;
  /** States reachable from the start states. */
  reachable(): Set<S>;
  /** States with no way out. */
  finals(): S[];
  /** What is wrong with the table itself (empty when sound). */
  problems(): string[];
}

export function stateMachine<S extends string>(name: string, transitions: Record<S, readonly S[]>, starts: readonly S[]): StateMachine<S> {
  const states = Object.keys(transitions) as S[];
  const canMove = (from: S, to: S) => Boolean(transitions[from]?.includes(to));
  const reachable = () => {
    const seen = new Set<S>(starts);
    const queue = [...starts];
    while (queue.length) {
      for (const next of transitions[queue.shift() as S] ?? []) {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    return seen;
  };
  return {
    name,
    states,
    transitions,
    starts,
    canMove,
    assertMove(from, to) {
      if (!canMove(from, to)) throw new Error(`illegal ${name} transition ${from} -> ${to}`);
    },
    reachable,
    finals: () => states.filter((s) => transitions[s].length === 0),
    problems() {
      const out: string[] = [];
      const seen = reachable();
      for (const s of states) if (!seen.has(s)) out.push(`${name}: ${s} is unreachable`);
      for (const s of starts) if (!states.includes(s)) out.push(`${name}: start ${s} is not a state`);
      for (const s of states) for (const t of transitions[s]) if (!states.includes(t)) out.push(`${name}: ${s} -> ${t} leads nowhere`);
      return out;
    },
  };
}
