import type { AttributeType, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { CouncilIdSchema, type CouncilId } from '../domain/council';
import { CouncilAuditError, ValidationError } from '../domain/errors';
import { clientConfig, type AwsSettings } from '../runtime/aws';
import type { Invitations } from './http';

/** The user pool attribute that holds the council a person belongs to (set here, never by the app client). */
export const COUNCIL_ATTRIBUTE = 'council';

/** An invitation Cognito would not send: names the address, and says what to do instead. */
export class InvitationError extends CouncilAuditError {
  readonly email: string;
  /** `exists`: the person already has a sign-in; `undeliverable`: the email could not be sent; `busy`: try again shortly. */
  readonly reason: 'exists' | 'undeliverable' | 'busy';

  constructor(message: string, email: string, reason: InvitationError['reason'], options?: { cause?: unknown }) {
    super(message, options);
    this.email = email;
    this.reason = reason;
  }
}

/** An address or name Cognito cannot take: names the field and the value. */
export class InvitationInputError extends ValidationError {}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Cognito's limit on a standard attribute's value. */
const MAX_ATTRIBUTE_LENGTH = 2048;

/** The Cognito SDK, loaded on the first invitation: most requests to the console invite no one, and it is large. */
const cognitoSdk = () => import('@aws-sdk/client-cognito-identity-provider');

/** Invitations through a Cognito user pool with a client of its own, made on the first invitation. */
export function cognitoInvitations(settings: AwsSettings & { userPoolId: string }): Invitations {
  let client: Promise<CognitoIdentityProviderClient> | undefined;
  return new CognitoInvitations(() => (client ??= cognitoSdk().then((sdk) => new sdk.CognitoIdentityProviderClient(clientConfig(settings)))), settings.userPoolId);
}

/**
 * The Invitations port over Cognito's AdminCreateUser: the person's email address is their user
 * name (the pool signs in by email), marked verified so the invitation can be sent to it, with
 * their council in `custom:council`. Cognito emails them a temporary password and the managed login
 * asks for a new one (and an authenticator app) at first sign-in. Their role is the store's (the
 * council's members), not the pool's.
 */
export class CognitoInvitations implements Invitations {
  private readonly client: () => Promise<CognitoIdentityProviderClient>;

  constructor(
    client: CognitoIdentityProviderClient | (() => Promise<CognitoIdentityProviderClient>),
    private readonly userPoolId: string,
  ) {
    this.client = typeof client === 'function' ? client : () => Promise.resolve(client);
  }

  async invite(request: { email: string; name?: string; councilId: CouncilId }): Promise<void> {
    const email = request.email.trim().toLowerCase();
    if (!EMAIL.test(email) || email.length > MAX_ATTRIBUTE_LENGTH) {
      throw new InvitationInputError('invalid invitation', [{ field: 'email', value: JSON.stringify(request.email), message: 'expected an email address such as clerk@harbourne-tc.example' }]);
    }
    if (!CouncilIdSchema.safeParse(request.councilId).success) {
      throw new InvitationInputError('invalid invitation', [{ field: 'councilId', value: JSON.stringify(request.councilId), message: 'expected a council id such as harbourne-tc' }]);
    }
    const name = request.name?.trim();
    if (name !== undefined && name.length > MAX_ATTRIBUTE_LENGTH) {
      throw new InvitationInputError('invalid invitation', [{ field: 'name', value: JSON.stringify(`${name.slice(0, 40)}…`), message: `must be at most ${MAX_ATTRIBUTE_LENGTH} characters` }]);
    }
    const attributes: AttributeType[] = [
      { Name: 'email', Value: email },
      { Name: 'email_verified', Value: 'true' },
      { Name: `custom:${COUNCIL_ATTRIBUTE}`, Value: request.councilId },
      ...(name ? [{ Name: 'name', Value: name }] : []),
    ];
    const [{ AdminCreateUserCommand }, client] = await Promise.all([cognitoSdk(), this.client()]);
    try {
      await client.send(
        new AdminCreateUserCommand({ UserPoolId: this.userPoolId, Username: email, UserAttributes: attributes, DesiredDeliveryMediums: ['EMAIL'] }),
      );
    } catch (error) {
      throw explain(error, email);
    }
  }
}

/** Cognito's refusals a person can act on, in their words; anything else is unexpected and goes up as it is. */
function explain(error: unknown, email: string): unknown {
  const name = error instanceof Error ? error.name : '';
  const cause = { cause: error };
  switch (name) {
    case 'UsernameExistsException':
      return new InvitationError(
        `${email} already has a sign-in for the console, so no invitation was sent: they sign in with the password they have (or "Forgot your password?" on the sign-in page)`,
        email,
        'exists',
        cause,
      );
    case 'CodeDeliveryFailureException':
      return new InvitationError(`the invitation email to ${email} could not be delivered: check the address, then invite them again`, email, 'undeliverable', cause);
    case 'TooManyRequestsException':
    case 'LimitExceededException':
      return new InvitationError(`the sign-in service is busy and did not invite ${email}: try again in a minute`, email, 'busy', cause);
    case 'InvalidParameterException':
      return new InvitationInputError('invalid invitation', [{ field: 'email', value: JSON.stringify(email), message: 'the sign-in service did not accept this address' }], cause);
    default:
      return error;
  }
}
