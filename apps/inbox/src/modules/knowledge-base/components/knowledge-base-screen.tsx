import type { KbCategoryDto } from '@switchboard/contracts';
import { useCallback, useEffect, useState } from 'react';
import { kbApi } from '../api/kb-api';
import { KbArticleEditor } from './kb-article-editor';
import { KbArticleList } from './kb-article-list';
import '../knowledge-base.css';

/** The Knowledge base screen (`#/kb`, `#/kb/<article id>`): the list, or one article's editor. */
export default function KnowledgeBaseScreen({ articleId }: { articleId: string | null }) {
  const [categories, setCategories] = useState<KbCategoryDto[]>([]);
  const reloadCategories = useCallback(() => {
    kbApi
      .categories()
      .then(setCategories)
      .catch(() => setCategories([]));
  }, []);
  useEffect(reloadCategories, [reloadCategories]);

  return (
    <main className="kb-screen" data-testid="kb-screen">
      {articleId ? (
        <KbArticleEditor key={articleId} articleId={articleId} categories={categories} />
      ) : (
        <KbArticleList categories={categories} onCategoriesChanged={reloadCategories} />
      )}
    </main>
  );
}
