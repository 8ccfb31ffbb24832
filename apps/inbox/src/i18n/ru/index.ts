import type { RussianCatalog } from '../catalog';
import { ruErrors } from './errors';
import { ruErrorCodes } from './error-codes';
import { ruUndoSend } from './undo-send';
import { ruApiChannel } from './api-channel';
import { ruAccessibility } from './accessibility';
import { ruAutomation } from './automation';
import { ruChannels } from './channels';
import { ruCommandPalette } from './command-palette';
import { ruContactMerge } from './contact-merge';
import { ruContacts } from './contacts';
import { ruConversationMerge } from './conversation-merge';
import { ruCore } from './core';
import { ruCore2 } from './core-2';
import { ruCsat } from './csat';
import { ruHelpCentre } from './help-centre';
import { ruPortal } from './portal';
import { ruEmailOAuth } from './email-oauth';
import { ruWidgetSettings } from './widget-settings';
import { ruEmailReplies } from './email-replies';
import { ruReports } from './reports';
import { ruRouting } from './routing';
import { ruSavedViews } from './saved-views';
import { ruSearch } from './search';
import { ruSettings } from './settings';
import { ruSla } from './sla';
import { ruTags } from './tags';
import { ruTasks } from './tasks';
import { ruTime } from './time';
import { ruTimeTracking } from './time-tracking';
import { ruWebhooks } from './webhooks';
import { ruWhatsapp } from './whatsapp';
import { ruKnowledgeBase } from './knowledge-base';

/** The inbox in Russian, loaded only when an operator's language (or browser) asks for it. */
export const ru: RussianCatalog = {
  ...ruCore,
  ...ruAccessibility,
  ...ruCore2,
  ...ruSettings,
  ...ruChannels,
  ...ruWhatsapp,
  ...ruTasks,
  ...ruConversationMerge,
  ...ruSavedViews,
  ...ruSearch,
  ...ruContacts,
  ...ruContactMerge,
  ...ruTags,
  ...ruAutomation,
  ...ruSla,
  ...ruWebhooks,
  ...ruRouting,
  ...ruTimeTracking,
  ...ruReports,
  ...ruCsat,
  ...ruHelpCentre,
  ...ruPortal,
  ...ruEmailReplies,
  ...ruEmailOAuth,
  ...ruWidgetSettings,
  ...ruTime,
  ...ruCommandPalette,
  ...ruErrors,
  ...ruErrorCodes,
  ...ruUndoSend,
  ...ruApiChannel,
  ...ruKnowledgeBase,
};
