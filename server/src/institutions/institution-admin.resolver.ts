import { Arg, Authorized, Ctx, Int, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../kernel/context';
import { Role } from '../kernel/role';
import { type Refused, resultUnion } from '../kernel/refusal';
import { LocalDateScalar } from '../common/scalars';
import { Institution } from './institution.entity';
import { CreateInstitutionInput, UpdateInstitutionInput } from './institution.inputs';
import { createInstitution, deactivateInstitution, reactivateInstitution, updateInstitution } from './institution-admin.service';
import { addInstitutionUnit, closeInstitutionUnit, renameInstitutionUnit } from './institution-unit.service';

const result = (name: string, what: string) => resultUnion(`${name}Result`, `${what}, or why not.`, Institution);
const CreateInstitutionResult = result('CreateInstitution', 'The registered institution');
const UpdateInstitutionResult = result('UpdateInstitution', 'The changed institution');
const DeactivateInstitutionResult = result('DeactivateInstitution', 'The deactivated institution');
const ReactivateInstitutionResult = result('ReactivateInstitution', 'The reactivated institution');
const InstitutionUnitResult = result('InstitutionUnit', 'The institution with its changed units');

const CODE = { description: 'The 8-digit institution code.' };
const NUMBER = { description: 'The unit number (`0`, `1`, …).' };

/** Hub staff register and change institutions and their units; each change one audited transaction. */
@Resolver(() => Institution)
export class InstitutionAdminResolver {
  @Authorized(Role.HUB_STAFF)
  @Mutation(() => CreateInstitutionResult, { description: 'Registers an institution with unit 0 (Hoofdlocatie) (hub staff).' })
  createInstitution(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateInstitutionInput, { description: 'Code, name, type and place.' }) input: CreateInstitutionInput,
  ): Promise<Institution | Refused> {
    return createInstitution(ctx, input);
  }

  @Authorized(Role.HUB_STAFF)
  @Mutation(() => UpdateInstitutionResult, { description: "Changes an institution's name, type or place; the code stays (hub staff)." })
  updateInstitution(
    @Ctx() ctx: RequestContext,
    @Arg('code', () => String, CODE) code: string,
    @Arg('input', () => UpdateInstitutionInput, { description: 'What changes.' }) input: UpdateInstitutionInput,
  ): Promise<Institution | Refused> {
    return updateInstitution(ctx, code, input);
  }

  @Authorized(Role.HUB_STAFF)
  @Mutation(() => DeactivateInstitutionResult, {
    description:
      "Deactivates an institution (hub staff): it keeps its history but accepts no deliveries, its people's roles there stop working and their sessions end.",
  })
  deactivateInstitution(
    @Ctx() ctx: RequestContext,
    @Arg('code', () => String, CODE) code: string,
    @Arg('reason', () => String, { description: 'Why (1–500 characters), kept with the institution.' }) reason: string,
  ): Promise<Institution | Refused> {
    return deactivateInstitution(ctx, code, reason);
  }

  @Authorized(Role.HUB_STAFF)
  @Mutation(() => ReactivateInstitutionResult, { description: "Makes a deactivated institution active again; its people's roles work again (hub staff)." })
  reactivateInstitution(@Ctx() ctx: RequestContext, @Arg('code', () => String, CODE) code: string): Promise<Institution | Refused> {
    return reactivateInstitution(ctx, code);
  }

  @Authorized(Role.HUB_STAFF)
  @Mutation(() => InstitutionUnitResult, { description: 'Adds a unit (location or department) to an institution (hub staff).' })
  addInstitutionUnit(
    @Ctx() ctx: RequestContext,
    @Arg('code', () => String, CODE) code: string,
    @Arg('name', () => String, { description: 'Name of the unit (1–200 characters).' }) name: string,
    @Arg('number', () => Int, { nullable: true, description: 'Its number in file names; the next free number when left out.' }) number?: number | null,
  ): Promise<Institution | Refused> {
    return addInstitutionUnit(ctx, code, name, number ?? null);
  }

  @Authorized(Role.HUB_STAFF)
  @Mutation(() => InstitutionUnitResult, { description: 'Renames a unit; its number stays (hub staff).' })
  renameInstitutionUnit(
    @Ctx() ctx: RequestContext,
    @Arg('code', () => String, CODE) code: string,
    @Arg('number', () => Int, NUMBER) number: number,
    @Arg('name', () => String, { description: 'New name (1–200 characters).' }) name: string,
  ): Promise<Institution | Refused> {
    return renameInstitutionUnit(ctx, code, number, name);
  }

  @Authorized(Role.HUB_STAFF)
  @Mutation(() => InstitutionUnitResult, {
    description: 'Closes a unit from a day on: no delivery with a delivery date on or after it is accepted; earlier deliveries stay (hub staff).',
  })
  closeInstitutionUnit(
    @Ctx() ctx: RequestContext,
    @Arg('code', () => String, CODE) code: string,
    @Arg('number', () => Int, NUMBER) number: number,
    @Arg('closedFrom', () => LocalDateScalar, { description: 'The first day it accepts no deliveries; given again, the date moves.' }) closedFrom: string,
  ): Promise<Institution | Refused> {
    return closeInstitutionUnit(ctx, code, number, closedFrom);
  }
}
