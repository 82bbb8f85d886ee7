// The documented-behaviour conformance suite (see documented.ts) against the local cloud:
// wx-server-sdk's own database object over the local engine, a fresh database for each case.
import { closeLocalDatabase, openLocalDatabase } from '../index';
import { comparisonExpressionCases, dateExpressionCases, objectExpressionCases, sdkArgumentCases } from './aggregate-expression-tests';
import { joinStageCases } from './aggregate-join-tests';
import { arithmeticCases, arrayCases, conditionalCases, stringCases } from './aggregate-operator-tests';
import { arrayExpressionCases, codePointCases, dateBuildCases } from './aggregate-set-date-tests';
import { flowStageCases, groupStageCases, projectionStageCases } from './aggregate-stage-tests';
import { documentedIndexes, documentedSuite } from './documented';
import { elementCases, logicCases, pathCases } from './query-logic-tests';
import { comparisonCases, inCases, regexCases } from './query-tests';
import { pagingCases, projectionCases, sortCases } from './read-tests';
import { transactionCases } from './transaction-doc-tests';
import { arrayUpdateCases } from './update-array-tests';
import { documentWriteCases, fieldUpdateCases } from './update-tests';

documentedSuite(
  'wx-server-sdk over the local engine',
  async () => {
    const db = openLocalDatabase({ indexes: documentedIndexes });
    return { db, close: () => closeLocalDatabase(db) };
  },
  {
    'query: comparison, null and missing, dates, booleans': comparisonCases,
    'query: in and nin': inCases,
    'query: regular expressions': regexCases,
    'query: logic commands': logicCases,
    'query: element, array and evaluation commands': elementCases,
    'query: nested objects and paths': pathCases,
    'read: sort order': sortCases,
    'read: skip, limit, count': pagingCases,
    'read: field projection': projectionCases,
    'update: field commands': fieldUpdateCases,
    'update: array commands': arrayUpdateCases,
    'write: documents': documentWriteCases,
    'aggregate: match, project, addFields, replaceRoot': projectionStageCases,
    'aggregate: group, sortByCount, bucket': groupStageCases,
    'aggregate: sort, skip, limit, count, sample': flowStageCases,
    'aggregate: lookup, unwind': joinStageCases,
    'aggregate operators: arithmetic': arithmeticCases,
    'aggregate operators: string': stringCases,
    'aggregate operators: array': arrayCases,
    'aggregate operators: conditional': conditionalCases,
    'aggregate operators: comparison and boolean': comparisonExpressionCases,
    'aggregate operators: date': dateExpressionCases,
    'aggregate operators: object': objectExpressionCases,
    'aggregate operators: code points': codePointCases,
    'aggregate operators: accumulators over arrays, sets': arrayExpressionCases,
    'aggregate operators: building dates': dateBuildCases,
    'aggregate operators: SDK call forms': sdkArgumentCases,
    transactions: transactionCases,
  },
);
