import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { FilesController } from './files.controller';
import { FilesRepository } from './files.repository';
import { FilesService } from './files.service';
import { LocalStorageDriver } from './local-storage.driver';
import { S3StorageDriver } from './s3-storage.driver';
import { STORAGE_DRIVER, type StorageDriver } from './storage-driver';

function createDriver(config: AppConfig): StorageDriver {
  switch (config.STORAGE_DRIVER) {
    case 'local':
      return new LocalStorageDriver(config.STORAGE_DIR);
    case 's3':
      return new S3StorageDriver({
        bucket: config.S3_BUCKET ?? '',
        region: config.S3_REGION,
        endpoint: config.S3_ENDPOINT,
        accessKeyId: config.S3_ACCESS_KEY_ID ?? '',
        secretAccessKey: config.S3_SECRET_ACCESS_KEY ?? '',
      });
  }
}

@Global()
@Module({
  controllers: [FilesController],
  providers: [
    { provide: STORAGE_DRIVER, inject: [APP_CONFIG], useFactory: createDriver },
    FilesRepository,
    FilesService,
  ],
  exports: [FilesService],
})
export class StorageModule {}
