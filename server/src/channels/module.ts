import { ChannelResolver } from './channel.resolver';
import { ChannelSwitchRequest } from './channel-switch-request.entity';

export { activeChannel, registryChannelConflict } from './channel-rule';

/** One channel per registry, and switching it: the app wires this module through these exports only. */
export const channelResolvers = [ChannelResolver] as const;

export const channelEntities = [ChannelSwitchRequest] as const;
