import type { KbSearchHitDto } from '@switchboard/contracts';
import { suggestArticles, suggestionWords } from './article-suggestions';

const hit = (versionId: string): KbSearchHitDto => ({
  articleId: versionId,
  versionId,
  locale: 'ru',
  title: versionId,
  slug: versionId,
  snippet: '',
  url: '',
});

describe('article suggestions for a message being typed', () => {
  it('searches the longer words, each once', () => {
    expect(suggestionWords('Хочу вернуть товар, хочу! ok')).toEqual(['вернуть', 'товар', 'хочу']);
    expect(suggestionWords('?? !!')).toEqual([]);
  });

  it('ranks the articles matching the most words first', async () => {
    const index: Record<string, string[]> = { вернуть: ['b', 'a'], товар: ['a'], хочу: [] };
    const found = await suggestArticles('Хочу вернуть товар', 3, async (w) =>
      (index[w] ?? []).map(hit),
    );
    expect(found.map((h) => h.versionId)).toEqual(['a', 'b']);
  });
});
