import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../kernel/context';
import type { Refused } from '../kernel/refusal';
import { type FileUpload, GraphQLUpload } from '../kernel/upload';
import { Role } from '../kernel/role';
import type { Connection, PageArgs } from '../common/pagination';
import { DELIVERY_PAGING, readableDelivery, searchDeliveries } from './delivery.query';
import { DeliveryFilter, UploadDeliveryInput } from './delivery.inputs';
import { Delivery } from './delivery.entity';
import { DeliveryConnection, FileNameCheckResult, UploadDeliveryResult } from './delivery.types';
import { checkFileNameForDelivery } from './file-name-check.service';
import { uploadDelivery } from './upload.service';

@Resolver(() => Delivery)
export class DeliveryResolver {
  @Authorized(Role.SUBMITTER)
  @Mutation(() => UploadDeliveryResult, {
    description:
      'Delivers one file (GraphQL multipart request; header Apollo-Require-Preflight). Stored encrypted, then checked by a worker: follow `delivery(id).status` and `progress`. Refused before the file is read when it is not yours to deliver.',
  })
  async uploadDelivery(
    @Ctx() ctx: RequestContext,
    @Arg('file', () => GraphQLUpload, { description: 'The CSV or XML file (at most DATAHUB_UPLOAD_MAX_BYTES).' }) file: Promise<FileUpload>,
    @Arg('input', () => UploadDeliveryInput, { description: 'Period, test flag, and the fields a non-conforming name does not give.' })
    input: UploadDeliveryInput,
  ): Promise<Delivery | Refused> {
    return uploadDelivery(ctx, await file, input);
  }

  @Authorized(Role.SUBMITTER)
  @Query(() => FileNameCheckResult, {
    description: '"Controleren": the fields a file name gives, and what would stop or warn about a delivery under that name.',
  })
  checkDeliveryFileName(
    @Ctx() ctx: RequestContext,
    @Arg('fileName', () => String, { description: "The file's name." }) fileName: string,
  ): Promise<FileNameCheckResult> {
    return checkFileNameForDelivery(ctx, fileName);
  }

  @Authorized()
  @Query(() => Delivery, { nullable: true, description: 'One delivery; null when unknown or not yours to see (the two are never told apart).' })
  delivery(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'Delivery id.' }) id: string): Promise<Delivery | null> {
    return readableDelivery(ctx, id);
  }

  @Authorized()
  @Query(() => DeliveryConnection, { description: 'Deliveries you may see (Aangeleverd), newest first.' })
  deliveries(
    @Ctx() ctx: RequestContext,
    @Args(() => DELIVERY_PAGING.Args) page: PageArgs,
    @Arg('filter', () => DeliveryFilter, { nullable: true, description: 'Conditions.' }) filter?: DeliveryFilter | null,
  ): Promise<Connection<Delivery>> {
    return searchDeliveries(ctx, filter ?? {}, page);
  }
}
