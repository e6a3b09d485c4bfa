import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../kernel/context';
import { Role } from '../kernel/role';
import { type Refused, resultUnion } from '../kernel/refusal';
import { CreateRegistryInput, CreateSubDeliveryInput, UpdateRegistryInput } from './registry-admin.inputs';
import { createRegistry, createSubDelivery, updateRegistry } from './registry-admin.service';
import { Registry } from './registry.entity';
import { SubDelivery } from './sub-delivery.entity';

const RegistryResult = resultUnion('RegistryResult', 'The registry as stored, or why not.', Registry);
const SubDeliveryResult = resultUnion('SubDeliveryResult', 'The sub-delivery as stored, or why not.', SubDelivery);

/** Onboarding a registry without a release (issue 12): hub staff only, every change audited. */
@Resolver()
export class RegistryAdminResolver {
  @Authorized(Role.HUB_STAFF)
  @Mutation(() => RegistryResult, {
    description: 'Adds a registry (hub staff; audited). Its sub-deliveries and dictionary versions follow with createSubDelivery and uploadDictionaryPackage.',
  })
  createRegistry(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateRegistryInput, { description: 'The registry.' }) input: CreateRegistryInput,
  ): Promise<Registry | Refused> {
    return createRegistry(ctx, input);
  }

  @Authorized(Role.HUB_STAFF)
  @Mutation(() => RegistryResult, { description: "Changes a registry's details (hub staff; audited)." })
  updateRegistry(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => UpdateRegistryInput, { description: 'What to change.' }) input: UpdateRegistryInput,
  ): Promise<Registry | Refused> {
    return updateRegistry(ctx, input);
  }

  @Authorized(Role.HUB_STAFF)
  @Mutation(() => SubDeliveryResult, { description: 'Adds a sub-delivery (deelaanlevering) to a registry (hub staff; audited).' })
  createSubDelivery(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateSubDeliveryInput, { description: 'The sub-delivery.' }) input: CreateSubDeliveryInput,
  ): Promise<SubDelivery | Refused> {
    return createSubDelivery(ctx, input);
  }
}
