import { readFileSync } from 'node:fs';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { buildCouncilAudit, type CouncilAudit } from '../../infra/council-audit';

/** The context `cdk synth` runs with (feature flags and settings), so the tests see the same templates. */
export const CDK_JSON_CONTEXT = (
  JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as { context: Record<string, unknown> }
).context;

/**
 * What an operator must give (cdk.json has no default sender domain): the tests deploy as the fictional
 * example council's own operator.
 */
export const OPERATOR_CONTEXT: Record<string, unknown> = { senderDomain: 'harbourne-tc.example' };

export interface Synthesised extends CouncilAudit {
  readonly app: App;
  readonly statefulTemplate: Template;
  readonly statelessTemplate: Template;
}

/**
 * Builds and synthesises the app as cdk.json would, plus `context` overrides. `bundle: false` skips
 * esbuild (for tests about settings only); with no CDK_DEFAULT_ACCOUNT the placeholder account is used.
 */
export function synthesise(options: { context?: Record<string, unknown>; bundle?: boolean } = {}): Synthesised {
  const context: Record<string, unknown> = { ...CDK_JSON_CONTEXT, ...OPERATOR_CONTEXT, ...options.context };
  if (options.bundle === false) context['aws:cdk:bundling-stacks'] = [];
  const app = new App({ context });
  const audit = buildCouncilAudit(app, {});
  return {
    app,
    ...audit,
    statefulTemplate: Template.fromStack(audit.stateful),
    statelessTemplate: Template.fromStack(audit.stateless),
  };
}

export interface Statement {
  Sid?: string;
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

export const asArray = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

export function logicalIdOf(construct: IConstruct): string {
  const resource = construct.node.defaultChild ?? construct;
  return Stack.of(construct).getLogicalId(resource as never);
}

/** Every statement of the identity policies attached to a role, inline or separate. */
export function statementsOfRole(template: Template, role: IConstruct): Statement[] {
  const roleId = logicalIdOf(role);
  const statements: Statement[] = [];
  const policies = template.findResources('AWS::IAM::Policy') as Record<string, { Properties: { Roles: unknown[]; PolicyDocument: { Statement: Statement[] } } }>;
  for (const policy of Object.values(policies)) {
    if (policy.Properties.Roles.some((r) => JSON.stringify(r) === JSON.stringify({ Ref: roleId }))) {
      statements.push(...policy.Properties.PolicyDocument.Statement);
    }
  }
  const roleResource = template.findResources('AWS::IAM::Role')[roleId] as { Properties: { Policies?: { PolicyDocument: { Statement: Statement[] } }[] } };
  for (const inline of roleResource.Properties.Policies ?? []) statements.push(...inline.PolicyDocument.Statement);
  return statements;
}

export const actionsOf = (statements: Statement[]): string[] => statements.flatMap((s) => asArray(s.Action));
