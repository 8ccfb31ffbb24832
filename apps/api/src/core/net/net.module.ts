import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { configureOutboundNetwork } from '@switchboard/channels-core';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { OutboundTargetsInterceptor } from './outbound-targets.interceptor';

/** Marks that the process-wide outbound network policy was applied from the configuration. */
export const OUTBOUND_NETWORK_POLICY = Symbol('OUTBOUND_NETWORK_POLICY');

/**
 * Where the server may connect on an inbox's behalf. The policy is applied once, while the
 * application is assembled, before any sync or delivery starts.
 */
@Module({
  providers: [
    {
      provide: OUTBOUND_NETWORK_POLICY,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const policy = { allowPrivateTargets: config.ALLOW_PRIVATE_NETWORK_TARGETS };
        configureOutboundNetwork(policy);
        return policy;
      },
    },
    { provide: APP_INTERCEPTOR, useClass: OutboundTargetsInterceptor },
  ],
})
export class NetModule {}
