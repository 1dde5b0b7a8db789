import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { TEMPLATES } from '../lib/monaco';
import type { LanguageId } from '../lib/types';

interface EditorState {
  language: LanguageId;
  /** Code per match/problem/language, kept across reloads so a dropped tab loses nothing. */
  drafts: Record<string, string>;
  setLanguage: (language: LanguageId) => void;
  code: (key: string) => string;
  setCode: (key: string, code: string) => void;
}

export const draftKey = (matchId: string, problemId: string, language: LanguageId) => `${matchId}/${problemId}/${language}`;

export const useEditorStore = create<EditorState>()(
  persist(
    (set, get) => ({
      language: 'python3',
      drafts: {},
      setLanguage: (language) => set({ language }),
      code: (key) => get().drafts[key] ?? TEMPLATES[key.split('/')[2] as LanguageId] ?? '',
      setCode: (key, code) => set((s) => ({ drafts: { ...s.drafts, [key]: code } })),
    }),
    { name: 'codearena.editor' },
  ),
);
