import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'coverage/', '.wwebjs_*/', 'nlp/_scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  // Dependencies point inward (README, architecture): adapters depend on the core, never the reverse.
  ...importDirections(),
  {
    files: ['bin/*', '**/*.cjs', 'scripts/*.mjs', 'deploy/*.mjs'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        AbortSignal: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);

/**
 * The import-direction check run by `npm run check`: per folder, the imports that would point outward. Import paths
 * are relative, so each rule matches the folder name after the "../" that leave the importing folder.
 */
function importDirections() {
  const rule = (files, ignores, banned) => ({
    files,
    ...(ignores.length ? { ignores } : {}),
    rules: {
      'no-restricted-imports': ['error', { patterns: banned.map(([regex, message]) => ({ regex, message })) }],
    },
  });
  const bots = ['^(\\.\\./)+bots/', 'the core must not import a channel adapter (only src/cli/channels.ts lists them)'];
  return [
    rule(['src/**/*.ts', 'flows/**/*.ts', 'nlp/**/*.ts'], ['src/cli/channels.ts'], [bots]),
    rule(['bots/**/*.ts'], [], [['(^|/)src/cli/', 'adapters depend on the core (src/ports), never on the CLI']]),
    rule(
      ['nlp/**/*.ts'],
      [],
      [['(^|/)src/(services|store|cli|scheduler|digest)/', 'text understanding must not import the services']],
    ),
    rule(
      ['src/domain/**/*.ts'],
      [],
      [
        ['^\\.\\./(services|store|cli|scheduler|digest|config|ports|app)', 'the domain depends on nothing but itself'],
        bots,
      ],
    ),
    rule(
      ['flows/**/*.ts'],
      [],
      [['(^|/)src/(store/(sqlite|mongo)|cli)/', 'flows are plain functions: no store adapter, no CLI'], bots],
    ),
  ];
}
