import type { MentionDto } from '@switchboard/contracts';
import { splitMentions } from '../utils/mentions-in-text';

/** A note's text with its `@Name` mentions highlighted. */
export function MentionText({ text, mentions }: { text: string; mentions: readonly MentionDto[] }) {
  return (
    <>
      {splitMentions(text, mentions).map((part, index) =>
        part.mention ? (
          <mark key={index} className="mention" data-testid="mention">
            <bdi>{part.text}</bdi>
          </mark>
        ) : (
          part.text
        ),
      )}
    </>
  );
}
