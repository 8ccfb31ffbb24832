import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';

/** Who reads or changes a conversation: what the inbox access rule needs to know about them. */
export type ConversationViewer = Pick<AuthenticatedOperator, 'id' | 'accountId' | 'role'>;
