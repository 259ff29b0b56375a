import type { FindingFormatter } from './format';

/** One finding per line as a JSON object; nothing else on standard output. */
export const jsonlFormatter = (): FindingFormatter => {
  const lines = (findings: readonly object[]) => findings.map((f) => `${JSON.stringify(f)}\n`).join('');
  return {
    start: () => '',
    registeredAccounts: lines,
    post: (_post, findings) => lines(findings),
    end: () => '',
  };
};
