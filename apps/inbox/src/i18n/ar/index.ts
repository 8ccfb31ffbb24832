import type { ArabicCatalog } from '../catalog';
import { arErrors } from './errors';
import { arErrorCodes } from './error-codes';
import { arUndoSend } from './undo-send';
import { arApiChannel } from './api-channel';
import { arAccessibility } from './accessibility';
import { arAutomation } from './automation';
import { arChannels } from './channels';
import { arCommandPalette } from './command-palette';
import { arContactMerge } from './contact-merge';
import { arContacts } from './contacts';
import { arConversationMerge } from './conversation-merge';
import { arCore } from './core';
import { arCore2 } from './core-2';
import { arCsat } from './csat';
import { arHelpCentre } from './help-centre';
import { arPortal } from './portal';
import { arEmailOAuth } from './email-oauth';
import { arWidgetSettings } from './widget-settings';
import { arEmailReplies } from './email-replies';
import { arReports } from './reports';
import { arRouting } from './routing';
import { arSavedViews } from './saved-views';
import { arSearch } from './search';
import { arSettings } from './settings';
import { arSla } from './sla';
import { arTags } from './tags';
import { arTasks } from './tasks';
import { arTime } from './time';
import { arTimeTracking } from './time-tracking';
import { arWebhooks } from './webhooks';
import { arWhatsapp } from './whatsapp';
import { arKnowledgeBase } from './knowledge-base';

/**
 * Arabic (Modern Standard Arabic), loaded only when an operator needs it. Consistent terms:
 * محادثة (conversation), تأجيل (snooze), صندوق الوارد (inbox), موظف (operator), وسم (tag).
 * Plurals use all six CLDR forms: zero, one, two, few (3–10), many (11–99), other.
 */
export const ar: ArabicCatalog = {
  ...arCore,
  ...arCore2,
  ...arSettings,
  ...arChannels,
  ...arWhatsapp,
  ...arTasks,
  ...arConversationMerge,
  ...arSavedViews,
  ...arSearch,
  ...arContacts,
  ...arContactMerge,
  ...arTags,
  ...arAutomation,
  ...arSla,
  ...arWebhooks,
  ...arRouting,
  ...arTimeTracking,
  ...arReports,
  ...arCsat,
  ...arHelpCentre,
  ...arPortal,
  ...arEmailReplies,
  ...arEmailOAuth,
  ...arWidgetSettings,
  ...arAccessibility,
  ...arTime,
  ...arCommandPalette,
  ...arErrors,
  ...arErrorCodes,
  ...arUndoSend,
  ...arApiChannel,
  ...arKnowledgeBase,
};
