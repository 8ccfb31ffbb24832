import type { MountChat } from '../shared/chat-mount';
import { ChatSession } from './chat-session';

/** Entry of chat.js: the loader imports this module on first open and calls mountChat. */
export const mountChat: MountChat = (options) => new ChatSession(options);
