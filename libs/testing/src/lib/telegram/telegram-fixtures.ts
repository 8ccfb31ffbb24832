import type { Update } from './fake-bot-types';
import albumPart from './fixtures/album-part.json';
import channelPost from './fixtures/channel-post.json';
import contact from './fixtures/contact.json';
import documentMessage from './fixtures/document.json';
import editedMessage from './fixtures/edited-message.json';
import groupText from './fixtures/group-text.json';
import location from './fixtures/location.json';
import myChatMemberKicked from './fixtures/my-chat-member-kicked.json';
import photoWithCaption from './fixtures/photo-with-caption.json';
import privateTextWithEntities from './fixtures/private-text-with-entities.json';
import sticker from './fixtures/sticker.json';
import voice from './fixtures/voice.json';

const recorded = {
  privateTextWithEntities,
  groupText,
  photoWithCaption,
  albumPart,
  document: documentMessage,
  voice,
  sticker,
  location,
  contact,
  editedMessage,
  myChatMemberKicked,
  /** A channel post: an update type the inbox does not handle. */
  channelPost,
};

export type TelegramFixtureName = keyof typeof recorded;

/**
 * Update payloads shaped as Telegram sends them (field for field, ids included). Each property read
 * returns a fresh copy, so a test may change one freely. Their file_ids are not known to
 * FakeBotApi: use FakeBot's photo()/document()/… when the files must be downloadable.
 */
export const telegramFixtures = Object.defineProperties(
  {},
  Object.fromEntries(
    Object.entries(recorded).map(([name, update]) => [
      name,
      { enumerable: true, get: () => structuredClone(update) as Update },
    ]),
  ),
) as Readonly<Record<TelegramFixtureName, Update>>;
