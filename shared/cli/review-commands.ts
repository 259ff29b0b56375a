import { Option, type Command } from 'commander';
import { RESOLUTION_OUTCOMES, type ResolutionOutcome } from '../domain/finding';
import { ROLES, type Principal, type Role } from '../domain/roles';
import type { AuditStore } from '../store/audit-store';
import { printable, type Io } from './io';

/** What the command line's review commands need from main: its store and its --council option. */
export interface ReviewCommandContext {
  io: Io;
  withStore: <T>(work: (store: AuditStore, where: string) => Promise<T>) => Promise<T | undefined>;
  councilOption: readonly [string, string];
}

/** The operator at the command line: they hold the table's credentials and are no council's member. */
const OPERATOR: Principal = { userId: 'operator', name: 'the operator (command line)', memberships: {}, operator: true };

/**
 * `findings acknowledge|resolve|dismiss|reopen` and `members add|list|remove`: the console's review
 * use cases on the command line (shared/review), so that nothing the console does is console-only.
 * A review names the member it is done as (`--by`), whose role is checked as the console checks it.
 */
export function addReviewCommands(program: Command, findings: Command, context: ReviewCommandContext): void {
  const { io } = context;
  const [councilFlag, councilHelp] = context.councilOption;

  /** The council's id and the principal --by names, from its membership record. */
  const asMember = async (store: AuditStore, where: string, council: string | undefined, by: string) => {
    const { resolveCouncil } = await import('./council-option');
    const { memberPrincipal, MemberInputError } = await import('../review/members');
    const { councilId } = await resolveCouncil(store, where, council);
    const principal = await memberPrincipal({ store }, councilId, by);
    if (!principal) {
      throw new MemberInputError(`no member ${by} in council ${councilId}`, [
        { field: '--by', value: JSON.stringify(by), message: `is not a member of council ${councilId} (council-audit members list shows them)` },
      ]);
    }
    return { councilId, principal };
  };

  const review = (name: string, description: string, extra: (command: Command) => Command, run: (opts: ReviewOptions, store: AuditStore, ref: { councilId: string; findingId: string }, principal: Principal) => Promise<unknown>) =>
    extra(
      findings
        .command(name)
        .description(description)
        .option(councilFlag, councilHelp)
        .requiredOption('--id <finding id>', 'the finding, as findings list shows it')
        .requiredOption('--by <email>', 'the member doing it (a Town Clerk or an admin of the council)'),
    ).action(async (opts: ReviewOptions) => {
      await context.withStore(async (store, where) => {
        const { councilId, principal } = await asMember(store, where, opts.council, opts.by);
        await run(opts, store, { councilId, findingId: opts.id }, principal);
        const { readFinding } = await import('../review/review-finding');
        const { finding } = await readFinding({ store }, principal, { councilId, findingId: opts.id });
        io.stdout.write(`finding ${printable(finding.id)} of council ${councilId} is now ${finding.status} (by ${printable(principal.name)})\n`);
      });
    });

  review('acknowledge', 'mark a finding as seen and being dealt with', (c) => c.option('--note <text>', 'who is dealing with it, or how'), async (opts, store, ref, principal) => {
    const { acknowledgeFinding } = await import('../review/review-finding');
    return acknowledgeFinding({ store }, principal, { ...ref, ...(opts.note === undefined ? {} : { note: opts.note }) });
  });
  review(
    'resolve',
    'record what was done about a finding',
    (c) => c.addOption(new Option('--outcome <outcome>', 'what was done').choices(RESOLUTION_OUTCOMES).makeOptionMandatory()).option('--note <text>', 'what was done (required with --outcome other)'),
    async (opts, store, ref, principal) => {
      const { resolveFinding } = await import('../review/review-finding');
      return resolveFinding({ store }, principal, { ...ref, outcome: opts.outcome!, ...(opts.note === undefined ? {} : { note: opts.note }) });
    },
  );
  review(
    'dismiss',
    'close a finding as a false alarm, with the reason',
    (c) => c.requiredOption('--reason <text>', 'why it is a false alarm').option('--suppress', "don't raise the same evidence again for this account (until lifted)"),
    async (opts, store, ref, principal) => {
      const { dismissFinding } = await import('../review/review-finding');
      const { suppression } = await dismissFinding({ store }, principal, { ...ref, reason: opts.reason ?? '', suppress: opts.suppress === true });
      if (suppression) io.stdout.write(`suppression ${suppression.id}: the same evidence is not raised again for ${printable(suppression.account)} until it is lifted\n`);
    },
  );
  review('reopen', 'open a resolved or dismissed finding again', (c) => c.requiredOption('--reason <text>', 'why'), async (opts, store, ref, principal) => {
    const { reopenFinding } = await import('../review/review-finding');
    return reopenFinding({ store }, principal, { ...ref, reason: opts.reason ?? '' });
  });

  const members = program
    .command('members')
    .description("the people of a council and their roles (Town Clerk, admin, councillor); the operator adds each council's Town Clerk");
  members
    .command('add')
    .description('add a person to a council, or change their role')
    .option(councilFlag, councilHelp)
    .requiredOption('--email <address>', 'their email address: the id they sign in with')
    .addOption(new Option('--role <role>', 'their role').choices(ROLES).makeOptionMandatory())
    .option('--name <name>', 'their name, as the audit trail shows it')
    .option('--by <email>', 'the Town Clerk adding them (default: the operator, who adds Town Clerks only)')
    .action(async (opts: { council?: string; email: string; role: Role; name?: string; by?: string }) => {
      await context.withStore(async (store, where) => {
        const { councilId, principal } = await actor(store, where, opts.council, opts.by);
        const { addMember } = await import('../review/members');
        const member = await addMember({ store }, principal, { councilId, email: opts.email, role: opts.role, ...(opts.name === undefined ? {} : { name: opts.name }) });
        io.stdout.write(`${printable(member.userId)} is ${member.role} of council ${councilId}\n`);
      });
    });
  members
    .command('list')
    .description("list a council's people and their roles")
    .option(councilFlag, councilHelp)
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(async (opts: { council?: string; format: 'table' | 'json' }) => {
      await context.withStore(async (store, where) => {
        const { councilId, principal } = await actor(store, where, opts.council, undefined);
        const { listMembers } = await import('../review/members');
        const list = await listMembers({ store }, principal, councilId);
        if (opts.format === 'json') io.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
        else if (list.length === 0) io.stdout.write(`No members in council ${councilId}.\n`);
        else for (const m of list) io.stdout.write(`${m.role.padEnd(10)}  ${printable(m.userId)}${m.name ? `  ${printable(m.name)}` : ''}  added ${m.addedAt.slice(0, 10)} by ${printable(m.addedBy)}\n`);
      });
    });
  members
    .command('remove')
    .description('remove a person from a council (the last Town Clerk stays until another is added)')
    .option(councilFlag, councilHelp)
    .requiredOption('--email <address>', 'their email address')
    .option('--by <email>', 'the Town Clerk removing them (default: the operator, who removes Town Clerks only)')
    .action(async (opts: { council?: string; email: string; by?: string }) => {
      await context.withStore(async (store, where) => {
        const { councilId, principal } = await actor(store, where, opts.council, opts.by);
        const { removeMember } = await import('../review/members');
        const removed = await removeMember({ store }, principal, { councilId, email: opts.email });
        io.stdout.write(`removed ${printable(removed.userId)} (${removed.role}) from council ${councilId}\n`);
      });
    });

  /** The member --by names, or the operator. */
  const actor = async (store: AuditStore, where: string, council: string | undefined, by: string | undefined) => {
    if (by !== undefined) return asMember(store, where, council, by);
    const { resolveCouncil } = await import('./council-option');
    const { councilId } = await resolveCouncil(store, where, council);
    return { councilId, principal: OPERATOR };
  };
}

interface ReviewOptions {
  council?: string;
  id: string;
  by: string;
  note?: string;
  reason?: string;
  outcome?: ResolutionOutcome;
  suppress?: boolean;
}
