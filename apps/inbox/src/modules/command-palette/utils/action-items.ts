import type { ConversationSummaryDto, TagDto, TeamMemberDto } from '@switchboard/contracts';
import { t } from '../../../i18n/i18n';
import { assignConversations, assignToMe } from '../../assignment/store/assign-commands';
import { useAssignPickerStore } from '../../assignment/store/assign-picker-store';
import {
  closeConversation,
  reopenConversation,
  snoozeConversation,
  unsnoozeConversation,
} from '../../conversation/store/conversation-commands';
import { computeSnoozePresets } from '../../conversation/utils/snooze-presets';
import { snoozePresetText } from '../../conversation/utils/snooze-preset-text';
import { useOverlayStore } from '../../shortcuts/store/overlay-store';
import { addTag, removeTag } from '../../tags/store/tag-commands';
import type { PaletteItem } from './palette-item';

export interface ActionContext {
  /** The open conversation; without one there are no actions on it. */
  conversation: ConversationSummaryDto | undefined;
  meId: string | null;
  members: readonly TeamMemberDto[];
  tags: readonly TagDto[];
  now: Date;
  timeZone: string;
  /** What was typed: offered as a new tag's name when no tag has it. */
  query: string;
}

type Item = Omit<PaletteItem, 'group'>;

function statusActions(c: ConversationSummaryDto): Item[] {
  if (c.status === 'closed')
    return [
      {
        id: 'reopen',
        label: t('palette.action.reopen'),
        keywords: t('palette.keywords.reopen'),
        run: () => void reopenConversation(c.id),
      },
    ];
  const close: Item = {
    id: 'close',
    label: t('palette.action.close'),
    keywords: t('palette.keywords.close'),
    hint: 'E',
    run: () => void closeConversation(c.id),
  };
  if (c.status === 'snoozed')
    return [
      close,
      {
        id: 'unsnooze',
        label: t('palette.action.unsnooze'),
        keywords: t('palette.keywords.reopen'),
        run: () => void unsnoozeConversation(c.id),
      },
    ];
  return [close];
}

function snoozeActions(c: ConversationSummaryDto, now: Date, timeZone: string): Item[] {
  if (c.status === 'closed') return [];
  const presets: Item[] = computeSnoozePresets(now, timeZone).map((preset) => {
    const text = snoozePresetText(preset, now);
    return {
      id: `snooze-${preset.id}`,
      label: t('palette.action.snooze', { preset: text.label }),
      keywords: t('palette.keywords.snooze'),
      hint: text.hint,
      run: () => void snoozeConversation(c.id, preset.until),
    };
  });
  const custom: Item = {
    id: 'snooze-custom',
    label: t('palette.action.snooze_custom'),
    keywords: t('palette.keywords.snooze'),
    hint: 'S',
    run: () => useOverlayStore.getState().setSnoozeMenuOpen(true),
  };
  return [...presets, custom];
}

function assignActions(c: ConversationSummaryDto, ctx: ActionContext): Item[] {
  const items: Item[] = [];
  if (ctx.meId && c.assigneeId !== ctx.meId)
    items.push({
      id: 'assign-me',
      label: t('palette.action.assign_me'),
      keywords: t('palette.keywords.assign'),
      hint: 'I',
      run: () => void assignToMe([c.id]),
    });
  if (c.assigneeId)
    items.push({
      id: 'unassign',
      label: t('palette.action.unassign'),
      keywords: t('palette.keywords.assign'),
      run: () => void assignConversations([c.id], { assigneeId: null }),
    });
  items.push({
    id: 'assign-picker',
    label: t('palette.action.assign_picker'),
    keywords: t('palette.keywords.assign'),
    hint: 'A',
    run: () => useAssignPickerStore.getState().open([c.id]),
  });
  for (const member of ctx.members) {
    if (member.id === c.assigneeId || member.id === ctx.meId || !member.active) continue;
    items.push({
      id: `assign-${member.id}`,
      label: t('palette.action.assign_to', { name: member.name }),
      keywords: member.email,
      run: () => void assignConversations([c.id], { assigneeId: member.id }),
    });
  }
  return items;
}

function tagActions(c: ConversationSummaryDto, ctx: ActionContext): Item[] {
  const on = new Set(c.tags.map((tag) => tag.name.toLocaleLowerCase()));
  const items: Item[] = c.tags.map((tag) => ({
    id: `untag-${tag.id}`,
    label: t('palette.action.untag', { name: tag.name }),
    keywords: t('palette.keywords.untag'),
    run: () => void removeTag(c.id, tag.id),
  }));
  for (const tag of ctx.tags) {
    if (on.has(tag.name.toLocaleLowerCase())) continue;
    items.push({
      id: `tag-${tag.id}`,
      label: t('palette.action.tag', { name: tag.name }),
      keywords: t('palette.keywords.tag'),
      run: () => void addTag(c.id, tag.name),
    });
  }
  const name = newTagName(ctx.query);
  const known = ctx.tags.some((tag) => tag.name.toLocaleLowerCase() === name?.toLocaleLowerCase());
  if (name && !known && !on.has(name.toLocaleLowerCase()))
    items.push({
      id: 'tag-new',
      label: t('palette.action.tag_new', { name }),
      keywords: name,
      run: () => void addTag(c.id, name),
    });
  return items;
}

/** "tag urgent" or "#urgent" names a tag to create; anything else does not. */
export function newTagName(query: string): string | null {
  const text = query.trim();
  const lower = text.toLocaleLowerCase();
  const prefix = t('palette.tag_prefix').toLocaleLowerCase();
  let name = '';
  if (text.startsWith('#')) name = text.slice(1);
  else if (lower.startsWith(prefix + ' ')) name = text.slice(prefix.length + 1);
  name = name.trim();
  return name.length > 0 && name.length <= 50 && !name.includes('#') ? name : null;
}

/** What can be done to the open conversation, by keyboard: status, snooze, assign, tags, reply. */
export function actionItems(ctx: ActionContext): PaletteItem[] {
  const c = ctx.conversation;
  if (!c) return [];
  const items: Item[] = [
    ...statusActions(c),
    ...snoozeActions(c, ctx.now, ctx.timeZone),
    ...assignActions(c, ctx),
    {
      id: 'reply',
      label: t('palette.action.reply'),
      keywords: t('palette.keywords.reply'),
      hint: 'R',
      run: () => useOverlayStore.getState().requestReplyFocus(),
    },
    ...tagActions(c, ctx),
  ];
  return items.map((item) => ({ ...item, group: 'actions' }));
}
