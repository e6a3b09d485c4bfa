import type { RequestContext } from '../../kernel/context';
import { AuditEventType } from '../../audit/audit-event.entity';
import { recordAudit } from '../../audit/audit.service';
import { RefusalCode, type Refused, refuse } from '../../kernel/refusal';
import { fillIn, messages } from '../../common/messages';
import type { FileUpload } from '../../kernel/upload';
import { Registry } from '../../registries/registry.entity';
import { SubDelivery } from '../../registries/sub-delivery.entity';
import { DictionaryStatus, DictionaryVersion } from '../dictionary-version.entity';
import { checkPackage, type DictionaryPackage, type PackageProblem } from './dictionary-package';
import { DictionaryPackageProblem, DictionaryPackageRefused } from './package.types';

/** A package is one JSON document with small example files: far below the delivery upload limit. */
export const MAX_PACKAGE_BYTES = 10 * 1024 * 1024;

function packageRefused(ctx: RequestContext, problems: PackageProblem[]): DictionaryPackageRefused {
  const language = ctx.actor.language;
  const params = { count: problems.length };
  return Object.assign(new DictionaryPackageRefused(), {
    code: RefusalCode.DICTIONARY_PACKAGE_INVALID,
    message: fillIn(messages(language).refusal.DICTIONARY_PACKAGE_INVALID, params),
    field: 'file',
    parameters: [{ name: 'count', value: String(problems.length) }],
    problems: problems.map((problem) => Object.assign(new DictionaryPackageProblem(), problem)),
  });
}

async function readAll(upload: FileUpload, max: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  const stream = upload.createReadStream();
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > max) {
      stream.destroy();
      return null;
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

async function findStream(ctx: RequestContext, registryCode: string, subDeliveryCode: string): Promise<{ registry: Registry; subDelivery: SubDelivery } | Refused> {
  const language = ctx.actor.language;
  const registry = await ctx.em.findOne(Registry, { code: registryCode });
  if (!registry) return refuse(language, RefusalCode.UNKNOWN_REGISTRY, { params: { registry: registryCode }, field: 'registry' });
  const subDelivery = await ctx.em.findOne(SubDelivery, { registry: registry.id, code: subDeliveryCode });
  if (!subDelivery) return refuse(language, RefusalCode.UNKNOWN_STREAM, { params: { registry: registryCode, subDelivery: subDeliveryCode }, field: 'subDelivery' });
  return { registry, subDelivery };
}

/**
 * Hub staff upload a dictionary package for a sub-delivery: checked as the start-up load checks
 * dictionaries, then its examples run through the engine; stored as a draft version (the same draft
 * version again replaces it as its next revision; a published version is never replaced). Audited.
 */
export async function uploadDictionaryPackage(
  ctx: RequestContext,
  target: { registry: string; subDelivery: string },
  upload: FileUpload,
): Promise<DictionaryVersion | DictionaryPackageRefused | Refused> {
  const language = ctx.actor.language;
  const stream = await findStream(ctx, target.registry, target.subDelivery);
  if (!('registry' in stream)) {
    upload.createReadStream().destroy();
    return stream;
  }
  const bytes = await readAll(upload, MAX_PACKAGE_BYTES);
  if (!bytes) return refuse(language, RefusalCode.FILE_TOO_LARGE, { params: { max: MAX_PACKAGE_BYTES }, field: 'file' });
  let document: unknown;
  try {
    document = JSON.parse(bytes.toString('utf8')) as unknown;
  } catch (error) {
    return packageRefused(ctx, [{ path: '$', message: `not valid JSON (${(error as Error).message})` }]);
  }
  const catalogue = ctx.services.dictionaries;
  const checked = await checkPackage(catalogue.shared, document, target);
  if (Array.isArray(checked)) return packageRefused(ctx, checked);
  const pkg = document as DictionaryPackage;
  return ctx.em.transactional(async (tx) => {
    const existing = await tx.findOne(DictionaryVersion, { subDelivery: stream.subDelivery.id, version: checked.version });
    if (existing && existing.status !== DictionaryStatus.DRAFT) return refuse(language, RefusalCode.VERSION_PUBLISHED, { params: { version: checked.version }, field: 'file' });
    const now = ctx.services.clock.now();
    const version = existing
      ? Object.assign(existing, { package: pkg, revision: existing.revision + 1, uploadedAt: now })
      : tx.create(DictionaryVersion, { subDelivery: stream.subDelivery, version: checked.version, status: DictionaryStatus.DRAFT, package: pkg, uploadedAt: now });
    await tx.flush();
    await recordAudit(tx, ctx.actor, {
      event: existing ? AuditEventType.UPDATE : AuditEventType.CREATE,
      action: 'uploadDictionaryPackage',
      objectType: 'DictionaryVersion',
      objectId: version.id,
      detail: `${stream.registry.code}/${stream.subDelivery.code}/${version.version} revision ${version.revision}`,
    });
    return version;
  });
}
