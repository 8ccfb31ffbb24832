import type { BulgarianCatalog } from '../catalog';
import { bgErrors } from './errors';
import { bgErrorCodes } from './error-codes';
import { bgUndoSend } from './undo-send';
import { bgApiChannel } from './api-channel';
import { bgAccessibility } from './accessibility';
import { bgAutomation } from './automation';
import { bgChannels } from './channels';
import { bgCommandPalette } from './command-palette';
import { bgContactMerge } from './contact-merge';
import { bgContacts } from './contacts';
import { bgConversationMerge } from './conversation-merge';
import { bgCore } from './core';
import { bgCore2 } from './core-2';
import { bgCsat } from './csat';
import { bgHelpCentre } from './help-centre';
import { bgPortal } from './portal';
import { bgEmailOAuth } from './email-oauth';
import { bgWidgetSettings } from './widget-settings';
import { bgEmailReplies } from './email-replies';
import { bgReports } from './reports';
import { bgRouting } from './routing';
import { bgSavedViews } from './saved-views';
import { bgSearch } from './search';
import { bgSettings } from './settings';
import { bgSla } from './sla';
import { bgTags } from './tags';
import { bgTasks } from './tasks';
import { bgTime } from './time';
import { bgTimeTracking } from './time-tracking';
import { bgWebhooks } from './webhooks';
import { bgWhatsapp } from './whatsapp';
import { bgKnowledgeBase } from './knowledge-base';

/** The inbox in Bulgarian, loaded only when an operator's language (or browser) asks for it. */
export const bg: BulgarianCatalog = {
  ...bgCore,
  ...bgCore2,
  ...bgSettings,
  ...bgChannels,
  ...bgWhatsapp,
  ...bgTasks,
  ...bgConversationMerge,
  ...bgSavedViews,
  ...bgSearch,
  ...bgContacts,
  ...bgContactMerge,
  ...bgTags,
  ...bgAutomation,
  ...bgSla,
  ...bgWebhooks,
  ...bgRouting,
  ...bgTimeTracking,
  ...bgReports,
  ...bgCsat,
  ...bgHelpCentre,
  ...bgPortal,
  ...bgEmailReplies,
  ...bgEmailOAuth,
  ...bgWidgetSettings,
  ...bgAccessibility,
  ...bgTime,
  ...bgCommandPalette,
  ...bgErrors,
  ...bgErrorCodes,
  ...bgUndoSend,
  ...bgApiChannel,
  ...bgKnowledgeBase,
};
