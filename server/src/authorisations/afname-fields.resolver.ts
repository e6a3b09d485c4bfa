import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../kernel/context';
import { accessLoaders } from '../access/access.loaders';
import { Organisation } from '../access/organisation.entity';
import { AfnameView } from '../forwarding/module';
import { Authorisation } from './authorisation.entity';
import { authorisationLoaders } from './authorisation.loaders';

/**
 * What an afname names by id, resolved here: the authorisation it was made under, the processor and
 * who fetched. (Forwarding records ids only and does not know authorisations; this module does.)
 * Whoever may read an afname (the institution's local administrators, hub staff) may read these.
 */
@Resolver(() => AfnameView)
export class AfnameFieldsResolver {
  @FieldResolver(() => Authorisation, { nullable: true, description: 'The authorisation (machtiging) the fetch was made under.' })
  async authorisation(@Root() afname: AfnameView, @Ctx() ctx: RequestContext): Promise<Authorisation | null> {
    return afname.authorisationId ? authorisationLoaders(ctx).authorisationById.load(afname.authorisationId) : null;
  }

  @FieldResolver(() => Organisation, { nullable: true, description: 'The processor organisation that fetched.' })
  async processor(@Root() afname: AfnameView, @Ctx() ctx: RequestContext): Promise<Organisation | null> {
    return afname.organisationId ? accessLoaders(ctx).organisationById.load(afname.organisationId) : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Who fetched: the processor user\'s name, or the API token\'s name followed by " (API-token)"; null when neither exists any more.',
  })
  async fetchedBy(@Root() afname: AfnameView, @Ctx() ctx: RequestContext): Promise<string | null> {
    if (afname.userId) return (await authorisationLoaders(ctx).userById.load(afname.userId))?.name ?? null;
    if (afname.tokenId) {
      const token = await authorisationLoaders(ctx).tokenById.load(afname.tokenId);
      return token ? `${token.name} (API-token)` : null;
    }
    return null;
  }
}
