import {
  AdminCreateUserCommand,
  CodeDeliveryFailureException,
  CognitoIdentityProviderClient,
  InternalErrorException,
  InvalidParameterException,
  TooManyRequestsException,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { CognitoInvitations, InvitationError, InvitationInputError } from '../../shared/console/cognito-invitations';

// There is no local Cognito: AdminCreateUser is answered by aws-sdk-client-mock, which also injects its refusals.
const cognito = mockClient(CognitoIdentityProviderClient);
const POOL = 'eu-west-2_Harbourne1';
const invitations = () => new CognitoInvitations(new CognitoIdentityProviderClient({ region: 'eu-west-2' }), POOL);
const created = () => cognito.commandCalls(AdminCreateUserCommand).map((call) => call.args[0].input);

afterEach(() => cognito.reset());

describe('inviting someone through Cognito', () => {
  it('creates the user with their email as user name, verified, their council and name, and has Cognito email them', async () => {
    // Prepare
    cognito.on(AdminCreateUserCommand).resolves({ User: { Username: 'clerk@harbourne-tc.example', UserStatus: 'FORCE_CHANGE_PASSWORD' } });

    // Act
    await invitations().invite({ email: ' Clerk@Harbourne-TC.example ', name: ' Alex Example ', councilId: 'harbourne-tc' });

    // Assess
    expect(created()).toEqual([
      {
        UserPoolId: POOL,
        Username: 'clerk@harbourne-tc.example',
        UserAttributes: [
          { Name: 'email', Value: 'clerk@harbourne-tc.example' },
          { Name: 'email_verified', Value: 'true' },
          { Name: 'custom:council', Value: 'harbourne-tc' },
          { Name: 'name', Value: 'Alex Example' },
        ],
        DesiredDeliveryMediums: ['EMAIL'],
      },
    ]);
  });

  it('leaves the name out when none is given', async () => {
    cognito.on(AdminCreateUserCommand).resolves({});
    await invitations().invite({ email: 'councillor.one@harbourne-tc.example', councilId: 'harbourne-tc' });
    expect(created()[0]!.UserAttributes!.map((a) => a.Name)).toEqual(['email', 'email_verified', 'custom:council']);
  });

  it('says plainly that someone already has a sign-in, naming them, instead of failing with a stack', async () => {
    // Prepare
    cognito.on(AdminCreateUserCommand).rejects(new UsernameExistsException({ message: 'User account already exists', $metadata: {} }));

    // Act
    const error = await invitations().invite({ email: 'clerk@harbourne-tc.example', councilId: 'harbourne-tc' }).catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(InvitationError);
    expect(error).toMatchObject({ reason: 'exists', email: 'clerk@harbourne-tc.example' });
    expect((error as Error).message).toMatch(/^clerk@harbourne-tc\.example already has a sign-in for the console, so no invitation was sent/);
    expect((error as Error).message).not.toContain('UsernameExistsException');
  });

  it.each([
    [new CodeDeliveryFailureException({ message: 'Unable to deliver message', $metadata: {} }), 'undeliverable', /could not be delivered/],
    [new TooManyRequestsException({ message: 'Too many requests', $metadata: {} }), 'busy', /try again in a minute/],
  ])('explains %s to the person inviting', async (refusal, reason, message) => {
    cognito.on(AdminCreateUserCommand).rejects(refusal);
    const error = await invitations().invite({ email: 'admin@harbourne-tc.example', councilId: 'harbourne-tc' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvitationError);
    expect(error).toMatchObject({ reason, cause: refusal });
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toContain('admin@harbourne-tc.example');
  });

  it('names the field and the value when Cognito refuses the address', async () => {
    cognito.on(AdminCreateUserCommand).rejects(new InvalidParameterException({ message: 'Invalid email address format.', $metadata: {} }));
    const error = await invitations().invite({ email: 'clerk@harbourne-tc.example', councilId: 'harbourne-tc' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvitationInputError);
    expect((error as Error).message).toContain('email = "clerk@harbourne-tc.example"');
  });

  it('lets an unexpected failure go up as it is (the console logs it and shows its error page)', async () => {
    const failure = new InternalErrorException({ message: 'Internal error', $metadata: {} });
    cognito.on(AdminCreateUserCommand).rejects(failure);
    await expect(invitations().invite({ email: 'clerk@harbourne-tc.example', councilId: 'harbourne-tc' })).rejects.toBe(failure);
  });

  it.each([
    [{ email: 'not-an-address', councilId: 'harbourne-tc' }, 'email = "not-an-address"'],
    [{ email: 'clerk@harbourne-tc.example', councilId: 'Harbourne TC' }, 'councilId = "Harbourne TC"'],
  ])('refuses %j before asking Cognito, naming the field and the value', async (request, named) => {
    const error = await invitations().invite(request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvitationInputError);
    expect((error as Error).message).toContain(named);
    expect(created()).toEqual([]);
  });
});
