import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../kernel/context';
import { Role } from '../kernel/role';
import type { PageArgs } from '../common/pagination';
import { type Refused, resultUnion } from '../kernel/refusal';
import { Registry } from '../registries/registry.entity';
import {
  BOARD_PAGING,
  type CountedPage,
  participationBoard,
  ParticipationBoardFilterInput,
  ParticipationConnection,
  participationCounts,
  ParticipationStateCount,
} from './board.service';
import { GoLiveSettings } from './go-live-settings.entity';
import { GoLiveChecklist, goLiveChecklist, GoLiveSettingsInput, setGoLiveSettings } from './go-live.service';
import { moveParticipation, MoveParticipationInput } from './move.service';
import { Participation } from './participation.entity';
import { ParticipationVendorChange } from './participation-vendor-change.entity';
import { goLiveSettingsOf } from './readiness';
import { SignUp, signUpForRegistry, SignUpInput } from './sign-up.service';
import { recordVendorChange, VendorChangeInput } from './vendor-change.service';

const SignUpResult = resultUnion('SignUpResult', 'The sign-up as stored, or why not.', SignUp);
const MoveParticipationResult = resultUnion('MoveParticipationResult', 'The participation in its new state, or why not.', Participation);
const VendorChangeResult = resultUnion('VendorChangeResult', 'The vendor change as stored, or why not.', ParticipationVendorChange);
const GoLiveSettingsResult = resultUnion('GoLiveSettingsResult', "The registry's go-live settings as stored, or why not.", GoLiveSettings);

/** The participation lifecycle: sign-up, moves, go-live and vendor changes, and hub staff's board. */
@Resolver()
export class ParticipationLifecycleResolver {
  @Authorized(Role.HUB_STAFF, Role.LOCAL_ADMIN)
  @Mutation(() => SignUpResult, {
    description:
      'Signs an institution up for a registry (its local administrator, or hub staff for it): one REQUESTED participation per sub-delivery, with contact persons. Audited.',
  })
  signUpForRegistry(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => SignUpInput, { description: 'The sign-up.' }) input: SignUpInput,
  ): Promise<SignUp | Refused> {
    return signUpForRegistry(ctx, input);
  }

  @Authorized(Role.HUB_STAFF, Role.LOCAL_ADMIN)
  @Mutation(() => MoveParticipationResult, {
    description:
      'Moves a participation to another state, when the lifecycle allows that move for your role (see the README); ACCOUNTS_READY and PRODUCTION are checked. Kept in its history and audited.',
  })
  moveParticipation(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => MoveParticipationInput, { description: 'The move.' }) input: MoveParticipationInput,
  ): Promise<Participation | Refused> {
    return moveParticipation(ctx, input);
  }

  @Authorized(Role.HUB_STAFF, Role.LOCAL_ADMIN)
  @Mutation(() => VendorChangeResult, {
    description:
      'Records an EHR vendor change; where the registry asks for it, a participation in PRODUCTION goes back to TESTING until a clean test delivery is in. Audited.',
  })
  recordVendorChange(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => VendorChangeInput, { description: 'The vendor change.' }) input: VendorChangeInput,
  ): Promise<ParticipationVendorChange | Refused> {
    return recordVendorChange(ctx, input);
  }

  @Authorized(Role.HUB_STAFF)
  @Mutation(() => GoLiveSettingsResult, { description: "Sets a registry's go-live criteria and vendor-change rule (hub staff; audited)." })
  setGoLiveSettings(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => GoLiveSettingsInput, { description: 'The settings.' }) input: GoLiveSettingsInput,
  ): Promise<GoLiveSettings | Refused> {
    return setGoLiveSettings(ctx, input);
  }

  @Authorized(Role.HUB_STAFF, Role.LOCAL_ADMIN, Role.SUBMITTER, Role.VIEWER)
  @Query(() => GoLiveChecklist, {
    nullable: true,
    description: "A participation's go-live criteria, each met or missing; null for an unknown participation or one the caller may not see.",
  })
  goLiveChecklist(
    @Ctx() ctx: RequestContext,
    @Arg('participationId', () => ID, { description: 'The participation.' }) participationId: string,
  ): Promise<GoLiveChecklist | null> {
    return goLiveChecklist(ctx, participationId);
  }

  @Authorized(Role.HUB_STAFF)
  @Query(() => ParticipationConnection, { description: "Hub staff's board of every participation, newest first, filtered by state, registry and institution." })
  participationBoard(
    @Ctx() ctx: RequestContext,
    @Args(() => BOARD_PAGING.Args) page: PageArgs,
    @Arg('filter', () => ParticipationBoardFilterInput, { nullable: true, description: 'Filters; none: every participation.' })
    filter?: ParticipationBoardFilterInput | null,
  ): Promise<CountedPage<Participation>> {
    return participationBoard(ctx, filter ?? {}, page);
  }

  @Authorized(Role.HUB_STAFF)
  @Query(() => [ParticipationStateCount], { description: 'How many participations are in each state (every state listed). A plain list: one row per state.' })
  participationCounts(
    @Ctx() ctx: RequestContext,
    @Arg('registry', () => String, { nullable: true, description: 'Only this registry (code).' }) registry?: string | null,
  ): Promise<ParticipationStateCount[]> {
    return participationCounts(ctx, registry ?? null);
  }
}

@Resolver(() => Registry)
export class RegistryGoLiveResolver {
  @FieldResolver(() => GoLiveSettings, { description: "The registry's go-live criteria (the defaults until hub staff set them)." })
  async goLiveSettings(@Root() registry: Registry, @Ctx() ctx: RequestContext): Promise<Omit<GoLiveSettings, 'registry'>> {
    return goLiveSettingsOf(ctx.em, registry.id);
  }
}
