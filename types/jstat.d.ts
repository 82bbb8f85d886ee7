// jstat 1.9.6 ships no types (and there is no @types/jstat): only what core/stats.ts and
// core/experiments/analysis.ts call is declared. The package is CommonJS and sets
// `module.exports.jStat = jStat`, so `import { jStat } from 'jstat'` works under jest (swc) and
// esbuild alike.
declare module 'jstat' {
  export const jStat: {
    /** Regularized incomplete beta function I_x(a, b). */
    ibeta(x: number, a: number, b: number): number;
    normal: {
      cdf(x: number, mean: number, std: number): number;
      inv(p: number, mean: number, std: number): number;
    };
    studentt: {
      cdf(x: number, dof: number): number;
      inv(p: number, dof: number): number;
    };
    chisquare: {
      cdf(x: number, dof: number): number;
    };
  };
}
