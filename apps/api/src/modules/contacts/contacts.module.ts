import { Module } from '@nestjs/common';
import { ContactAttributesModule } from '../contact-attributes/contact-attributes.module';
import { ContactConversationsRepository } from './contact-conversations.repository';
import { ContactDirectoryRepository } from './contact-directory.repository';
import { ContactDirectoryService } from './contact-directory.service';
import { ContactsController } from './contacts.controller';
import { ContactsRepository } from './contacts.repository';
import { ContactsService } from './contacts.service';
import { ContactCsvService } from './csv/contact-csv.service';
import { IdentityResolverService } from './identity-resolver.service';

@Module({
  imports: [ContactAttributesModule],
  controllers: [ContactsController],
  providers: [
    ContactsRepository,
    ContactsService,
    IdentityResolverService,
    ContactDirectoryRepository,
    ContactConversationsRepository,
    ContactDirectoryService,
    ContactCsvService,
  ],
  exports: [
    ContactsService,
    IdentityResolverService,
    ContactsRepository,
    ContactDirectoryRepository,
  ],
})
export class ContactsModule {}
