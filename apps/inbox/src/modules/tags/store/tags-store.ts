import type { TagDto } from '@switchboard/contracts';
import { create } from 'zustand';
import { tagsApi } from '../api/tags-api';
import { errorText } from '../../../shared/api/error-text';

interface TagsState {
  /** The account's tags, by name: the type-ahead's choices and the admin list. */
  tags: TagDto[];
  loaded: boolean;
  error: string | null;
  load: () => Promise<void>;
}

export const useTagsStore = create<TagsState>((set) => ({
  tags: [],
  loaded: false,
  error: null,
  load: async () => {
    try {
      set({ tags: await tagsApi.list(), loaded: true, error: null });
    } catch (error) {
      set({ error: errorText(error) });
    }
  },
}));
