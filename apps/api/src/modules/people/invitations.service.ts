import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  INVITATION_TTL_DAYS,
  type AcceptInvitationRequest,
  type InvitationDto,
  type InvitationPreviewDto,
  type InviteOperatorRequest,
} from '@switchboard/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { AuthService, type SignedIn } from '../../core/auth/auth.service';
import { PasswordHasher } from '../../core/auth/password-hasher';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config';
import { EventLogService } from '../../core/events/event-log.service';
import { AppException } from '../../core/http/app.exception';
import { AccountsRepository } from '../accounts/accounts.repository';
import { AuditLogService } from '../audit/audit-log.service';
import { toTeamMemberDto } from '../operators/operators.mapper';
import { OperatorsRepository } from '../operators/operators.repository';
import { hashInvitationToken, invitationAcceptUrl, newInvitationToken } from './invitation-token';
import { InvitationsRepository, type InvitationByToken } from './invitations.repository';

const DAY_MS = 86_400_000;
const UNIQUE_VIOLATION = '23505';

/**
 * Admins invite colleagues by email; the invitee follows a one-time link, chooses a name and a
 * password and is signed in. The link is answered to the admin, so installs without mail work.
 */
@Injectable()
export class InvitationsService {
  private readonly accounts = new AccountsRepository();

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly invitations: InvitationsRepository,
    private readonly operators: OperatorsRepository,
    private readonly hasher: PasswordHasher,
    private readonly auth: AuthService,
    private readonly events: EventLogService,
    private readonly audit: AuditLogService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async invite(
    admin: AuthenticatedOperator,
    req: InviteOperatorRequest,
    ip: string | undefined,
  ): Promise<InvitationDto> {
    const token = newInvitationToken();
    const expiresAt = new Date(Date.now() + INVITATION_TTL_DAYS * DAY_MS);
    const id = await this.ds.transaction(async (em) => {
      await this.assertEmailFree(em, admin.accountId, req.email);
      const invitationId = await this.invitations.replacePending(em, {
        accountId: admin.accountId,
        email: req.email,
        role: req.role,
        tokenHash: hashInvitationToken(token),
        invitedById: admin.id,
        expiresAt,
      });
      await this.audit.record(
        {
          accountId: admin.accountId,
          action: 'operator.invited',
          targetType: 'invitation',
          targetId: invitationId,
          targetLabel: req.email,
          details: { role: req.role },
        },
        { operator: admin, ip },
        em,
      );
      return invitationId;
    });
    return {
      id,
      email: req.email,
      role: req.role,
      expiresAt: expiresAt.toISOString(),
      acceptUrl: invitationAcceptUrl(this.config.PUBLIC_URL, token),
    };
  }

  /** What the accept page shows; the same reasons as accepting when the link no longer works. */
  async preview(token: string): Promise<InvitationPreviewDto> {
    const invitation = usable(
      await this.invitations.findByTokenHash(this.ds.manager, hashInvitationToken(token), false),
    );
    return {
      email: invitation.email,
      role: invitation.role,
      accountName: invitation.accountName,
      expiresAt: new Date(invitation.expiresAt).toISOString(),
    };
  }

  /** Creates the operator, uses up the link, and starts their first session. */
  async accept(req: AcceptInvitationRequest, ip: string | undefined): Promise<SignedIn> {
    const tokenHash = hashInvitationToken(req.token);
    // A link that cannot work costs no password hash (this route is public); the check is
    // repeated under the row lock below, where it counts.
    usable(await this.invitations.findByTokenHash(this.ds.manager, tokenHash, false));
    // Hashed before the transaction: the link's row stays locked only for the inserts.
    const passwordHash = await this.hasher.hash(req.password);
    const email = await this.ds
      .transaction(async (em) => {
        const invitation = usable(await this.invitations.findByTokenHash(em, tokenHash, true));
        await this.assertEmailFree(em, invitation.accountId, invitation.email);
        const id = await this.accounts.insertOperator(em, {
          accountId: invitation.accountId,
          email: invitation.email,
          name: req.name,
          passwordHash,
          role: invitation.role,
          timezone: 'UTC',
        });
        await this.invitations.markAccepted(em, invitation.id);
        const member = await this.operators.findTeamMember(em, invitation.accountId, id);
        if (member)
          await this.events.append(em, invitation.accountId, [
            {
              type: 'operator.updated',
              conversationId: null,
              payload: { operator: toTeamMemberDto(member) },
            },
          ]);
        await this.audit.record(
          {
            accountId: invitation.accountId,
            action: 'operator.invitation_accepted',
            targetType: 'operator',
            targetId: id,
            targetLabel: invitation.email,
            details: { invitationId: invitation.id, role: invitation.role },
          },
          { operator: { id, name: req.name, email: invitation.email }, ip },
          em,
        );
        return invitation.email;
      })
      .catch((err: unknown) => {
        // Another account took the email between the check and the insert.
        if ((err as { code?: string }).code === UNIQUE_VIOLATION) throw emailTaken();
        throw err;
      });
    const operator = await this.operators.findByEmailForLogin(email);
    if (!operator) throw new AppException('NOT_FOUND', 'The new operator is gone');
    return this.auth.startSession(operator, req.session, ip);
  }

  /** Emails sign in across accounts, so one that signs in anywhere cannot be invited. */
  private async assertEmailFree(em: EntityManager, accountId: string, email: string) {
    const existing = await this.operators.findByEmail(em, email);
    if (!existing) return;
    if (existing.accountId === accountId)
      throw new AppException('CONFLICT', `${email} is already an operator of this account`);
    throw emailTaken();
  }
}

function emailTaken(): AppException {
  return new AppException('CONFLICT', 'This email already signs in to Switchboard');
}

/** The link works once, for seven days; each other case says why. */
function usable(invitation: InvitationByToken | null): InvitationByToken {
  if (!invitation) throw new AppException('VALIDATION_FAILED', 'This invitation link is not valid');
  if (invitation.acceptedAt)
    throw new AppException('GONE', 'This invitation link was already used; sign in instead');
  if (new Date(invitation.expiresAt).getTime() <= Date.now())
    throw new AppException('GONE', 'This invitation link has expired; ask an admin for a new one');
  return invitation;
}
