// Placeholder until the contact page lands (issue 13).
export default function ContactPage({ contactId }: { contactId: string }) {
  return <main className="panes" data-testid="contact-page" data-contact-id={contactId} />;
}
