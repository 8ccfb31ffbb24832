import { Module } from '@nestjs/common';
import { ContactsRepository } from './contacts.repository';
import { ContactsService } from './contacts.service';
import { IdentityResolverService } from './identity-resolver.service';

@Module({
  providers: [ContactsRepository, ContactsService, IdentityResolverService],
  exports: [ContactsService, IdentityResolverService, ContactsRepository],
})
export class ContactsModule {}
