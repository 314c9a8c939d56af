// Three projects so that a developer can run one layer alone (`npx jest --selectProjects unit`).
// The TypeScript transform compiles to CommonJS for jest; webpack and tsx read tsconfig.json as it is.
const tsJest = [
  'ts-jest',
  {
    tsconfig: {
      module: 'commonjs',
      moduleResolution: 'node',
      jsx: 'react-jsx',
      isolatedModules: true,
      verbatimModuleSyntax: false,
    },
  },
];
const common = {
  transform: { '^.+\\.tsx?$': tsJest },
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};
module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/test/{core,word,ui,hosts,lint}/**/*.test.ts?(x)'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/{graph,local-tenant,contract,manifest,scripts}/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
    },
  ],
  // A global option: jest reads it from the root config only, never from a project.
  testTimeout: 60000,
};
