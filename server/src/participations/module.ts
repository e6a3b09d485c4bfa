import { GoLiveSettings } from './go-live-settings.entity';
import { ParticipationLifecycleResolver, RegistryGoLiveResolver } from './lifecycle.resolver';
import { Participation } from './participation.entity';
import { ParticipationResolver } from './participation.resolver';
import { ParticipationTransition } from './participation-transition.entity';
import { ParticipationVendorChange } from './participation-vendor-change.entity';

/** Participations (deelnames) and their lifecycle: the app wires this module through these exports only. */
export const participationResolvers = [ParticipationResolver, ParticipationLifecycleResolver, RegistryGoLiveResolver] as const;

export const participationEntities = [Participation, ParticipationTransition, ParticipationVendorChange, GoLiveSettings] as const;

export { afterTestDelivery } from './go-live.service';
