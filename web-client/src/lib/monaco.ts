import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api';
import 'monaco-editor/esm/vs/basic-languages/cpp/cpp.contribution';
import 'monaco-editor/esm/vs/basic-languages/python/python.contribution';
import 'monaco-editor/esm/vs/basic-languages/java/java.contribution';
import 'monaco-editor/esm/vs/basic-languages/javascript/javascript.contribution';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker?worker';
import type { LanguageId, PlayerClass } from './types';

// Monaco comes from the bundle, never from a CDN (the arena may run with no internet): the
// loader is handed this module's instance, and the one worker it needs is bundled by Vite.
// Only syntax colouring is loaded for the judge's languages, which keeps the bundle small.
(self as unknown as { MonacoEnvironment: monaco.Environment }).MonacoEnvironment = {
  getWorker: () => new EditorWorker(),
};
loader.config({ monaco });

export const LANGUAGES: { id: LanguageId; label: string; monaco: string }[] = [
  { id: 'python3', label: 'Python 3', monaco: 'python' },
  { id: 'cpp17', label: 'C++17', monaco: 'cpp' },
  { id: 'c11', label: 'C11', monaco: 'c' },
  { id: 'java17', label: 'Java 17', monaco: 'java' },
  { id: 'javascript', label: 'JavaScript (Node)', monaco: 'javascript' },
];

export const TEMPLATES: Record<LanguageId, string> = {
  python3: 'import sys\n\ndef main():\n    data = sys.stdin.read().split()\n    \n\nmain()\n',
  cpp17: '#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n    ios::sync_with_stdio(false);\n    cin.tie(nullptr);\n    \n    return 0;\n}\n',
  c11: '#include <stdio.h>\n\nint main(void) {\n    \n    return 0;\n}\n',
  java17: 'import java.io.*;\nimport java.util.*;\n\npublic class Main {\n    public static void main(String[] args) throws IOException {\n        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));\n        \n    }\n}\n',
  javascript: "const data = require('fs').readFileSync(0, 'utf8').trim().split(/\\s+/);\n\n",
};

export const FILE_EXTENSIONS: Record<string, LanguageId> = {
  py: 'python3', cpp: 'cpp17', cc: 'cpp17', c: 'c11', java: 'java17', js: 'javascript',
};

/** The class is cosmetic: it only tunes the editor (product.md §2). */
export function classEditorOptions(playerClass: PlayerClass | undefined): monaco.editor.IStandaloneEditorConstructionOptions {
  switch (playerClass) {
    case 'ARCHITECT': return { minimap: { enabled: true }, folding: true, guides: { indentation: true, bracketPairs: true } };
    case 'SPEEDRUNNER': return { fontSize: 16, cursorBlinking: 'solid', cursorSmoothCaretAnimation: 'off', quickSuggestions: false };
    case 'GOLFER': return { renderWhitespace: 'all', wordWrap: 'on' };
    case 'SABOTEUR': return { renderLineHighlight: 'all', lineNumbers: 'on', glyphMargin: true };
    default: return { cursorSmoothCaretAnimation: 'on' };
  }
}
