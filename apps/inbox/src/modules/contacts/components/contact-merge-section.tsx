// Placeholder until contact merge lands (issue 13): the card renders it under the identities.
export function ContactMergeSection(_props: { contactId: string }) {
  return null;
}
