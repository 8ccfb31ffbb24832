import {
  approvalOf,
  bodyOf,
  placeholders,
  toMessageTemplate,
  variableNames,
} from './twilio-templates';

const content = {
  sid: `HX${'a'.repeat(32)}`,
  friendlyName: 'order_shipped',
  language: 'en',
  variables: { '2': 'ORD-1', '1': 'Erika', '10': 'x' },
  types: { 'twilio/text': { body: 'Hi {{1}}, order {{2}} shipped. {{10}}' } },
  approvalRequests: { name: 'order_shipped', category: 'UTILITY', status: 'approved' },
};

describe('toMessageTemplate', () => {
  it('maps a Content API resource for a WhatsApp inbox', () => {
    expect(toMessageTemplate(content, true)).toEqual({
      id: content.sid,
      name: 'order_shipped',
      language: 'en',
      body: 'Hi {{1}}, order {{2}} shipped. {{10}}',
      variables: ['1', '2', '10'],
      approval: 'approved',
    });
  });

  it('calls every template approved for SMS, which has no approval', () => {
    const pending = { ...content, approvalRequests: { status: 'pending' } };
    expect(toMessageTemplate(pending, true).approval).toBe('pending');
    expect(toMessageTemplate(pending, false).approval).toBe('approved');
  });

  it('falls back to the sid and an undetermined language', () => {
    const bare = { sid: content.sid, types: null };
    expect(toMessageTemplate(bare, true)).toMatchObject({
      name: content.sid,
      language: 'und',
      body: '',
      variables: [],
      approval: 'unsubmitted',
    });
  });
});

describe('template parts', () => {
  it('takes the body of twilio/text, else of the first type that has one', () => {
    expect(bodyOf({ 'twilio/media': { body: 'See {{1}}', media: ['x'] } })).toBe('See {{1}}');
    expect(bodyOf({ 'twilio/card': { title: 'Card {{1}}' } })).toBe('Card {{1}}');
    expect(bodyOf({ 'twilio/quick-reply': { body: 'Q' }, 'twilio/text': { body: 'T' } })).toBe('T');
    expect(bodyOf({})).toBe('');
  });

  it('finds placeholders linearly and merges them with the declared ones', () => {
    expect(placeholders('{{1}} and {{ 2 }} and {{}} and {{3')).toEqual(['1', '2']);
    expect(placeholders('{'.repeat(10_000))).toEqual([]);
    expect(variableNames({ name: 'x' }, 'Hi {{2}} {{1}}')).toEqual(['1', '2', 'name']);
  });

  it("reads WhatsApp's verdict flat or nested", () => {
    expect(approvalOf({ whatsapp: { status: 'rejected' } })).toBe('rejected');
    expect(approvalOf({ status: 'received' })).toBe('pending');
    expect(approvalOf({ status: 'paused' })).toBe('rejected');
    expect(approvalOf({ status: 'unsubmitted' })).toBe('unsubmitted');
    expect(approvalOf(null)).toBe('unsubmitted');
  });
});
