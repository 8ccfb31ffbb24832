import { TASK_VIEWS, type TaskView } from '@switchboard/contracts';
import { useEffect } from 'react';
import { t } from '../../../i18n/i18n';
import { useAuthStore } from '../../auth/store/auth-store';
import { setTasksOperator, useTasksStore } from '../store/tasks-store';
import { TaskItem } from './task-item';
import '../tasks.css';

/** The Tasks screen: mine / all / overdue / done, each task with its linked conversations. */
export default function TasksScreen() {
  const me = useAuthStore((s) => s.operator?.id ?? null);
  const tab = useTasksStore((s) => s.tab);

  useEffect(() => {
    setTasksOperator(me);
    void useTasksStore.getState().showTab(useTasksStore.getState().tab.view);
  }, [me]);

  const show = (view: TaskView) => void useTasksStore.getState().showTab(view);

  return (
    <main className="tasks-screen" data-testid="tasks-screen">
      <header className="tasks-screen__header">
        <h1>{t('tasks.title')}</h1>
        <div role="tablist" aria-label={t('tasks.tabs_label')} className="tasks-screen__tabs">
          {TASK_VIEWS.map((view) => (
            <button
              key={view}
              type="button"
              role="tab"
              className="tasks-screen__tab"
              data-testid={`tasks-tab-${view}`}
              aria-selected={tab.view === view}
              onClick={() => show(view)}
            >
              {t(`tasks.tab.${view}`)}
            </button>
          ))}
        </div>
      </header>
      <section role="tabpanel" className="tasks-screen__list" aria-busy={tab.loading}>
        {tab.loadError && (
          <p className="form-error" role="alert">
            {t('tasks.load_failed', { message: tab.loadError })}
          </p>
        )}
        {tab.items.length === 0 && !tab.loading && !tab.loadError && (
          <p className="tasks-screen__empty" data-testid="tasks-empty">
            {t(`tasks.empty.${tab.view}`)}
          </p>
        )}
        <ul className="task-list" data-testid="task-list" data-view={tab.view}>
          {tab.items.map((task) => (
            <TaskItem key={task.id} task={task} />
          ))}
        </ul>
        {tab.loading && <p className="tasks-screen__loading">{t('tasks.loading')}</p>}
        {tab.nextCursor && !tab.loading && (
          <button
            type="button"
            className="button"
            onClick={() => void useTasksStore.getState().loadMore()}
          >
            {t('tasks.load_more')}
          </button>
        )}
      </section>
    </main>
  );
}
