import type { Account } from '../domain/account';
import { ConnectorError } from '../domain/errors';
import type { Platform } from '../domain/post';
import type { Connector, FetchResult } from './connector';

/** Which connector serves each platform. */
export type ConnectorRegistry = (platform: Platform) => Connector;

/** Every platform served by one connector (the local twin's sample file). */
export const oneConnectorForAll = (connector: Connector): ConnectorRegistry => () => connector;

/** A platform with no connector yet: each scan records the capture as failing, saying why. */
export class MissingConnector implements Connector {
  async fetchNewPosts(account: Account): Promise<FetchResult> {
    throw new ConnectorError(`no connector is configured for ${account.platform} yet`);
  }
}

export const connectorsFrom = (byPlatform: Partial<Record<Platform, Connector>>): ConnectorRegistry => {
  const missing = new MissingConnector();
  return (platform) => byPlatform[platform] ?? missing;
};
