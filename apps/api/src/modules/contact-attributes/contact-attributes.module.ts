import { Module } from '@nestjs/common';
import { ContactAttributesController } from './contact-attributes.controller';
import { ContactAttributesRepository } from './contact-attributes.repository';
import { ContactAttributesService } from './contact-attributes.service';

/** Admin-defined contact fields; their values live on the contact (modules/contacts). */
@Module({
  controllers: [ContactAttributesController],
  providers: [ContactAttributesRepository, ContactAttributesService],
  exports: [ContactAttributesRepository],
})
export class ContactAttributesModule {}
