import { Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../kernel/context';

@ObjectType({ description: "Where to find help and how to reach the hub's service desk, as the operator configured it (shown in the console's header)." })
export class ServiceDesk {
  @Field(() => String, { nullable: true, description: 'The help pages (DATAHUB_HELP_URL, an http(s) URL); null when not configured.' })
  helpUrl!: string | null;

  @Field(() => String, { nullable: true, description: "The service desk's e-mail address (DATAHUB_SERVICE_DESK_EMAIL); null when not configured." })
  email!: string | null;

  @Field(() => String, { nullable: true, description: "The service desk's phone number as written (DATAHUB_SERVICE_DESK_PHONE); null when not configured." })
  phone!: string | null;
}

@Resolver()
export class ServiceDeskResolver {
  @Query(() => ServiceDesk, {
    description: 'The help link and service desk contact; public, so the login page can show them too. Touches no data.',
  })
  serviceDesk(@Ctx() ctx: RequestContext): ServiceDesk {
    return { ...ctx.services.config.serviceDesk };
  }
}
