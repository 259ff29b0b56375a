import { Logger } from '@aws-lambda-powertools/logger';

/**
 * The one logger. What goes in it: counts, rule ids, platforms and council account handles (public
 * organisational accounts). What never does: post text, evidence, email addresses, tokens.
 */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'council-audit' });
