import { Field, ObjectType } from 'type-graphql';
import { NoticeEndpoint } from './notice-endpoint.entity';

@ObjectType({ description: 'An endpoint with its new signing secret: the only time the secret is shown.' })
export class NoticeEndpointWithSecret {
  @Field(() => NoticeEndpoint, { description: 'The endpoint as stored.' })
  endpoint!: NoticeEndpoint;

  @Field(() => String, { description: 'The signing secret (HMAC-SHA256 key): shown now and never again; store it safely.' })
  secret!: string;
}
