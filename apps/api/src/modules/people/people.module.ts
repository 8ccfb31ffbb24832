import { Module } from '@nestjs/common';
import { OperatorsModule } from '../operators/operators.module';
import { InvitationsController } from './invitations.controller';
import { InvitationsRepository } from './invitations.repository';
import { InvitationsService } from './invitations.service';
import { OperatorAccessService } from './operator-access.service';
import { PeopleController } from './people.controller';
import { ProfileService } from './profile.service';

/**
 * Colleagues: invitations, roles, deactivation, and each operator's own profile. Built on the
 * operators table (modules/operators) and the sessions of core/auth.
 */
@Module({
  imports: [OperatorsModule],
  controllers: [InvitationsController, PeopleController],
  providers: [InvitationsRepository, InvitationsService, OperatorAccessService, ProfileService],
})
export class PeopleModule {}
