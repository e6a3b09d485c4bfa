import { Arg, Authorized, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../kernel/context';
import { type LockedOut, type Refused, resultUnion } from '../kernel/refusal';
import {
  AccountChangeResult,
  ActionResult,
  type Done,
  type LoggedOut,
  LoginResult,
  LoginStage,
  type LoginStep,
  LogoutResult,
  type TotpSetup,
  TotpSetupResult,
} from './auth.types';
import { login } from './login.service';
import { changeMyPassword, resetMyAuthenticator } from './account.service';
import { requestPasswordReset, resetPassword } from './password-reset.service';
import { sendEmailCode, startTotpSetup, verifyEmailCode, verifyTotp } from './second-factor.service';
import { Session } from './session.entity';
import { endSession, listOwnSessions, listSessionsOfUser, logout } from './session.service';
import { Role } from '../kernel/role';
import { User } from './user.entity';

@ObjectType({ description: 'Who is using the API now, and how far their login is.' })
export class Me {
  @Field(() => User, { description: 'The signed-in user.' })
  user!: User;

  @Field(() => LoginStage, { description: 'SIGNED_IN, or the second-factor step still to take.' })
  stage!: LoginStage;
}

const EndSessionResult = resultUnion('EndSessionResult', "The ended session, or why not (NOT_FOUND for someone else's).", Session);

@Resolver(() => Session)
export class SessionResolver {
  @FieldResolver(() => Boolean, { description: 'True for the session this request comes from.' })
  current(@Root() session: Session, @Ctx() ctx: RequestContext): boolean {
    return session.id === ctx.actor.session?.id;
  }
}

@Resolver()
export class AuthResolver {
  @Query(() => Me, { nullable: true, description: 'The current user and login stage; null when not logged in. Public.' })
  async me(@Ctx() ctx: RequestContext): Promise<Me | null> {
    const { actor } = ctx;
    if (!actor.user) return null;
    const user = await ctx.em.findOneOrFail(User, { id: actor.user.id });
    const stage = actor.token || actor.session?.secondFactorPassed ? LoginStage.SIGNED_IN : user.totpEnabled ? LoginStage.SECOND_FACTOR : LoginStage.TOTP_SETUP;
    return Object.assign(new Me(), { user, stage });
  }

  @Mutation(() => LoginResult, {
    description:
      'Step one: e-mail address and password. Starts a session that must still pass the second factor (unless this browser did within 4 hours). Public.',
  })
  login(
    @Ctx() ctx: RequestContext,
    @Arg('email', () => String, { description: 'E-mail address.' }) email: string,
    @Arg('password', () => String, { description: 'Password.' }) password: string,
  ): Promise<LoginStep | Refused | LockedOut> {
    return login(ctx, email, password);
  }

  @Mutation(() => TotpSetupResult, { description: 'During login, for a user without an authenticator: a new secret to scan. Public (needs a pending login).' })
  startTotpSetup(@Ctx() ctx: RequestContext): Promise<TotpSetup | Refused> {
    return startTotpSetup(ctx);
  }

  @Mutation(() => LoginResult, { description: 'Step two: a 6-digit authenticator code (also confirms a new set-up). Public (needs a pending login).' })
  verifyTotp(@Ctx() ctx: RequestContext, @Arg('code', () => String, { description: '6 digits.' }) code: string): Promise<LoginStep | Refused> {
    return verifyTotp(ctx, code);
  }

  @Mutation(() => ActionResult, { description: 'Fallback second factor: mails a 6-digit code valid for 10 minutes. Public (needs a pending login).' })
  sendEmailCode(@Ctx() ctx: RequestContext): Promise<Done | Refused> {
    return sendEmailCode(ctx);
  }

  @Mutation(() => LoginResult, { description: 'Step two with the mailed code. Public (needs a pending login).' })
  verifyEmailCode(@Ctx() ctx: RequestContext, @Arg('code', () => String, { description: '6 digits.' }) code: string): Promise<LoginStep | Refused> {
    return verifyEmailCode(ctx, code);
  }

  @Mutation(() => LogoutResult, { description: 'Ends the current session on the server and clears its cookie. Public.' })
  logout(@Ctx() ctx: RequestContext): Promise<LoggedOut | Refused> {
    return logout(ctx);
  }

  @Mutation(() => ActionResult, {
    description: 'Mails a password reset link (valid 1 hour) when the address has an active account; answers the same either way. Public.',
  })
  requestPasswordReset(@Ctx() ctx: RequestContext, @Arg('email', () => String, { description: 'E-mail address.' }) email: string): Promise<Done> {
    return requestPasswordReset(ctx, email);
  }

  @Mutation(() => ActionResult, { description: "Sets a new password with the mailed link's token; ends every session of the account. Public." })
  resetPassword(
    @Ctx() ctx: RequestContext,
    @Arg('token', () => String, { description: 'The token from the link.' }) token: string,
    @Arg('password', () => String, { description: 'New password: at least 12 characters, not a common one.' }) password: string,
  ): Promise<Done | Refused> {
    return resetPassword(ctx, token, password);
  }

  @Authorized()
  @Mutation(() => AccountChangeResult, {
    description: 'Changes your own password after asking the current one again; your other sessions end, this one stays. Signed-in users only, not API tokens.',
  })
  changeMyPassword(
    @Ctx() ctx: RequestContext,
    @Arg('currentPassword', () => String, { description: 'Your current password (asked again).' }) currentPassword: string,
    @Arg('newPassword', () => String, { description: 'New password: at least 12 characters, not a common one.' }) newPassword: string,
  ): Promise<Done | Refused | LockedOut> {
    return changeMyPassword(ctx, currentPassword, newPassword);
  }

  @Authorized()
  @Mutation(() => AccountChangeResult, {
    description:
      'Removes your authenticator after asking your password again: every session of yours ends, this one too, and the next login sets up a new authenticator. Signed-in users only, not API tokens.',
  })
  resetMyAuthenticator(
    @Ctx() ctx: RequestContext,
    @Arg('currentPassword', () => String, { description: 'Your current password (asked again).' }) currentPassword: string,
  ): Promise<Done | Refused | LockedOut> {
    return resetMyAuthenticator(ctx, currentPassword);
  }

  @Authorized()
  @Query(() => [Session], {
    description: 'Your own live sessions, most recently used first. A plain list: a session ends after 30 idle minutes, so a person has a few.',
  })
  mySessions(@Ctx() ctx: RequestContext): Promise<Session[]> {
    return listOwnSessions(ctx);
  }

  @Authorized(Role.HUB_STAFF)
  @Query(() => [Session], {
    description:
      'Hub staff: the live sessions of any user, most recently used first. A plain list: a session ends after 30 idle minutes, so a person has a few.',
  })
  userSessions(@Ctx() ctx: RequestContext, @Arg('userId', () => ID, { description: 'The user.' }) userId: string): Promise<Session[]> {
    return listSessionsOfUser(ctx, userId);
  }

  @Authorized()
  @Mutation(() => EndSessionResult, { description: "Ends one of your sessions (hub staff: anyone's)." })
  endSession(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'Session id.' }) id: string): Promise<Session | Refused> {
    return endSession(ctx, id);
  }
}
