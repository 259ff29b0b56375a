import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { COUNCIL_ATTRIBUTE } from '../../shared/console/cognito-invitations';

/** The Cognito group whose members are the operator (the hosting organisation): adds councils, invites their first Town Clerk. */
export const OPERATOR_GROUP = 'operator';
/** How long an invitation's temporary password works before the person must be invited again. */
export const INVITATION_DAYS = 7;
/** The council id's bounds (shared/domain/council.ts), as the custom attribute's. */
const COUNCIL_ID_LENGTH = { min: 3, max: 40 } as const;

export interface ConsoleUserPoolProps {
  /** The managed login's prefix: https://<prefix>.auth.<region>.amazoncognito.com (unique in the region). */
  readonly loginDomainPrefix: string;
}

/**
 * Who may sign in to the console: people invited by the operator or a council's Town Clerk, never
 * anyone who signs themselves up. Each signs in by email with a strong password and an authenticator
 * app (MFA required), through Cognito's managed login; their council is the custom `council`
 * attribute, which only the console's AdminCreateUser (and an operator in the AWS console) sets.
 * Roles within a council are the store's (its members); the pool holds only the operator group.
 * The pool is retained and deletion-protected: losing it would lose every sign-in.
 */
export class ConsoleUserPool extends Construct {
  readonly userPool: cognito.UserPool;
  readonly domain: cognito.UserPoolDomain;
  readonly operatorGroup: cognito.UserPoolGroup;

  constructor(scope: Construct, id: string, props: ConsoleUserPoolProps) {
    super(scope, id);
    this.userPool = new cognito.UserPool(this, 'UserPool', {
      userPoolName: 'council-audit-console',
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      // An address changed later is only used once the person has confirmed it.
      autoVerify: { email: true },
      keepOriginal: { email: true },
      standardAttributes: {
        email: { required: true, mutable: true },
        fullname: { required: false, mutable: true },
      },
      // Mutable so that an operator can move a person to another council without deleting their sign-in.
      customAttributes: { [COUNCIL_ATTRIBUTE]: new cognito.StringAttribute({ minLen: COUNCIL_ID_LENGTH.min, maxLen: COUNCIL_ID_LENGTH.max, mutable: true }) },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(INVITATION_DAYS),
        passwordHistorySize: 5,
      },
      // Someone who can dismiss a council's findings or invite its people signs in with a second factor:
      // an authenticator app (TOTP), set up at the first sign-in. No SMS (cost, SIM swaps).
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      // Essentials: the newer managed login and its branding; Plus (threat protection) is a cost per user (see nag.ts).
      featurePlan: cognito.FeaturePlan.ESSENTIALS,
      userInvitation: {
        emailSubject: 'You are invited to the Council Audit console',
        emailBody:
          'You have been invited to review your council\'s social media findings in the Council Audit console.<br><br>' +
          'Sign in with your email address {username} and this temporary password: {####}<br><br>' +
          `You will choose your own password and set up an authenticator app. The temporary password works for ${INVITATION_DAYS} days.`,
      },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.operatorGroup = this.userPool.addGroup('OperatorGroup', {
      groupName: OPERATOR_GROUP,
      description: 'The hosting organisation: adds councils and invites each one\'s first Town Clerk; sees no council\'s findings unless also a member',
    });

    this.domain = this.userPool.addDomain('LoginDomain', {
      cognitoDomain: { domainPrefix: props.loginDomainPrefix },
      managedLoginVersion: cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
  }
}
