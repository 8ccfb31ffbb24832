import { replyAllRecipients } from './reply-all-recipients';
import type { ThreadAddressRow } from './email-replies.repository';

const exclude = { customer: 'jane@customer.example', inboxAddress: 'support@acme.example' };

describe('replyAllRecipients', () => {
  it('keeps everyone on the thread but the customer and the inbox, newest mail first, without Bcc', () => {
    const rows: ThreadAddressRow[] = [
      // Newest: Bob (copied on the first mail) answered everyone.
      {
        direction: 'incoming',
        sender_address: 'b@y.example',
        sender_name: 'Bob Why',
        email_recipients: {
          to: [{ address: 'support@acme.example', name: 'Acme' }],
          cc: [
            { address: 'jane@customer.example', name: 'Jane' },
            { address: 'a@x.example', name: 'Ann' },
          ],
        },
      },
      {
        direction: 'outgoing',
        sender_address: null,
        sender_name: null,
        email_recipients: {
          cc: [{ address: 'c@z.example', name: null }],
          bcc: [{ address: 'boss@acme.example', name: null }],
        },
      },
      {
        direction: 'incoming',
        sender_address: 'jane@customer.example',
        sender_name: 'Jane',
        email_recipients: {
          to: [
            { address: 'support+sb-0abc@acme.example', name: null },
            { address: 'sales@acme.example', name: null },
          ],
          cc: [
            { address: 'A@X.example', name: null },
            { address: 'b@y.example', name: null },
          ],
        },
      },
    ];
    expect(replyAllRecipients(rows, exclude)).toEqual([
      { address: 'b@y.example', name: 'Bob Why' },
      { address: 'a@x.example', name: 'Ann' },
      { address: 'c@z.example', name: null },
      { address: 'sales@acme.example', name: null },
    ]);
  });

  it('offers at most 20 addresses', () => {
    const cc = Array.from({ length: 30 }, (_, i) => ({ address: `p${i}@x.example`, name: null }));
    const rows: ThreadAddressRow[] = [
      {
        direction: 'incoming',
        sender_address: exclude.customer,
        sender_name: null,
        email_recipients: { to: [], cc },
      },
    ];
    expect(replyAllRecipients(rows, exclude)).toHaveLength(20);
  });
});
