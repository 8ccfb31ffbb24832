// Placeholder until the contacts screen lands (issue 13).
export default function ContactsScreen() {
  return <main className="panes" data-testid="contacts-screen" />;
}
