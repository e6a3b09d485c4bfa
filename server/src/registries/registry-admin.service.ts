import type { RequestContext } from '../kernel/context';
import { AuditEventType } from '../audit/audit-event.entity';
import { recordAudit } from '../audit/audit.service';
import { notFound, RefusalCode, type Refused, refuse } from '../kernel/refusal';
import { DeadlineRule, DeadlineRuleKind } from './deadline-rule';
import type { CreateRegistryInput, CreateSubDeliveryInput, DeadlineRuleInput, UpdateRegistryInput } from './registry-admin.inputs';
import { Registry } from './registry.entity';
import { SubDelivery } from './sub-delivery.entity';

const REGISTRY_CODE = /^[A-Z][A-Z0-9]{1,9}$/;
const SUB_DELIVERY_CODE = /^[A-Za-z][A-Za-z0-9_-]{0,39}$/;

function nameProblem(ctx: RequestContext, value: string | null | undefined, field: string): Refused | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  return trimmed.length === 0 || trimmed.length > 200 ? refuse(ctx.actor.language, RefusalCode.NAME_REQUIRED, { params: { max: 200 }, field }) : null;
}

function inRange(value: number | null | undefined, min: number, max: number): boolean {
  return value !== null && value !== undefined && value >= min && value <= max;
}

/** The rule, or what is wrong with it (the same ranges the DeadlineRule type documents). */
function deadlineRule(input: DeadlineRuleInput): DeadlineRule | string {
  if (input.kind === DeadlineRuleKind.AFTER_PERIOD_END) {
    if (!inRange(input.monthsAfterPeriodEnd, 1, 24)) return 'monthsAfterPeriodEnd 1–24';
    if (input.lastDayOfMonth) return DeadlineRule.afterPeriodEnd(input.monthsAfterPeriodEnd!, 'LAST');
    if (!inRange(input.day, 1, 31)) return 'day 1–31 or lastDayOfMonth';
    return DeadlineRule.afterPeriodEnd(input.monthsAfterPeriodEnd!, input.day!);
  }
  if (input.lastDayOfMonth) return 'lastDayOfMonth only with AFTER_PERIOD_END';
  if (!inRange(input.yearsAfterPeriodYear, 0, 5)) return 'yearsAfterPeriodYear 0–5';
  if (!inRange(input.month, 1, 12)) return 'month 1–12';
  if (!inRange(input.day, 1, 31)) return 'day 1–31';
  return DeadlineRule.fixedDate(input.yearsAfterPeriodYear!, input.month!, input.day!);
}

/** Hub staff add a registry (audited in the same transaction). */
export async function createRegistry(ctx: RequestContext, input: CreateRegistryInput): Promise<Registry | Refused> {
  const language = ctx.actor.language;
  if (!REGISTRY_CODE.test(input.code)) return refuse(language, RefusalCode.CODE_FORMAT, { params: { code: input.code, form: 'A–Z0–9, 2–10' }, field: 'code' });
  const problem = nameProblem(ctx, input.name, 'name') ?? nameProblem(ctx, input.holder, 'holder');
  if (problem) return problem;
  if (input.acceptedChannels.length === 0) return refuse(language, RefusalCode.CHANNELS_REQUIRED, { field: 'acceptedChannels' });
  return ctx.em.transactional(async (tx) => {
    if (await tx.count(Registry, { code: input.code })) return refuse(language, RefusalCode.REGISTRY_EXISTS, { params: { code: input.code }, field: 'code' });
    const registry = tx.create(Registry, {
      code: input.code,
      name: input.name.trim(),
      holder: input.holder.trim(),
      producesInformationProduct: input.producesInformationProduct,
      acceptedChannels: [...new Set(input.acceptedChannels)],
    });
    await tx.flush();
    await recordAudit(tx, ctx.actor, {
      event: AuditEventType.CREATE,
      action: 'createRegistry',
      objectType: 'Registry',
      objectId: registry.id,
      detail: registry.code,
    });
    return registry;
  });
}

/** Hub staff change a registry's name, holder, information product or channels (audited). */
export async function updateRegistry(ctx: RequestContext, input: UpdateRegistryInput): Promise<Registry | Refused> {
  const language = ctx.actor.language;
  const problem = nameProblem(ctx, input.name, 'name') ?? nameProblem(ctx, input.holder, 'holder');
  if (problem) return problem;
  if (input.acceptedChannels && input.acceptedChannels.length === 0) return refuse(language, RefusalCode.CHANNELS_REQUIRED, { field: 'acceptedChannels' });
  return ctx.em.transactional(async (tx) => {
    const registry = await tx.findOne(Registry, { code: input.code });
    if (!registry) return notFound(language, 'registry');
    if (input.name != null) registry.name = input.name.trim();
    if (input.holder != null) registry.holder = input.holder.trim();
    if (input.producesInformationProduct != null) registry.producesInformationProduct = input.producesInformationProduct;
    if (input.acceptedChannels) registry.acceptedChannels = [...new Set(input.acceptedChannels)];
    await tx.flush();
    const changed = ['name', 'holder', 'producesInformationProduct', 'acceptedChannels'].filter((key) => input[key as keyof UpdateRegistryInput] != null);
    await recordAudit(tx, ctx.actor, {
      event: AuditEventType.UPDATE,
      action: 'updateRegistry',
      objectType: 'Registry',
      objectId: registry.id,
      detail: `${registry.code}: ${changed.join(', ')}`,
    });
    return registry;
  });
}

/** Hub staff add a sub-delivery to a registry (audited). Its schedules follow from the dictionary version published for it. */
export async function createSubDelivery(ctx: RequestContext, input: CreateSubDeliveryInput): Promise<SubDelivery | Refused> {
  const language = ctx.actor.language;
  if (!SUB_DELIVERY_CODE.test(input.code))
    return refuse(language, RefusalCode.CODE_FORMAT, { params: { code: input.code, form: 'A–Z a–z 0–9 - _, 1–40' }, field: 'code' });
  const problem = nameProblem(ctx, input.name, 'name');
  if (problem) return problem;
  const rule = deadlineRule(input.deadlineRule);
  if (typeof rule === 'string') return refuse(language, RefusalCode.DEADLINE_RULE_INVALID, { params: { detail: rule }, field: 'deadlineRule' });
  return ctx.em.transactional(async (tx) => {
    const registry = await tx.findOne(Registry, { code: input.registry });
    if (!registry) return refuse(language, RefusalCode.UNKNOWN_REGISTRY, { params: { registry: input.registry }, field: 'registry' });
    if (await tx.count(SubDelivery, { registry: registry.id, code: input.code }))
      return refuse(language, RefusalCode.SUB_DELIVERY_EXISTS, { params: { registry: registry.code, code: input.code }, field: 'code' });
    const subDelivery = tx.create(SubDelivery, { registry, code: input.code, name: input.name.trim(), frequency: input.frequency, deadlineRule: rule });
    await tx.flush();
    await recordAudit(tx, ctx.actor, {
      event: AuditEventType.CREATE,
      action: 'createSubDelivery',
      objectType: 'SubDelivery',
      objectId: subDelivery.id,
      detail: `${registry.code}/${subDelivery.code}`,
    });
    return subDelivery;
  });
}
