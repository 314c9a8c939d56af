// Builds the three pages of the app (Teams tab, its configuration page, Word task pane) plus the
// MSAL popup redirect page, with shared chunks. Build settings come from the environment:
//
//   CRW_CLIENT_ID     Entra app (client) id. Required for a deployment build; when set for the dev
//                     server, the pages sign in with Microsoft 365 (NAA) instead of local mode.
//   CRW_BASE_URL      https address the pages are served from (default https://localhost:3000);
//                     required for a deployment build.
//   CRW_SITES_PERMISSION  Sites.Manage.All (default) or Sites.Selected: the SharePoint permission
//                     the tenant grants the app (decides the scopes the pages ask for).
//   LOCAL_TENANT_URL  local tenant (Graph emulator) for local mode (default http://localhost:4000).
//   PORT, HTTPS=1     dev server port (default 3000) and self-signed HTTPS for sideloading.
//
//   webpack --mode production              deployment build (Microsoft 365 mode)
//   webpack --mode production --env local  local-mode bundles (tests, bench; no client id)
//   webpack serve --mode development       dev server, local mode unless CRW_CLIENT_ID is set
const fs = require('node:fs');
const path = require('node:path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { contentSecurityPolicy } = require('./scripts/content-security-policy');

const DEFAULT_BASE_URL = 'https://localhost:3000';
const DEFAULT_LOCAL_TENANT_URL = 'http://localhost:4000';

const pages = [
  { name: 'teams-tab', entry: './src/apps/teams-tab/index.tsx', title: 'Case Review Workspace' },
  {
    name: 'teams-tab-config',
    entry: './src/apps/teams-tab/config.tsx',
    title: 'Set up Case Review Workspace',
  },
  { name: 'word-taskpane', entry: './src/apps/word-taskpane/index.tsx', title: 'Case Review Workspace' },
  { name: 'auth-redirect', entry: './src/apps/auth-redirect/index.ts', title: 'Signing in' },
];

function fail(message) {
  // A plain message and a non-zero exit, rather than a stack trace from inside webpack-cli.
  console.error(`Case Review Workspace build: ${message}`);
  process.exit(1);
}

function settingsFor(isProduction, env) {
  const clientId = (process.env.CRW_CLIENT_ID ?? '').trim();
  const baseUrl = (process.env.CRW_BASE_URL ?? '').trim().replace(/\/+$/, '');
  const localTenantUrl = (process.env.LOCAL_TENANT_URL ?? DEFAULT_LOCAL_TENANT_URL)
    .trim()
    .replace(/\/+$/, '');
  const deployment = isProduction && !env.local;
  if (deployment) {
    const missing = [];
    if (!clientId) missing.push('CRW_CLIENT_ID (the Entra app registration client id)');
    if (!baseUrl) missing.push('CRW_BASE_URL (the https address the pages are served from)');
    if (missing.length > 0) {
      fail(
        `a production build for deployment needs ${missing.join(' and ')}. ` +
          'Set them in the environment, or run `npm run build:local` for local-mode bundles.',
      );
    }
  }
  if (clientId && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(clientId)) {
    fail("CRW_CLIENT_ID must be the app registration's client id, a GUID.");
  }
  if (baseUrl && !/^https:\/\//.test(baseUrl)) fail('CRW_BASE_URL must be an https:// address.');
  const sitesPermission = process.env.CRW_SITES_PERMISSION || 'Sites.Manage.All';
  if (sitesPermission !== 'Sites.Manage.All' && sitesPermission !== 'Sites.Selected') {
    fail('CRW_SITES_PERMISSION must be Sites.Manage.All or Sites.Selected.');
  }
  if (!/^https?:\/\//.test(localTenantUrl)) fail('LOCAL_TENANT_URL must be an http:// or https:// address.');
  return {
    mode: env.local || !clientId ? 'local' : 'microsoft365',
    clientId: env.local ? '' : clientId,
    baseUrl: baseUrl || DEFAULT_BASE_URL,
    localTenantUrl,
    sitesPermission,
  };
}

/** Copies assets/ (ribbon icons and other static files) into the output as assets/<file>. */
class CopyAssetsPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('CopyAssetsPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'CopyAssetsPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const dir = path.resolve(__dirname, 'assets');
          if (!fs.existsSync(dir)) return;
          for (const file of fs.readdirSync(dir)) {
            const full = path.join(dir, file);
            if (!fs.statSync(full).isFile()) continue;
            compilation.fileDependencies.add(full);
            compilation.emitAsset(`assets/${file}`, new webpack.sources.RawSource(fs.readFileSync(full)));
          }
        },
      );
    });
  }
}

module.exports = (env = {}, argv = {}) => {
  const isProduction = (argv.mode ?? process.env.NODE_ENV) === 'production';
  const settings = settingsFor(isProduction, env);
  const port = Number(process.env.PORT ?? 3000);
  const csp = contentSecurityPolicy({ ...settings, development: !isProduction });

  return {
    mode: isProduction ? 'production' : 'development',
    devtool: isProduction ? false : 'eval-cheap-module-source-map',
    entry: Object.fromEntries(pages.map((p) => [p.name, p.entry])),
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: isProduction ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: isProduction ? '[name].[contenthash:8].js' : '[name].js',
      publicPath: 'auto',
      // Keep the app package that `npm run package` writes beside the pages.
      clean: { keep: /\.zip$/ },
    },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            // Type checking is `npm run typecheck`; the build only transpiles.
            options: { transpileOnly: true, compilerOptions: { noEmit: false } },
          },
        },
      ],
    },
    plugins: [
      new webpack.DefinePlugin({
        'process.env.CRW_MODE': JSON.stringify(settings.mode),
        'process.env.CRW_CLIENT_ID': JSON.stringify(settings.clientId),
        'process.env.CRW_BASE_URL': JSON.stringify(settings.baseUrl),
        'process.env.LOCAL_TENANT_URL': JSON.stringify(settings.localTenantUrl),
        'process.env.CRW_SITES_PERMISSION': JSON.stringify(settings.sitesPermission),
      }),
      ...pages.map(
        (p) =>
          new HtmlWebpackPlugin({
            filename: `${p.name}.html`,
            chunks: [p.name],
            template: path.resolve(__dirname, 'src/apps/page.html'),
            title: p.title,
            scriptLoading: 'defer',
            inject: 'head',
            // Every page's Content-Security-Policy (scripts/content-security-policy.js).
            meta: { csp: { 'http-equiv': 'Content-Security-Policy', content: csp } },
          }),
      ),
      // `/`: an index of the pages above (the dev server and the build output alike).
      new HtmlWebpackPlugin({
        filename: 'index.html',
        template: path.resolve(__dirname, 'src/apps/index.html'),
        chunks: [],
        inject: 'head',
        minify: false,
        meta: { csp: { 'http-equiv': 'Content-Security-Policy', content: csp } },
      }),
      new CopyAssetsPlugin(),
    ],
    optimization: {
      splitChunks: { chunks: 'all' },
      runtimeChunk: 'single',
    },
    // Page weight is measured by `npm run bench`, not by webpack's generic hints.
    performance: { hints: false },
    stats: isProduction ? 'normal' : 'minimal',
    devServer: {
      host: 'localhost',
      port,
      server: process.env.HTTPS === '1' ? 'https' : 'http',
      static: false,
      hot: false,
      liveReload: true,
      client: { overlay: { warnings: false, errors: true } },
    },
  };
};
