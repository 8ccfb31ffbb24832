import { Inject, Injectable } from '@nestjs/common';
import type { UndoSendSettingsDto } from '@switchboard/contracts';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config';
import { UndoSendRepository } from './undo-send.repository';

/**
 * Each operator's Undo send delay: how long their replies wait before they leave. Until they
 * choose, the server's UNDO_SEND_DEFAULT_SECONDS (5 s) applies; 0 turns it off.
 */
@Injectable()
export class UndoSendSettingsService {
  constructor(
    private readonly repo: UndoSendRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The delay in seconds, inside the caller's transaction (the send path's). */
  async delayFor(em: EntityManager, operatorId: string): Promise<number> {
    return (await this.repo.operatorDelay(em, operatorId)) ?? this.config.UNDO_SEND_DEFAULT_SECONDS;
  }

  async get(em: EntityManager, operatorId: string): Promise<UndoSendSettingsDto> {
    return { seconds: await this.delayFor(em, operatorId) };
  }

  async set(operatorId: string, seconds: number): Promise<UndoSendSettingsDto> {
    await this.repo.setOperatorDelay(operatorId, seconds);
    return { seconds };
  }
}
