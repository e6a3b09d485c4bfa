import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../kernel/context';
import { type Refused, resultUnion } from '../kernel/refusal';
import { Role } from '../kernel/role';
import { type FileUpload, GraphQLUpload } from '../kernel/upload';
import { Institution } from '../institutions/institution.entity';
import { institutionLoaders } from '../institutions/institution.loaders';
import { Registry } from '../registries/registry.entity';
import { registryLoaders } from '../registries/registry.loaders';
import { Agreement } from './agreement.entity';
import { RecordAgreementInput, SetAgreementStatusInput } from './agreement.inputs';
import { listAgreements, recordAgreement, setAgreementStatus } from './agreement.service';
import { uploadAgreementDocument } from './agreement-document.service';

const AgreementResult = resultUnion('AgreementResult', 'The agreement as stored, or why not.', Agreement);

@Resolver(() => Agreement)
export class AgreementResolver {
  @Authorized(Role.HUB_STAFF, Role.LOCAL_ADMIN)
  @Query(() => [Agreement], {
    description:
      "An institution's agreements (hub staff, the institution's local administrators); empty for an unknown or foreign institution. A plain list: at most four kinds per registry.",
  })
  agreements(
    @Ctx() ctx: RequestContext,
    @Arg('institutionCode', () => String, { description: '8-digit code.' }) institutionCode: string,
  ): Promise<Agreement[]> {
    return listAgreements(ctx, institutionCode);
  }

  @Authorized(Role.HUB_STAFF)
  @Mutation(() => AgreementResult, { description: 'Records an agreement, or updates the one of that kind and registry (hub staff; audited).' })
  recordAgreement(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RecordAgreementInput, { description: 'The agreement.' }) input: RecordAgreementInput,
  ): Promise<Agreement | Refused> {
    return recordAgreement(ctx, input);
  }

  @Authorized(Role.HUB_STAFF)
  @Mutation(() => AgreementResult, { description: 'Moves an agreement to a status; SENT and SIGNED record their day (hub staff; audited).' })
  setAgreementStatus(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => SetAgreementStatusInput, { description: 'The agreement and its new status.' }) input: SetAgreementStatusInput,
  ): Promise<Agreement | Refused> {
    return setAgreementStatus(ctx, input);
  }

  @Authorized(Role.HUB_STAFF, Role.LOCAL_ADMIN)
  @Mutation(() => AgreementResult, {
    description:
      "Uploads the signed PDF of an agreement (GraphQL multipart request; header Apollo-Require-Preflight), stored encrypted; replaces an earlier one. PDF only (the content must start with `%PDF-`), at most DATAHUB_AGREEMENT_MAX_BYTES. Hub staff and the institution's local administrators; audited.",
  })
  async uploadAgreementDocument(
    @Ctx() ctx: RequestContext,
    @Arg('agreementId', () => ID, { description: 'The agreement.' }) agreementId: string,
    @Arg('file', () => GraphQLUpload, { description: 'The signed PDF.' }) file: Promise<FileUpload>,
  ): Promise<Agreement | Refused> {
    return uploadAgreementDocument(ctx, agreementId, await file);
  }

  @FieldResolver(() => Institution, { description: 'The institution that signs it.' })
  async institution(@Root() agreement: Agreement, @Ctx() ctx: RequestContext): Promise<Institution> {
    const institution = await institutionLoaders(ctx).institutionById.load(agreement.institution.id);
    if (!institution) throw new Error(`agreement ${agreement.id} has no institution`);
    return institution;
  }

  @FieldResolver(() => Registry, {
    nullable: true,
    description: 'The registry, for REGISTRY_SUPPLEMENT and DATA_PROTOCOL; null for the per-institution kinds.',
  })
  async registry(@Root() agreement: Agreement, @Ctx() ctx: RequestContext): Promise<Registry | null> {
    return agreement.registry ? registryLoaders(ctx).registryById.load(agreement.registry.id) : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Where the signed PDF is downloaded (GET, same login; audited); null when none is uploaded.',
  })
  documentUrl(@Root() agreement: Agreement): string | null {
    return agreement.documentKey ? `/api/agreements/${agreement.id}/document.pdf` : null;
  }
}
