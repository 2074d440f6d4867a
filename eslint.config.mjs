// ESLint flat config: correctness rules, the security plugin, and the prototype-pollution
// rules this library lives by. Formatting is Prettier's job (`npm run format:check`).
import js from '@eslint/js';
import security from 'eslint-plugin-security';
import globals from 'globals';

export default [
  {
    ignores: [
      '**/node_modules/**',
      'target/**',
      'npm/bulwark/wasm/**',
      'npm/bulwark/web/**',
      'dist/**',
      'bench/**',
      '.bench-results/**',
    ],
  },
  js.configs.recommended,
  security.configs.recommended,
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { ecmaVersion: 2024, sourceType: 'commonjs', globals: { ...globals.node } },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { ecmaVersion: 2024, sourceType: 'module', globals: { ...globals.node } },
  },
  {
    files: ['examples/public/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser } },
  },
  {
    rules: {
      // Fires on every computed member access; own-property reads are enforced by the
      // polluted-prototype tests instead (js-tests/pollution.test.js).
      'security/detect-object-injection': 'off',
      // Matching control characters is this library's job (stripLow, sanitizers, tests).
      'no-control-regex': 'off',
      'no-proto': 'error',
      'no-extend-native': 'error',
      'no-prototype-builtins': 'error',
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    // The published library: a `for...in` walks inherited keys of a polluted prototype.
    files: ['npm/bulwark/**/*.js'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'ForInStatement', message: 'for...in reads inherited keys; use Object.keys or Reflect.ownKeys.' },
      ],
    },
  },
  {
    // Files whose pollution immunity js-tests/pollution.test.js checks: array destructuring
    // closes its iterator through a `return` method read from Object.prototype.
    files: [
      'npm/bulwark/lib/{args,escape,compare,merge,sanitizers,ssrf,password}.js',
      'npm/bulwark/lib/validators/*.js',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'ForInStatement', message: 'for...in reads inherited keys; use Object.keys or Reflect.ownKeys.' },
        {
          selector: 'ArrayPattern',
          message:
            'array destructuring reads `return` through a polluted Object.prototype; read indexes (own elements) instead.',
        },
      ],
    },
  },
  {
    // Tests, benches and scripts read fixtures and paths they build themselves, and tests
    // pollute prototypes on purpose.
    files: ['js-tests/**', 'benches/**', 'scripts/**', 'examples/test/**'],
    rules: {
      'security/detect-non-literal-fs-filename': 'off',
      'security/detect-non-literal-regexp': 'off',
      'security/detect-child-process': 'off',
      'no-extend-native': 'off',
      'no-proto': 'off',
    },
  },
];
