import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { OperatorEntity } from '../../modules/operators/entities/operator.entity';

/** An operator's password hash, read and replaced only by the auth module. */
@Injectable()
export class OperatorPasswordsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async findHash(operatorId: string): Promise<string | null> {
    const row = await this.ds
      .getRepository(OperatorEntity)
      .findOne({ select: { id: true, passwordHash: true }, where: { id: operatorId } });
    return row?.passwordHash ?? null;
  }

  async replaceHash(em: EntityManager, operatorId: string, passwordHash: string): Promise<void> {
    await em.getRepository(OperatorEntity).update({ id: operatorId }, { passwordHash });
  }
}
