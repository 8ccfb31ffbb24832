// Placeholder until the tasks screen lands (issue 13).
export default function TasksScreen() {
  return <main className="panes" data-testid="tasks-screen" />;
}
