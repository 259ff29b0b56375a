import type { FindingFormatter } from './format';

/** A single JSON document `{ findings: [...], summary: {...} }`, written as it goes. */
export const jsonFormatter = (): FindingFormatter => {
  let first = true;
  const items = (findings: readonly object[]) =>
    findings
      .map((f) => {
        const prefix = first ? '\n    ' : ',\n    ';
        first = false;
        return prefix + JSON.stringify(f);
      })
      .join('');
  return {
    start: () => '{\n  "findings": [',
    registeredAccounts: items,
    post: (_post, findings) => items(findings),
    end: (summary) => `${first ? '' : '\n  '}],\n  "summary": ${JSON.stringify(summary, null, 2).replace(/\n/g, '\n  ')}\n}\n`,
  };
};
