import type { MessageDto } from '@switchboard/contracts';
import { t } from '../../../i18n/i18n';
import { useTaskDialogStore } from '../store/task-dialog-store';
import { titleFromMessage } from '../utils/title-from-message';

/** "Create task" on a message: the dialog opens with the message's text as the title. */
export function CreateTaskAction({ message }: { message: MessageDto }) {
  return (
    <button
      type="button"
      className="link-button message__task-action"
      data-testid="message-create-task"
      aria-label={t('tasks.create_from_message')}
      onClick={() =>
        useTaskDialogStore.getState().open({
          mode: 'create',
          conversationId: message.conversationId,
          messageId: message.id,
          title: titleFromMessage(message.text),
        })
      }
    >
      {t('tasks.create')}
    </button>
  );
}
